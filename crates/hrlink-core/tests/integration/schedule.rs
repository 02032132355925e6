//! The daily check's scheduler, with the real files in a temp dir and the scheduler's tool
//! (`systemctl`, `schtasks`, `launchctl`) replaced by a recorder at the seam.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use hrlink_core::Problem;
use hrlink_core::schedule::systemd::{self, SERVICE, TIMER, UserUnits};
use hrlink_core::schedule::{self, DailyCheck, ScheduledCheck, Scheduler, Tool, launchd, windows};

/// Records each call; answers as a user systemd that is running (or not) would.
#[derive(Clone, Default)]
struct Recorder {
    calls: Arc<Mutex<Vec<String>>>,
    running: bool,
    failing: Option<&'static str>,
}

impl Tool for Recorder {
    fn run(&self, program: &str, args: &[&str]) -> Option<String> {
        let call = format!("{program} {}", args.join(" "));
        self.calls.lock().unwrap().push(call.clone());
        if self.failing.is_some_and(|failing| call.contains(failing)) {
            return None;
        }
        match args {
            ["--user", "show", "--property=Version", "--value"] => {
                self.running.then(|| "257.9-1\n".to_owned())
            }
            ["--user", "show", TIMER, ..] => self.running.then(|| "@1765184400\n".to_owned()),
            _ if program == "systemctl" && !self.running => None,
            _ => Some(String::new()),
        }
    }
}

impl Recorder {
    fn running() -> Recorder {
        Recorder {
            running: true,
            ..Recorder::default()
        }
    }

    /// The calls that change something (the probes left out).
    fn changes(&self) -> Vec<String> {
        self.calls
            .lock()
            .unwrap()
            .iter()
            .filter(|call| !call.contains(" show "))
            .cloned()
            .collect()
    }
}

fn check() -> ScheduledCheck {
    ScheduledCheck::new(
        PathBuf::from("/opt/HR Link/hrlink"),
        Some(Path::new("/home/ada/100% config")),
        None,
        None,
    )
}

fn units(tool: &Recorder) -> (tempfile::TempDir, PathBuf, UserUnits) {
    let xdg = tempfile::tempdir().unwrap();
    let dir = xdg.path().join("systemd/user");
    let units = UserUnits::new(dir.clone(), Box::new(tool.clone()));
    (xdg, dir, units)
}

#[test]
fn the_units_run_the_check_daily_and_catch_up() {
    let service = systemd::service_unit(&check()).unwrap();
    assert!(service.contains("\n[Service]\nType=oneshot\n"), "{service}");
    assert!(
        service.contains(
            "\nExecStart=\"/opt/HR Link/hrlink\" \"--config-dir\" \"/home/ada/100%% config\" \
             \"connections\" \"check\" \"--notify\" \"--wait-for-click\"\n"
        ),
        "a path with a space and a % runs as it is: {service}"
    );
    let timer = systemd::timer_unit();
    for line in [
        "OnCalendar=*-*-* 09:00:00",
        "Persistent=true",
        "RandomizedDelaySec=1h",
        "WantedBy=timers.target",
    ] {
        assert!(timer.lines().any(|l| l == line), "{line} in {timer}");
    }
}

#[test]
fn enabling_without_a_running_user_systemd_writes_the_units_and_the_wants_link() {
    let tool = Recorder::default();
    let (_xdg, dir, units) = units(&tool);
    units.enable(&check()).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.join(SERVICE)).unwrap(),
        systemd::service_unit(&check()).unwrap()
    );
    assert_eq!(
        std::fs::read_to_string(dir.join(TIMER)).unwrap(),
        systemd::timer_unit()
    );
    let link = dir.join("timers.target.wants").join(TIMER);
    assert_eq!(std::fs::read_link(&link).unwrap(), dir.join(TIMER));
    assert!(
        tool.changes().is_empty(),
        "nothing to reload: {:?}",
        tool.changes()
    );
    let status = units.status().unwrap();
    assert!(status.enabled);
    assert_eq!(status.next_run, None, "no manager to ask");
    assert_eq!(status.scheduler, Scheduler::Systemd);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        for folder in [dir.clone(), dir.join("timers.target.wants")] {
            let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o700, "{}", folder.display());
        }
    }
}

#[test]
fn enabling_with_a_running_user_systemd_reloads_and_starts_the_timer() {
    let tool = Recorder::running();
    let (_xdg, _dir, units) = units(&tool);
    units.enable(&check()).unwrap();
    assert_eq!(
        tool.changes(),
        [
            "systemctl --user daemon-reload",
            "systemctl --user start hrlink-check.timer"
        ]
    );
    let status = units.status().unwrap();
    assert!(status.enabled);
    assert_eq!(status.next_run, Some(1_765_184_400));
}

#[test]
fn enabling_again_replaces_the_units_and_the_link() {
    let tool = Recorder::default();
    let (_xdg, dir, units) = units(&tool);
    units.enable(&check()).unwrap();
    let moved = ScheduledCheck::new(PathBuf::from("/usr/bin/hrlink"), None, None, None);
    units.enable(&moved).unwrap();
    let service = std::fs::read_to_string(dir.join(SERVICE)).unwrap();
    assert!(service.contains("ExecStart=\"/usr/bin/hrlink\" \"connections\""));
}

#[test]
fn disabling_stops_the_timer_and_removes_everything() {
    let tool = Recorder::running();
    let (_xdg, dir, units) = units(&tool);
    units.enable(&check()).unwrap();
    units.disable().unwrap();
    assert_eq!(
        tool.changes()[2..],
        [
            "systemctl --user stop hrlink-check.timer",
            "systemctl --user daemon-reload"
        ]
    );
    for file in [
        dir.join(SERVICE),
        dir.join(TIMER),
        dir.join("timers.target.wants").join(TIMER),
    ] {
        assert!(file.symlink_metadata().is_err(), "{} left", file.display());
    }
    let status = units.status().unwrap();
    assert!(!status.enabled);
    assert_eq!(status.next_run, None);
    // Off when already off: nothing to do, no failure.
    units.disable().unwrap();
}

#[test]
fn a_failing_systemctl_is_a_problem_with_its_step() {
    let tool = Recorder {
        failing: Some("start"),
        ..Recorder::running()
    };
    let (_xdg, _dir, units) = units(&tool);
    assert_eq!(
        units.enable(&check()),
        Err(Problem::ScheduleFailed {
            step: "start_timer".into()
        })
    );
}

#[test]
fn a_path_systemd_cannot_run_is_refused() {
    let check = ScheduledCheck::new(PathBuf::from("/opt/hr\nlink"), None, None, None);
    assert!(matches!(
        systemd::service_unit(&check),
        Err(Problem::ScheduleFailed { .. })
    ));
}

#[test]
fn windows_gets_a_daily_task_of_its_own() {
    let tool = Recorder::default();
    let tasks = windows::TaskScheduler::new(Box::new(tool.clone()));
    let check = ScheduledCheck::new(
        PathBuf::from(r"C:\Program Files\HR Link\hrlink.exe"),
        None,
        None,
        None,
    );
    tasks.enable(&check).unwrap();
    tasks.disable().unwrap();
    let calls = tool.calls.lock().unwrap().clone();
    assert_eq!(
        calls,
        [
            r#"schtasks /Create /F /TN HR Link\Check connections /SC DAILY /ST 09:00 /TR "C:\Program Files\HR Link\hrlink.exe" "connections" "check" "--notify" "--wait-for-click""#,
            r"schtasks /Query /TN HR Link\Check connections /FO CSV /NH",
            r"schtasks /Delete /F /TN HR Link\Check connections",
        ]
    );
}

#[test]
fn macos_gets_a_launch_agent() {
    let tool = Recorder::default();
    let home = tempfile::tempdir().unwrap();
    let agent = launchd::LaunchAgent::new(
        home.path().to_path_buf(),
        "501".into(),
        Box::new(tool.clone()),
    );
    let check = ScheduledCheck::new(
        PathBuf::from("/Applications/HR Link.app/hrlink"),
        None,
        None,
        None,
    );
    agent.enable(&check).unwrap();
    let plist = std::fs::read_to_string(home.path().join("app.hrlink.check.plist")).unwrap();
    assert!(plist.contains("<string>/Applications/HR Link.app/hrlink</string>"));
    assert!(plist.contains("<key>Hour</key><integer>9</integer>"));
    assert!(agent.status().unwrap().enabled);
    agent.disable().unwrap();
    assert!(!agent.status().unwrap().enabled);
    let calls = tool.calls.lock().unwrap().clone();
    assert_eq!(
        calls[1],
        format!(
            "launchctl bootstrap gui/501 {}",
            home.path().join("app.hrlink.check.plist").display()
        )
    );
}

#[test]
fn the_switch_answers_what_the_scheduler_says_after_it() {
    let tool = Recorder::running();
    let (_xdg, dir, units) = units(&tool);
    let on = schedule::switch(&units, true, || Ok(check())).unwrap();
    assert!(on.enabled);
    assert_eq!(on.next_run, Some(1_765_184_400), "read back from systemd");
    assert!(dir.join(TIMER).is_file());
    let off =
        schedule::switch(&units, false, || panic!("no check is built to switch off")).unwrap();
    assert!(!off.enabled);
    assert!(!dir.join(TIMER).exists());
    // A check that cannot be built (no `hrlink` beside the app) installs nothing.
    assert_eq!(
        schedule::switch(&units, true, || Err(Problem::ScheduleProgramMissing)),
        Err(Problem::ScheduleProgramMissing)
    );
    assert!(!units.status().unwrap().enabled);
}

#[test]
fn the_job_runs_the_hrlink_command_beside_the_app() {
    let folder = tempfile::tempdir().unwrap();
    let app = folder.path().join("hrlink-desktop");
    assert_eq!(
        schedule::cli_beside(&app),
        Err(Problem::ScheduleProgramMissing)
    );
    let cli = folder.path().join(if cfg!(windows) {
        "hrlink.exe"
    } else {
        "hrlink"
    });
    std::fs::write(&cli, "").unwrap();
    assert_eq!(schedule::cli_beside(&app), Ok(cli));
}

#[test]
fn the_daily_check_is_offered_once() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("hrlink");
    assert!(schedule::take_offer(&dir), "the first save offers it");
    assert!(!schedule::take_offer(&dir), "later saves do not");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let note = std::fs::read_dir(&dir).unwrap().next().unwrap().unwrap();
        let mode = note.metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

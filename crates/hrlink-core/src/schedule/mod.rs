//! The daily background check: an OS-scheduled job that runs `hrlink connections check
//! --notify`, not a process of ours that stays resident. The check records a connection that
//! stopped working (`failing_since`), so the app shows it with Re-authorise when it next opens,
//! and tells the admin at once with an OS notification whose action opens that fix.
//!
//! - Linux: a systemd **user** timer and service in `$XDG_CONFIG_HOME/systemd/user/`
//!   ([`systemd`]), enabled the way `systemctl --user enable` does it, so it works even while
//!   the user's systemd is not running; where it runs, it is reloaded and the timer started.
//!   Without systemd there is nothing to offer, and [`Problem::ScheduleUnavailable`] says so.
//! - Windows: a Task Scheduler task ([`windows`], `schtasks`).
//! - macOS: a launchd agent in `~/Library/LaunchAgents` ([`launchd`], `launchctl`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::Problem;

pub mod launchd;
pub mod systemd;
pub mod windows;

/// The check the OS runs: a program and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledCheck {
    /// The `hrlink` executable.
    pub program: PathBuf,
    /// `connections check --notify --wait-for-click`, and the settings the check needs to see what this
    /// process sees (a config dir, endpoints or configuration given explicitly).
    pub args: Vec<OsString>,
}

impl ScheduledCheck {
    /// `program connections check --notify --wait-for-click`, with `--config-dir`, `--endpoints` and `--config`
    /// for each that is given.
    pub fn new(
        program: PathBuf,
        config_dir: Option<&Path>,
        endpoints: Option<&Path>,
        config: Option<&Path>,
    ) -> ScheduledCheck {
        let mut args: Vec<OsString> = Vec::new();
        for (flag, value) in [
            ("--config-dir", config_dir),
            ("--endpoints", endpoints),
            ("--config", config),
        ] {
            if let Some(value) = value {
                args.push(flag.into());
                args.push(
                    std::path::absolute(value)
                        .unwrap_or(value.to_path_buf())
                        .into(),
                );
            }
        }
        // The job waits for a click on its notification: no one is at a terminal to be kept
        // waiting, and the click reaches only a process that still listens.
        args.extend(["connections", "check", "--notify", "--wait-for-click"].map(OsString::from));
        ScheduledCheck { program, args }
    }
}

/// The name of the `hrlink` command-line tool on this platform.
const CLI_NAME: &str = if cfg!(windows) {
    "hrlink.exe"
} else {
    "hrlink"
};

/// The `hrlink` command beside the desktop app's executable `app`, which the job runs: the
/// packages install both into one folder (`/usr/bin` from the .deb), as a build leaves both in
/// `target/<profile>`. [`Problem::ScheduleProgramMissing`] when it is not there.
pub fn cli_beside(app: &Path) -> Result<PathBuf, Problem> {
    app.parent()
        .map(|folder| folder.join(CLI_NAME))
        .filter(|cli| cli.is_file())
        .ok_or(Problem::ScheduleProgramMissing)
}

/// Switches the daily check on (installing `check()`) or off, and answers how it stands then,
/// as the scheduler tells it (never what was asked for).
pub fn switch(
    daily: &dyn DailyCheck,
    on: bool,
    check: impl FnOnce() -> Result<ScheduledCheck, Problem>,
) -> Result<ScheduleStatus, Problem> {
    if on {
        daily.enable(&check()?)?;
    } else {
        daily.disable()?;
    }
    daily.status()
}

/// The file that notes the daily check was offered after a save (nothing else is in it).
const OFFERED_FILE: &str = "daily-check-offered";

/// Whether the saved page may offer the daily check: `true` the first time only, noted in
/// `config_dir` so that it is offered once, not after every save. `false` when the note
/// cannot be written (better no offer than one after every save).
pub fn take_offer(config_dir: &Path) -> bool {
    let note = config_dir.join(OFFERED_FILE);
    !note.exists() && crate::files::write_atomic(&note, b"offered\n").is_ok()
}

/// Whether the daily check is on, and when it runs next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScheduleStatus {
    /// The job is installed and enabled.
    pub enabled: bool,
    /// The next run (Unix seconds), where the OS tells: `None` when off, or when the scheduler
    /// is not running now (systemd's user manager starts at the next login).
    pub next_run: Option<u32>,
    /// Which scheduler keeps the job: `systemd`, `task_scheduler` or `launchd`.
    pub scheduler: Scheduler,
}

/// The OS scheduler that runs the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Scheduler {
    /// A systemd user timer (Linux).
    Systemd,
    /// A Task Scheduler task (Windows).
    TaskScheduler,
    /// A launchd agent (macOS).
    Launchd,
}

/// Runs a scheduler's command-line tool (`systemctl`, `schtasks`, `launchctl`): the seam the
/// tests replace to record calls.
pub trait Tool: Send + Sync {
    /// Runs `program args…`; its standard output when it exits 0, `None` when it cannot be
    /// started or fails.
    fn run(&self, program: &str, args: &[&str]) -> Option<String>;
}

/// The real tools, as child processes.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemTools;

impl Tool for SystemTools {
    fn run(&self, program: &str, args: &[&str]) -> Option<String> {
        let output = std::process::Command::new(program)
            .args(args)
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

/// The daily check on this platform: switch it on or off, or ask how it stands.
pub trait DailyCheck {
    /// Installs and enables the job (again, when it exists: the program may have moved).
    fn enable(&self, check: &ScheduledCheck) -> Result<(), Problem>;
    /// Stops and removes the job; nothing happens when there is none.
    fn disable(&self) -> Result<(), Problem>;
    /// Whether the job is on and when it runs next.
    fn status(&self) -> Result<ScheduleStatus, Problem>;
}

/// This platform's scheduler, with the real tools; [`Problem::ScheduleUnavailable`] where there
/// is none (Linux without systemd).
pub fn this_platform() -> Result<Box<dyn DailyCheck>, Problem> {
    let tools = Box::new(SystemTools);
    if cfg!(windows) {
        return Ok(Box::new(windows::TaskScheduler::new(tools)));
    }
    if cfg!(target_os = "macos") {
        return launchd::LaunchAgent::for_user(tools)
            .map(|agent| Box::new(agent) as Box<dyn DailyCheck>);
    }
    systemd::UserUnits::for_user(tools).map(|units| Box::new(units) as Box<dyn DailyCheck>)
}

/// A scheduler step failed: which one, for the message and the diagnostics.
fn failed(step: &str) -> Problem {
    Problem::ScheduleFailed {
        step: step.to_owned(),
    }
}

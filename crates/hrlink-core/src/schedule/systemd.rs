//! Linux: a systemd user timer and service, written to `$XDG_CONFIG_HOME/systemd/user/`.
//!
//! Enabled the way `systemctl --user enable` does it, by the `timers.target.wants` link, so it
//! takes effect at the next login even when the user's systemd is not running now; when it is,
//! `daemon-reload` and `start` make it active at once. The timer fires daily at 09:00 local time
//! (people are at work) plus up to an hour at random (not every computer of a company at
//! once), and `Persistent=true` catches up on a day the computer was
//! off.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::{DailyCheck, ScheduleStatus, ScheduledCheck, Scheduler, Tool, failed};
use crate::Problem;
use crate::files::create_private_folder;

/// The timer's unit name.
pub const TIMER: &str = "hrlink-check.timer";
/// The service's unit name (the timer starts it).
pub const SERVICE: &str = "hrlink-check.service";
/// The folder of the links that enable a unit for `timers.target`.
const WANTS: &str = "timers.target.wants";

/// The user's unit folder and the `systemctl` that manages it.
pub struct UserUnits {
    dir: PathBuf,
    tools: Box<dyn Tool>,
}

impl UserUnits {
    /// The user's own units (`$XDG_CONFIG_HOME/systemd/user`, else `~/.config/systemd/user`),
    /// when this system has systemd at all.
    pub fn for_user(tools: Box<dyn Tool>) -> Result<UserUnits, Problem> {
        let dir = user_units_dir().ok_or(Problem::ScheduleUnavailable)?;
        if !systemd_installed() {
            return Err(Problem::ScheduleUnavailable);
        }
        Ok(UserUnits::new(dir, tools))
    }

    /// Units in `dir`, managed with `tools` (tests: a temp dir and a recorder).
    pub fn new(dir: PathBuf, tools: Box<dyn Tool>) -> UserUnits {
        UserUnits { dir, tools }
    }

    fn systemctl(&self, args: &[&str]) -> Option<String> {
        let mut all = vec!["--user"];
        all.extend_from_slice(args);
        self.tools.run("systemctl", &all)
    }

    /// The user's systemd answers now (it does not in a session without one, over SSH, in a
    /// container); otherwise the links take effect at the next login.
    fn manager_running(&self) -> bool {
        self.systemctl(&["show", "--property=Version", "--value"])
            .is_some_and(|version| !version.trim().is_empty())
    }

    fn link(&self) -> PathBuf {
        self.dir.join(WANTS).join(TIMER)
    }
}

impl DailyCheck for UserUnits {
    fn enable(&self, check: &ScheduledCheck) -> Result<(), Problem> {
        create_private_folder(&self.dir.join(WANTS)).map_err(|_| failed("unit_folder"))?;
        let write = |name: &str, text: String| {
            crate::files::write_atomic(&self.dir.join(name), text.as_bytes())
                .map_err(|_| failed("unit_file"))
        };
        write(SERVICE, service_unit(check)?)?;
        write(TIMER, timer_unit())?;
        let link = self.link();
        remove_if_present(&link).map_err(|_| failed("enable_link"))?;
        symlink(&self.dir.join(TIMER), &link).map_err(|_| failed("enable_link"))?;
        if self.manager_running() {
            self.systemctl(&["daemon-reload"])
                .ok_or_else(|| failed("daemon_reload"))?;
            self.systemctl(&["start", TIMER])
                .ok_or_else(|| failed("start_timer"))?;
        }
        Ok(())
    }

    fn disable(&self) -> Result<(), Problem> {
        let running = self.manager_running();
        if running {
            // Not loaded (never started in this login) is fine: the files go all the same.
            let _ = self.systemctl(&["stop", TIMER]);
        }
        for file in [self.link(), self.dir.join(TIMER), self.dir.join(SERVICE)] {
            remove_if_present(&file).map_err(|_| failed("remove_unit"))?;
        }
        if running {
            self.systemctl(&["daemon-reload"])
                .ok_or_else(|| failed("daemon_reload"))?;
        }
        Ok(())
    }

    fn status(&self) -> Result<ScheduleStatus, Problem> {
        let enabled = self.dir.join(TIMER).is_file() && self.link().symlink_metadata().is_ok();
        let next_run = enabled
            .then(|| {
                self.systemctl(&[
                    "show",
                    TIMER,
                    "--property=NextElapseUSecRealtime",
                    "--value",
                    "--timestamp=unix",
                ])
            })
            .flatten()
            .and_then(|answer| answer.trim().strip_prefix('@')?.parse::<u32>().ok());
        Ok(ScheduleStatus {
            enabled,
            next_run,
            scheduler: Scheduler::Systemd,
        })
    }
}

/// The service: one run of the check.
pub fn service_unit(check: &ScheduledCheck) -> Result<String, Problem> {
    let mut command = vec![exec_word(check.program.as_os_str())?];
    for arg in &check.args {
        command.push(exec_word(arg)?);
    }
    Ok(format!(
        "{HEADER}\
         [Unit]\n\
         Description=HR Link: check that the saved connections still work\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={}\n",
        command.join(" ")
    ))
}

/// The timer: daily at 09:00 plus up to an hour, catching up on missed days.
pub fn timer_unit() -> String {
    format!(
        "{HEADER}\
         [Unit]\n\
         Description=HR Link: check the saved connections every day\n\
         \n\
         [Timer]\n\
         OnCalendar=*-*-* 09:00:00\n\
         RandomizedDelaySec=1h\n\
         Persistent=true\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n"
    )
}

const HEADER: &str = "# Written by HR Link for \"Check my connections every day\". Switch it off in HR Link\n\
                      # (Your connections) or with `hrlink schedule disable`.\n";

/// One word of `ExecStart=`: double-quoted, with `\` and `"` escaped and systemd's specifier
/// (`%`) and variable (`$`) signs doubled, so a path with spaces or `%` runs as it is.
fn exec_word(word: &OsStr) -> Result<String, Problem> {
    let text = word.to_str().ok_or_else(|| failed("program_path"))?;
    if text.chars().any(char::is_control) {
        return Err(failed("program_path"));
    }
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('%', "%%")
        .replace('$', "$$");
    Ok(format!("\"{escaped}\""))
}

/// `$XDG_CONFIG_HOME/systemd/user`, else `$HOME/.config/systemd/user`.
fn user_units_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("XDG_CONFIG_HOME")
        .or_else(|| var("HOME").map(|home| home.join(".config")))
        .map(|base| base.join("systemd").join("user"))
}

/// systemd is the init system (`/run/systemd/system`, as `sd_booted` checks) or at least
/// installed (`systemctl` on the `PATH`: the user units take effect where it runs).
fn systemd_installed() -> bool {
    Path::new("/run/systemd/system").is_dir()
        || std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("systemctl").is_file())
        })
}

fn remove_if_present(file: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(file) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &Path, _link: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other("systemd units only on Unix"))
}

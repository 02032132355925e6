//! macOS: a launchd agent in `~/Library/LaunchAgents`, loaded with `launchctl bootstrap` into
//! the user's GUI session. Daily at 09:00 (`StartCalendarInterval`; launchd runs a missed run
//! when the Mac wakes). launchd does not tell the next run, so `status` leaves it out.
//!
//! Not tested on macOS here: the agent's file and commands are tested through the [`Tool`] seam.

use std::path::PathBuf;

use super::{DailyCheck, ScheduleStatus, ScheduledCheck, Scheduler, Tool, failed};
use crate::Problem;

/// The agent's label (and file name, with `.plist`).
pub const LABEL: &str = "app.hrlink.check";

/// The user's launch agents and the `launchctl` that loads them.
pub struct LaunchAgent {
    dir: PathBuf,
    uid: String,
    tools: Box<dyn Tool>,
}

impl LaunchAgent {
    /// The current user's agents (`~/Library/LaunchAgents`, the GUI session of `id -u`).
    pub fn for_user(tools: Box<dyn Tool>) -> Result<LaunchAgent, Problem> {
        let home = std::env::var_os("HOME").ok_or(Problem::ScheduleUnavailable)?;
        let uid = tools
            .run("id", &["-u"])
            .map(|uid| uid.trim().to_owned())
            .ok_or(Problem::ScheduleUnavailable)?;
        Ok(LaunchAgent::new(
            PathBuf::from(home).join("Library/LaunchAgents"),
            uid,
            tools,
        ))
    }

    /// Agents in `dir` for user `uid`, loaded with `tools` (tests: a temp dir and a recorder).
    pub fn new(dir: PathBuf, uid: String, tools: Box<dyn Tool>) -> LaunchAgent {
        LaunchAgent { dir, uid, tools }
    }

    fn file(&self) -> PathBuf {
        self.dir.join(format!("{LABEL}.plist"))
    }

    fn unload(&self) {
        // Not loaded is fine: the aim is that it is not.
        let _ = self.tools.run(
            "launchctl",
            &["bootout", &format!("gui/{}/{LABEL}", self.uid)],
        );
    }
}

impl DailyCheck for LaunchAgent {
    fn enable(&self, check: &ScheduledCheck) -> Result<(), Problem> {
        crate::files::write_atomic(&self.file(), agent_plist(check)?.as_bytes())
            .map_err(|_| failed("agent_file"))?;
        self.unload();
        let file = self.file();
        let file = file.to_str().ok_or_else(|| failed("agent_file"))?;
        self.tools
            .run(
                "launchctl",
                &["bootstrap", &format!("gui/{}", self.uid), file],
            )
            .map(drop)
            .ok_or_else(|| failed("load_agent"))
    }

    fn disable(&self) -> Result<(), Problem> {
        self.unload();
        match std::fs::remove_file(self.file()) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(failed("remove_agent"))
            }
            _ => Ok(()),
        }
    }

    fn status(&self) -> Result<ScheduleStatus, Problem> {
        Ok(ScheduleStatus {
            enabled: self.file().is_file(),
            next_run: None,
            scheduler: Scheduler::Launchd,
        })
    }
}

/// The agent's property list: the program and its arguments, daily at 09:00.
pub fn agent_plist(check: &ScheduledCheck) -> Result<String, Problem> {
    let mut words = Vec::new();
    for word in
        std::iter::once(check.program.as_os_str()).chain(check.args.iter().map(|a| a.as_os_str()))
    {
        let text = word.to_str().ok_or_else(|| failed("program_path"))?;
        words.push(format!("    <string>{}</string>\n", xml_escape(text)));
    }
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n<dict>\n\
         \x20 <key>Label</key><string>{LABEL}</string>\n\
         \x20 <key>ProgramArguments</key>\n  <array>\n{}  </array>\n\
         \x20 <key>StartCalendarInterval</key>\n  <dict><key>Hour</key><integer>9</integer><key>Minute</key><integer>0</integer></dict>\n\
         </dict>\n</plist>\n",
        words.concat()
    ))
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

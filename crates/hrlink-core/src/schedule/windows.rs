//! Windows: a Task Scheduler task for the current user, made with `schtasks` (no admin rights
//! needed for one's own tasks). Daily at 09:00; Task Scheduler does not say the next run time in
//! a form that is the same in every language, so `status` leaves it out.
//!
//! Not tested on Windows here: the command lines are tested through the [`Tool`] seam.

use super::{DailyCheck, ScheduleStatus, ScheduledCheck, Scheduler, Tool, failed};
use crate::Problem;

/// The task's name, in its own folder of the Task Scheduler library.
pub const TASK: &str = "HR Link\\Check connections";

/// The user's Task Scheduler, through `schtasks`.
pub struct TaskScheduler {
    tools: Box<dyn Tool>,
}

impl TaskScheduler {
    /// Tasks made with `tools` (the real `schtasks`, or a recorder in tests).
    pub fn new(tools: Box<dyn Tool>) -> TaskScheduler {
        TaskScheduler { tools }
    }

    fn exists(&self) -> bool {
        self.tools
            .run("schtasks", &["/Query", "/TN", TASK, "/FO", "CSV", "/NH"])
            .is_some()
    }
}

impl DailyCheck for TaskScheduler {
    fn enable(&self, check: &ScheduledCheck) -> Result<(), Problem> {
        let command = command_line(check)?;
        self.tools
            .run(
                "schtasks",
                &[
                    "/Create", "/F", "/TN", TASK, "/SC", "DAILY", "/ST", "09:00", "/TR", &command,
                ],
            )
            .map(drop)
            .ok_or_else(|| failed("create_task"))
    }

    fn disable(&self) -> Result<(), Problem> {
        if !self.exists() {
            return Ok(());
        }
        self.tools
            .run("schtasks", &["/Delete", "/F", "/TN", TASK])
            .map(drop)
            .ok_or_else(|| failed("delete_task"))
    }

    fn status(&self) -> Result<ScheduleStatus, Problem> {
        Ok(ScheduleStatus {
            enabled: self.exists(),
            next_run: None,
            scheduler: Scheduler::TaskScheduler,
        })
    }
}

/// The task's command line: each word in double quotes (paths with spaces); a word with a
/// double quote in it cannot be passed safely and is refused.
fn command_line(check: &ScheduledCheck) -> Result<String, Problem> {
    std::iter::once(check.program.as_os_str())
        .chain(check.args.iter().map(|arg| arg.as_os_str()))
        .map(|word| match word.to_str() {
            Some(text) if !text.contains('"') => Ok(format!("\"{text}\"")),
            _ => Err(failed("program_path")),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(|words| words.join(" "))
}

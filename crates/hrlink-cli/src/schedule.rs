//! `hrlink schedule enable|disable|status`: the daily background check of every saved
//! connection (`hrlink connections check`), as an OS-scheduled job.

use std::path::PathBuf;

use clap::Subcommand;
use hrlink_core::Problem;
use hrlink_core::messages::Language;
use hrlink_core::schedule::{self, ScheduleStatus, ScheduledCheck};

use crate::exit::Exit;
use crate::output;

#[derive(Subcommand)]
pub enum ScheduleCommand {
    /// Check every saved connection daily (09:00, or when the computer is next on); one that
    /// stopped working shows with Re-authorise when HR Link next opens. Runs this `hrlink`
    /// with the config dir, endpoints and configuration given here.
    Enable {
        /// Provider addresses for the check (an endpoints file, e.g. written by `hrlink sandbox`).
        #[arg(long, env = "HRLINK_ENDPOINTS")]
        endpoints: Option<PathBuf>,
        /// The integration configuration for the check (TOML).
        #[arg(long, env = "HRLINK_CONFIG")]
        config: Option<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Stop the daily check and remove its job.
    Disable {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Whether the daily check is on, and when it runs next (where the scheduler says).
    Status {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `hrlink schedule …`. The check gets this command's config dir as an absolute path, so
/// it sees the same connections whatever the scheduler's environment.
pub fn run(command: ScheduleCommand, config_dir: Option<PathBuf>, language: Language) -> Exit {
    let result = schedule::this_platform().and_then(|daily| match command {
        ScheduleCommand::Enable {
            endpoints,
            config,
            json,
        } => {
            let check = || {
                let program =
                    std::env::current_exe().map_err(|_| Problem::ScheduleProgramMissing)?;
                Ok(ScheduledCheck::new(
                    program,
                    config_dir.as_deref(),
                    endpoints.as_deref(),
                    config.as_deref(),
                ))
            };
            Ok((schedule::switch(daily.as_ref(), true, check)?, json))
        }
        ScheduleCommand::Disable { json } => Ok((
            schedule::switch(daily.as_ref(), false, || unreachable!())?,
            json,
        )),
        ScheduleCommand::Status { json } => Ok((daily.status()?, json)),
    });
    match result {
        Ok((status, json)) => {
            print(&status, json);
            Exit::Ok
        }
        Err(problem) => {
            output::problem(&problem, language);
            Exit::for_problem(&problem)
        }
    }
}

fn print(status: &ScheduleStatus, json: bool) {
    if json {
        let value = serde_json::json!({
            "status": if status.enabled { "enabled" } else { "disabled" },
            "next_run": status.next_run.map(rfc3339),
            "scheduler": status.scheduler,
        });
        println!("{value}");
        return;
    }
    match (status.enabled, status.next_run) {
        (false, _) => println!("disabled"),
        (true, Some(at)) => println!("enabled: next check {}", rfc3339(at)),
        (true, None) => println!("enabled: next check at 09:00, or when the computer is next on"),
    }
}

fn rfc3339(unix_seconds: u32) -> String {
    time::OffsetDateTime::from_unix_timestamp(i64::from(unix_seconds))
        .ok()
        .and_then(|at| {
            at.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

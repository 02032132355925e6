//! The daily check of every saved connection ("Check my connections every day"): an
//! OS-scheduled job that runs the `hrlink` command installed beside the app
//! (`hrlink_core::schedule`). Its state is always read back from the scheduler.

use hrlink_core::Problem;
use hrlink_core::schedule::{self, ScheduleStatus};
use tauri::State;

use crate::state::AppState;

/// Whether the daily check is on and when it runs next; `schedule_unavailable` where this
/// computer has no scheduler for it (Linux without systemd): the UI then offers nothing.
#[tauri::command]
#[specta::specta]
pub fn daily_check() -> Result<ScheduleStatus, Problem> {
    schedule::this_platform()?.status()
}

/// Switches the daily check on or off; answers how it stands afterwards.
#[tauri::command]
#[specta::specta]
pub fn set_daily_check(state: State<'_, AppState>, on: bool) -> Result<ScheduleStatus, Problem> {
    let daily = schedule::this_platform()?;
    schedule::switch(daily.as_ref(), on, || state.scheduled_check())
}

/// The saved page offers the daily check once: `true` the first time it asks, never again.
#[tauri::command]
#[specta::specta]
pub fn take_daily_check_offer(state: State<'_, AppState>) -> bool {
    state
        .config_dir
        .as_deref()
        .is_some_and(schedule::take_offer)
}

//! `connections check --notify`: one OS notification per connection that stopped working
//! (which ones, and their text: `hrlink_core::connections::alerts`), over D-Bus
//! `org.freedesktop.Notifications` on Linux. Its "Re-authorise" action opens
//! `hrlink://connections/<id>/reauthorise`, which the desktop hands to the app.
//!
//! The action reaches only a process that still listens, so with `--wait-for-click` (the daily
//! job's) the check waits for an answer to its notifications (clicked, dismissed, expired) for
//! at most [`WAIT_FOR_ANSWER`]; after that, or without the flag (typed by hand: a terminal is
//! not kept waiting), the notification may still be on screen, and the app shows the failing
//! connection when it is opened. Every D-Bus call has a time limit: a notification server that does not
//! answer never holds the check up for longer.
//!
//! Only the freedesktop protocol (Linux and the BSDs) is wired: notify-rust's macOS and
//! Windows backends have no action answers, and nothing here can test them; there the check
//! says that it cannot notify.

use hrlink_core::connections::{Alert, ConnectionStore};
#[cfg(all(unix, not(target_os = "macos")))]
use {
    hrlink_core::oauth::SystemBrowser,
    notify_rust::{Notification, NotificationResponse, Timeout},
    std::time::Duration,
    tokio::task::JoinSet,
    tokio::time::timeout,
};

#[cfg(all(unix, not(target_os = "macos")))]
/// How long the check waits for a click before it ends.
const WAIT_FOR_ANSWER: Duration = Duration::from_secs(15 * 60);
#[cfg(all(unix, not(target_os = "macos")))]
/// How long showing one notification may take (a D-Bus round trip).
const SHOW_LIMIT: Duration = Duration::from_secs(10);

#[cfg(not(all(unix, not(target_os = "macos"))))]
pub async fn tell(_store: &ConnectionStore, alerts: Vec<Alert>, _wait_for_click: bool) {
    if !alerts.is_empty() {
        eprintln!("hrlink: notifications are not available on this system yet");
    }
}

/// Shows `alerts` and notes each one shown in its profile (so it is not told again); with
/// `wait_for_click`, then waits for the answers and opens the re-authorise link of the one
/// clicked.
#[cfg(all(unix, not(target_os = "macos")))]
pub async fn tell(store: &ConnectionStore, alerts: Vec<Alert>, wait_for_click: bool) {
    let mut answers = JoinSet::new();
    for alert in alerts {
        let shown = timeout(SHOW_LIMIT, notification(&alert).show_async()).await;
        let handle = match shown {
            Ok(Ok(handle)) => handle,
            Ok(Err(error)) => {
                tracing::warn!(%error, "could not show a notification");
                continue;
            }
            Err(_) => {
                tracing::warn!("the notification server did not answer in time");
                continue;
            }
        };
        if let Err(problem) = store.mark_alerted(&alert) {
            tracing::warn!(problem = problem.code(), "could not note the notification");
        }
        if !wait_for_click {
            continue;
        }
        let link = alert.link;
        answers.spawn(async move {
            let mut clicked = false;
            handle
                .wait_for_action_async(|response| {
                    clicked = match response {
                        NotificationResponse::Action(key) => *key == link.to_url(),
                        NotificationResponse::Default => true,
                        _ => false,
                    };
                })
                .await;
            // The link opened is ours, never one taken from the signal.
            clicked.then_some(link)
        });
    }
    let all_answered = async {
        while let Some(answer) = answers.join_next().await {
            if let Ok(Some(link)) = answer
                && let Err(problem) = SystemBrowser::from_env().open_link(&link)
            {
                tracing::warn!(problem = problem.code(), "could not open the link");
            }
        }
    };
    if timeout(WAIT_FOR_ANSWER, all_answered).await.is_err() {
        answers.abort_all();
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn notification(alert: &Alert) -> Notification {
    let mut notification = Notification::new();
    notification
        .appname("HR Link")
        .summary(&alert.summary)
        .body(&alert.body)
        .icon("hrlink")
        // The action's key is the link itself, so a server shows what the click opens.
        .action(&alert.link.to_url(), &alert.action_label)
        .action("default", &alert.action_label)
        .timeout(Timeout::Never);
    notification
}

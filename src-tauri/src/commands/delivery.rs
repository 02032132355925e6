//! Cloud delivery (HANDOFF.md §2): the product's code redeemed, the verified connection sent to
//! its backend, and the connections delivered so far with the product's status.

use hrlink_core::Problem;
use hrlink_core::delivery::{
    CloudDelivery, ConnectionHealth, DeliveredProfile, DeliveryReceipt, EnrollmentSummary,
};
use tauri::State;

use crate::state::AppState;

fn cloud(state: &AppState) -> Result<&CloudDelivery, Problem> {
    state
        .cloud
        .as_ref()
        .ok_or_else(|| Problem::ConfigurationInvalid {
            what: "hrlink.toml: delivery.mode (not \"cloud\")".to_owned(),
        })
}

/// Redeems the code the admin typed (read forgivingly); the tenant and product to confirm,
/// with who made the code masked in screen-share mode.
#[tauri::command]
#[specta::specta]
pub async fn redeem_enrollment(
    state: State<'_, AppState>,
    code: String,
) -> Result<EnrollmentSummary, Problem> {
    let summary = cloud(&state)?.redeem(&code).await?;
    Ok(if state.screen_share() {
        summary.masked()
    } else {
        summary
    })
}

/// Sends verified staged credentials to the product, with the people the admin confirmed and
/// the mapping chosen for them (if they did either). They are forgotten once it has them; on any
/// failure they stay staged, so that "Try again" needs nothing typed again.
#[tauri::command]
#[specta::specta]
pub async fn deliver_connection(
    state: State<'_, AppState>,
    staged: String,
) -> Result<DeliveryReceipt, Problem> {
    let (credentials, report) = state.session.verified(&staged)?;
    let people = state.session.people_confirmation(&staged);
    let mapping = state.session.chosen_mapping(&staged);
    let receipt = cloud(&state)?
        .deliver(&credentials, &report, people, mapping)
        .await?;
    state.session.discard(&staged);
    super::wizard::forget_draft(&state);
    Ok(receipt)
}

/// The admin left the cloud wizard: the redeemed enrollment is forgotten.
#[tauri::command]
#[specta::specta]
pub fn forget_enrollment(state: State<'_, AppState>) {
    if let Ok(cloud) = cloud(&state) {
        cloud.forget();
    }
}

/// The connections delivered from this computer (none outside cloud mode).
#[tauri::command]
#[specta::specta]
pub fn list_delivered(state: State<'_, AppState>) -> Result<Vec<DeliveredProfile>, Problem> {
    state
        .cloud
        .as_ref()
        .map_or(Ok(Vec::new()), |c| c.store().list())
}

/// How the product sees a delivered connection (asked with its status token).
#[tauri::command]
#[specta::specta]
pub async fn delivered_status(
    state: State<'_, AppState>,
    connection_id: String,
) -> Result<ConnectionHealth, Problem> {
    cloud(&state)?.status(&connection_id).await
}

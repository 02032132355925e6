//! The shape of a guide's screens and the helpers provider modules build theirs with
//! ([`super::Provider::guide_screens`]). A leaf below the provider modules: it imports none of
//! them, so each module can describe its own screens.

use serde::Serialize;

use super::catalogue::ProviderId;

/// One screen of the guide: a question or instruction as its heading, numbered steps, and a
/// "Where do I find this?" text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GuideScreen {
    /// Stable within the provider (`create_user`).
    pub id: String,
    /// Text id of the heading.
    pub heading: String,
    /// The numbered steps, in order.
    pub steps: Vec<GuideStep>,
    /// Text id of the "Where do I find this?" expander's text.
    pub where_to_find: String,
}

/// One numbered step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GuideStep {
    /// Text id.
    pub text: String,
    /// What the step shows besides its text.
    pub value: Option<StepValue>,
}

/// Something a step shows below its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StepValue {
    /// A value the admin types into the HR system, shown with a Copy button.
    Copy {
        /// The text to type.
        value: String,
    },
    /// The permissions the admin selected (the required ones and the chosen optional ones), each
    /// with its why. `joined`: the system takes them as one text, space separated, so that text
    /// gets a Copy button (Employment Hero's scopes).
    Permissions {
        /// The permissions are typed as one text (gets a Copy button).
        joined: bool,
    },
    /// iPayroll's API user name, checked against iPayroll's rule as it is typed
    /// ([`super::ipayroll::check_api_username`]).
    ApiUsername,
}

/// A screen whose texts are `{slug}.{id}.heading`, `.where` and `.step1`, `.step2`, ….
pub(crate) fn screen(provider: ProviderId, id: &str, steps: Vec<Option<StepValue>>) -> GuideScreen {
    let prefix = format!("{}.{id}", provider.slug());
    GuideScreen {
        id: id.to_owned(),
        heading: format!("{prefix}.heading"),
        steps: steps
            .into_iter()
            .enumerate()
            .map(|(n, value)| GuideStep {
                text: format!("{prefix}.step{}", n + 1),
                value,
            })
            .collect(),
        where_to_find: format!("{prefix}.where"),
    }
}

/// A step's value to copy into the HR system.
pub(crate) fn copy(value: impl Into<String>) -> Option<StepValue> {
    Some(StepValue::Copy {
        value: value.into(),
    })
}

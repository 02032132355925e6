//! Helpers the provider modules share to read people records.

use crate::people::PersonStatus;
use crate::people::normalise::parse_status;

/// A text field, `None` when missing or blank.
pub(crate) fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|value| !value.trim().is_empty())
}

/// A person's status from the provider's status text when it is one we know, else from the
/// end date: passed means left.
pub(crate) fn status_of(
    text: Option<&str>,
    end_date: Option<time::Date>,
    today: time::Date,
) -> PersonStatus {
    text.and_then(parse_status)
        .unwrap_or(if end_date.is_some_and(|end| end <= today) {
            PersonStatus::Terminated
        } else {
            PersonStatus::Active
        })
}

/// Today, for judging whether an end date has passed.
pub(crate) fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

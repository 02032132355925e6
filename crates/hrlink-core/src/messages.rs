//! The one message catalogue, shared by the CLI and the app: what happened + what to do next.
//!
//! The texts live in `messages/<lang>.json` beside this crate, keyed by [`Problem::code`]; the UI
//! imports the same files. `{name}` placeholders are filled from the problem's parameters.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::Problem;

/// A language HR Link speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// German.
    De,
}

impl Language {
    /// Parses `en`, `de`, or a locale such as `de_DE.UTF-8`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.split(['_', '-', '.']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Language::En),
            "de" => Some(Language::De),
            _ => None,
        }
    }
}

/// A problem rendered for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rendered {
    /// What happened.
    pub message: String,
    /// What to do next.
    pub next_step: String,
}

#[derive(Deserialize)]
struct Entry {
    message: String,
    next_step: String,
}

type Catalogue = HashMap<String, Entry>;

fn load(json: &str) -> Catalogue {
    // The catalogue files are part of the build and checked by tests; an unreadable one is a
    // build defect, shown as an empty catalogue rather than a crash.
    serde_json::from_str(json).unwrap_or_default()
}

static EN: LazyLock<Catalogue> = LazyLock::new(|| load(include_str!("../messages/en.json")));
static DE: LazyLock<Catalogue> = LazyLock::new(|| load(include_str!("../messages/de.json")));

/// Renders a problem in a language, falling back to English for a missing text.
pub fn render(problem: &Problem, language: Language) -> Rendered {
    let catalogue = match language {
        Language::En => &*EN,
        Language::De => &*DE,
    };
    let entry = catalogue
        .get(problem.code())
        .or_else(|| EN.get(problem.code()));
    let params = problem.params();
    let fill = |template: &str| {
        params
            .iter()
            .fold(template.to_owned(), |text, (key, value)| {
                text.replace(&format!("{{{key}}}"), value)
            })
    };
    match entry {
        Some(entry) => Rendered {
            message: fill(&entry.message),
            next_step: fill(&entry.next_step),
        },
        None => Rendered {
            message: problem.code().to_owned(),
            next_step: String::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        let rendered = render(
            &Problem::CredentialsRejected {
                provider: "HRworks".into(),
            },
            Language::De,
        );
        assert_eq!(
            rendered.message,
            "HRworks hat diese Zugangsdaten nicht angenommen."
        );
        assert!(!rendered.next_step.contains('{'));
    }

    #[test]
    fn both_catalogues_have_the_same_codes_and_placeholders() {
        let placeholders = |text: &str| {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names.dedup();
            names
        };
        let mut en_codes: Vec<_> = EN.keys().collect();
        let mut de_codes: Vec<_> = DE.keys().collect();
        en_codes.sort();
        de_codes.sort();
        assert_eq!(en_codes, de_codes);
        for (code, en) in EN.iter() {
            let de = &DE[code];
            assert_eq!(
                placeholders(&format!("{}{}", en.message, en.next_step)),
                placeholders(&format!("{}{}", de.message, de.next_step)),
                "placeholders differ for {code}"
            );
        }
    }

    #[test]
    fn every_problem_has_a_message_in_every_language() {
        for problem in crate::problem::tests::every_problem() {
            for (language, catalogue) in [(Language::En, &*EN), (Language::De, &*DE)] {
                let entry = catalogue.get(problem.code());
                assert!(
                    entry.is_some(),
                    "{language:?} has no text for {}",
                    problem.code()
                );
                let rendered = render(&problem, language);
                assert!(
                    !rendered.message.contains('{'),
                    "unfilled placeholder: {}",
                    rendered.message
                );
                assert!(!rendered.next_step.is_empty());
            }
        }
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Language::from_tag("de_DE.UTF-8"), Some(Language::De));
        assert_eq!(Language::from_tag("en-GB"), Some(Language::En));
        assert_eq!(Language::from_tag("fr"), None);
    }
}

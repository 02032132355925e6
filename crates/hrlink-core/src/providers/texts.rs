//! What HR Link says about each HR system in the system's own words: what its permissions let
//! HR Link do, how to grant a missing one, how to take away more than was chosen, and how to
//! withdraw the access. The texts are the provider's `messages/providers/<slug>.<lang>.json`
//! (named by its catalogue entry); the UI imports the same files.
//!
//! Placeholders are written `{{name}}`, as in the guide's texts.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use serde::Deserialize;

use super::catalogue::{ENTRIES, ProviderId};
use crate::messages::Language;

/// One provider's texts in one language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderTexts {
    /// What each permission lets HR Link do, by its id in the provider's terms.
    pub permission: BTreeMap<String, String>,
    /// How to grant a missing permission, with `{{permission}}` for it.
    pub fix: String,
    /// How `fix` names a permission where the system does not call it by its id (IRIS: "the
    /// Personal tab"); any other permission is its id in quotes.
    #[serde(default)]
    pub fix_permission: BTreeMap<String, String>,
    /// How to take away the permissions beyond what the admin chose.
    pub narrow: String,
    /// How to withdraw HR Link's access in the system, after "To stop the access there too:".
    pub revoke: String,
    /// Which of a vendor's products this entry is, and how it is connected, where a vendor has
    /// several ("Employment Hero Payroll — API key"): the wizard's picker shows it.
    #[serde(default)]
    pub product: Option<String>,
    /// What to say when the system refuses the credentials, where its words differ from the
    /// general catalogue's (HRworks has key pairs, not API users).
    #[serde(default)]
    pub rejected: Option<Rejected>,
}

/// A refusal in the system's words: `message` names the key with `{{key}}` (the masked end of the access key,
/// e.g. "••••••••0001"); `next_step` says where to make a new one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    /// What happened, naming the key.
    pub message: String,
    /// Where in the system to make new credentials.
    pub next_step: String,
}

fn load(json: &str) -> ProviderTexts {
    // The files are part of the build and checked by tests; an unreadable one is a build defect,
    // shown as missing texts rather than a crash.
    serde_json::from_str(json).unwrap_or_default()
}

static TEXTS: LazyLock<HashMap<(ProviderId, Language), ProviderTexts>> = LazyLock::new(|| {
    ENTRIES
        .iter()
        .flat_map(|entry| {
            [
                ((entry.id, Language::En), load(entry.texts.en)),
                ((entry.id, Language::De), load(entry.texts.de)),
            ]
        })
        .collect()
});

/// `provider`'s texts in `language`.
pub fn texts(provider: ProviderId, language: Language) -> &'static ProviderTexts {
    // Every (provider, language) pair is loaded above.
    &TEXTS[&(provider, language)]
}

impl ProviderTexts {
    /// What the permission `id` lets HR Link do; `None` for one HR Link has no words for.
    pub fn permission_name(&self, id: &str) -> Option<&str> {
        self.permission.get(id).map(String::as_str)
    }
}

/// How to grant `provider`'s missing permission `id`, in the system's words.
pub fn permission_fix(provider: ProviderId, language: Language, id: &str) -> String {
    let texts = texts(provider, language);
    let permission = texts
        .fix_permission
        .get(id)
        .cloned()
        .unwrap_or_else(|| quoted(id, language));
    texts.fix.replace("{{permission}}", &permission)
}

/// `text` in the language's quotation marks.
fn quoted(text: &str, language: Language) -> String {
    match language {
        Language::En => format!("“{text}”"),
        Language::De => format!("„{text}“"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGUAGES: [Language; 2] = [Language::En, Language::De];

    /// Every `{{name}}` in `text`.
    fn placeholders(text: &str) -> Vec<&str> {
        text.split("{{")
            .skip(1)
            .filter_map(|rest| rest.split_once("}}").map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_file_reads_with_every_text() {
        for entry in ENTRIES {
            for (language, json) in [
                (Language::En, entry.texts.en),
                (Language::De, entry.texts.de),
            ] {
                let parsed: Result<ProviderTexts, _> = serde_json::from_str(json);
                let parsed = parsed.unwrap_or_else(|e| panic!("{} {language:?}: {e}", entry.slug));
                for text in [&parsed.fix, &parsed.narrow, &parsed.revoke] {
                    assert!(!text.trim().is_empty(), "{} {language:?}", entry.slug);
                }
            }
        }
    }

    #[test]
    fn every_permission_the_core_reports_has_a_name_in_both_languages() {
        for entry in ENTRIES {
            for permission in entry.permissions.iter().filter(|p| p.explained) {
                for language in LANGUAGES {
                    let name = texts(entry.id, language).permission_name(permission.id);
                    assert!(
                        name.is_some_and(|name| !name.is_empty()),
                        "{} {} {language:?}",
                        entry.slug,
                        permission.id
                    );
                }
            }
        }
    }

    #[test]
    fn both_languages_know_the_same_permissions() {
        for entry in ENTRIES {
            let [en, de] = LANGUAGES.map(|language| texts(entry.id, language));
            assert!(
                en.permission.keys().eq(de.permission.keys()),
                "{}",
                entry.slug
            );
            assert!(
                en.fix_permission.keys().eq(de.fix_permission.keys()),
                "{}",
                entry.slug
            );
        }
    }

    #[test]
    fn fixes_name_the_permission_and_nothing_else_has_a_placeholder() {
        for entry in ENTRIES {
            for language in LANGUAGES {
                let texts = texts(entry.id, language);
                assert_eq!(placeholders(&texts.fix), ["permission"], "{}", entry.slug);
                let plain = texts
                    .permission
                    .values()
                    .chain(texts.fix_permission.values())
                    .chain([&texts.narrow, &texts.revoke]);
                for text in plain {
                    assert!(placeholders(text).is_empty(), "{}: {text}", entry.slug);
                }
                if let Some(rejected) = &texts.rejected {
                    assert_eq!(placeholders(&rejected.message), ["key"], "{}", entry.slug);
                    assert!(
                        placeholders(&rejected.next_step).is_empty(),
                        "{}",
                        entry.slug
                    );
                }
            }
        }
    }

    #[test]
    fn a_refused_hrworks_key_is_a_key_pair_in_both_languages() {
        let [en, de] =
            LANGUAGES.map(|language| texts(ProviderId::Hrworks, language).rejected.as_ref());
        let (en, de) = (en.expect("English"), de.expect("German"));
        assert!(en.message.contains("key pair") && !en.message.contains("API user"));
        assert!(de.message.contains("Schlüsselpaar") && !de.message.contains("API-Benutzer"));
        assert!(en.next_step.contains("HR WORKS-API"));
        assert!(de.next_step.contains("HR WORKS-API"));
    }

    #[test]
    fn a_fix_names_the_permission_in_the_systems_words() {
        assert!(
            permission_fix(ProviderId::Iris, Language::En, "personal")
                .contains("Allow it to read the Personal tab,")
        );
        assert!(
            permission_fix(ProviderId::Hrworks, Language::De, "persons.master-data")
                .contains("Häkchen bei „persons.master-data“ und")
        );
        assert!(
            permission_fix(ProviderId::Hrworks, Language::En, "persons")
                .contains("tick “persons” at the bottom")
        );
    }
}

//! The wizard's guide for each HR system: what the admin needs before starting, the permissions
//! HR Link asks for (required ones and optional ones, each with a one-line why), and the screens
//! that show how to create the API user or key in that system's own words.
//!
//! This is the one place the guide's structure lives. It holds only text ids: the words are in
//! `messages/guide.{en,de}.json`, keyed by those ids, because the UI renders them in the admin's
//! language (it imports both files into its catalogues, where TypeScript checks that German has
//! every English key) and a test here checks that every id has a text in both. The ids are
//! derived from the provider, the screen and the step number, so a screen's texts cannot drift
//! apart from its steps.
//!
//! The permissions come from where verification reads them: the catalogue for HRworks and
//! IRIS, the integration configuration for the systems that sign in through the browser.

use serde::Serialize;

use std::path::Path;

use crate::config::Config;
use crate::html::escape;
use crate::messages::Language;
use crate::{Problem, ProviderId};

pub use super::screens::{GuideScreen, GuideStep, StepValue};

/// Everything the wizard shows about one HR system before the credentials are handed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProviderGuide {
    /// The system this guide is for.
    pub provider: ProviderId,
    /// The product HR Link connects the system to (`{{product}}` in the texts).
    pub product: String,
    /// Text id: what the admin needs before starting ("You need the iPayroll main user login").
    pub needs: String,
    /// Required permissions first, then optional ones.
    pub permissions: Vec<PermissionInfo>,
    /// The guide's screens, in order.
    pub screens: Vec<GuideScreen>,
}

/// One permission HR Link asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PermissionInfo {
    /// The system's own name for it (`persons.master-data`, `employees`).
    pub id: String,
    /// Locked on: HR Link cannot work without it. Otherwise the admin may choose it.
    pub required: bool,
    /// Text id of the one-line "why"; `None` for a permission a configuration names that HR
    /// Link has no words for.
    pub purpose: Option<String>,
}

/// The guide for every provider, in the order the wizard lists them.
pub fn catalogue(config: &Config) -> Vec<ProviderGuide> {
    ProviderId::ALL
        .into_iter()
        .map(|provider| guide(provider, config))
        .collect()
}

/// The guide for one provider.
pub fn guide(provider: ProviderId, config: &Config) -> ProviderGuide {
    ProviderGuide {
        provider,
        product: config.product.clone(),
        needs: format!("{}.needs", provider.slug()),
        permissions: permissions(provider, config),
        screens: super::provider(provider).guide_screens(config),
    }
}

/// The permissions HR Link asks `provider` for: required first.
fn permissions(provider: ProviderId, config: &Config) -> Vec<PermissionInfo> {
    let entry = provider.entry();
    let list: Vec<(String, bool)> = match (entry.oauth, config.oauth(provider)) {
        (None, _) => entry
            .asked()
            .map(|(id, required)| (id.to_owned(), required))
            .collect(),
        (Some(_), Ok(oauth)) => oauth
            .permissions
            .iter()
            .map(|(id, required)| (id.to_owned(), required))
            .collect(),
        // Not configured: sign-in is impossible anyway; show what HR Link cannot do without.
        (Some(_), Err(_)) => entry.required().map(|id| (id.to_owned(), true)).collect(),
    };
    list.into_iter()
        .map(|(id, required)| PermissionInfo {
            purpose: purpose_id(provider, &id),
            id,
            required,
        })
        .collect()
}

/// `persons.master-data` → `hrworks.purpose.persons_master_data`, when HR Link has words for it.
fn purpose_id(provider: ProviderId, id: &str) -> Option<String> {
    let explained = provider
        .entry()
        .permission(id)
        .is_some_and(|permission| permission.explained);
    explained.then(|| {
        let key: String = id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        format!("{}.purpose.{key}", provider.slug())
    })
}

/// The hand-off sheet as a file the admin can keep, send or print: a standalone HTML page around
/// the sheet the wizard shows (`sheet`: its markup, rendered from this catalogue's texts), in
/// `language`, titled `title`. The page allows no script, request or form (a Content Security
/// Policy), so it only ever shows what it holds.
pub fn handoff_page(language: Language, title: &str, sheet: &str) -> String {
    let lang = match language {
        Language::En => "en",
        Language::De => "de",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{HANDOFF_STYLE}</style>\n</head>\n<body>\n{sheet}\n\
         </body>\n</html>\n",
        title = escape(title),
    )
}

/// Writes a hand-off page where the admin chose to save it (private and atomic, see
/// [`crate::files::write_chosen_file`]).
pub fn write_handoff_page(path: &Path, page: &str) -> Result<(), Problem> {
    crate::files::write_chosen_file(path, page.as_bytes()).map_err(|_| Problem::FileUnwritable)
}

/// Plain, printable styling for the saved sheet (the app's own stylesheet is not in the file).
const HANDOFF_STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:\
    46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}code{font-family:ui-monospace,monospace;\
    background:#f3f3f3;padding:0 .2em}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}";

#[cfg(test)]
mod tests {

    #[test]
    fn the_handoff_page_is_a_standalone_document_without_scripts() {
        let page = handoff_page(
            Language::De,
            "Für <IT> & Co",
            "<h1>Schritte</h1><p>HRworks</p>",
        );
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<html lang=\"de\">"));
        assert!(page.contains("<title>Für &lt;IT&gt; &amp; Co</title>"));
        assert!(page.contains("<h1>Schritte</h1><p>HRworks</p>"));
        assert!(
            page.contains("default-src 'none'"),
            "scripts and requests are off"
        );
    }

    #[test]
    fn an_unwritable_place_is_a_problem_to_fix() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("gone").join("sheet.html");
        assert_eq!(
            write_handoff_page(&missing, "x"),
            Err(Problem::FileUnwritable)
        );
        let path = dir.path().join("sheet.html");
        write_handoff_page(&path, "<p>ok</p>").unwrap();
        assert_eq!(std::fs::read_to_string(path).unwrap(), "<p>ok</p>");
    }
    use super::*;

    fn texts(language: &str) -> serde_json::Value {
        let json = match language {
            "en" => include_str!("../../messages/guide.en.json"),
            _ => include_str!("../../messages/guide.de.json"),
        };
        serde_json::from_str(json).unwrap()
    }

    fn lookup<'a>(texts: &'a serde_json::Value, id: &str) -> Option<&'a str> {
        id.split('.')
            .try_fold(texts, |node, key| node.get(key))
            .and_then(serde_json::Value::as_str)
    }

    /// Every text id a guide uses.
    fn ids(guide: &ProviderGuide) -> Vec<String> {
        let mut ids = vec![guide.needs.clone()];
        ids.extend(guide.permissions.iter().filter_map(|p| p.purpose.clone()));
        for screen in &guide.screens {
            ids.push(screen.heading.clone());
            ids.push(screen.where_to_find.clone());
            ids.extend(screen.steps.iter().map(|s| s.text.clone()));
        }
        ids
    }

    fn configs() -> Vec<Config> {
        let mut wide = Config::demo();
        for oauth in &mut wide.oauth_clients {
            oauth.redirect_port = 53682;
        }
        let none = Config {
            oauth_clients: Vec::new(),
            ..Config::demo()
        };
        vec![Config::demo(), wide, none]
    }

    #[test]
    fn every_provider_has_a_guide_and_permissions() {
        for config in configs() {
            let all = catalogue(&config);
            assert_eq!(
                all.iter().map(|g| g.provider).collect::<Vec<_>>(),
                ProviderId::ALL
            );
            for guide in &all {
                assert!(guide.screens.len() >= 2, "{:?}", guide.provider);
                assert!(guide.screens.iter().all(|s| !s.steps.is_empty()));
                assert!(
                    guide.permissions.iter().any(|p| p.required),
                    "{:?} requires nothing",
                    guide.provider
                );
                // Required ones first, each once.
                let first_optional = guide.permissions.iter().position(|p| !p.required);
                if let Some(at) = first_optional {
                    assert!(guide.permissions[at..].iter().all(|p| !p.required));
                }
                let mut seen: Vec<&str> = guide.permissions.iter().map(|p| p.id.as_str()).collect();
                seen.dedup();
                assert_eq!(seen.len(), guide.permissions.len());
            }
        }
    }

    #[test]
    fn every_text_id_has_english_and_german_text() {
        let (en, de) = (texts("en"), texts("de"));
        for config in configs() {
            for guide in catalogue(&config) {
                for id in ids(&guide) {
                    for (language, texts) in [("en", &en), ("de", &de)] {
                        let text = lookup(texts, &id);
                        assert!(
                            text.is_some_and(|t| !t.trim().is_empty()),
                            "{id} has no {language} text"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_permission_hr_link_knows_is_explained() {
        let en = texts("en");
        for provider in ProviderId::ALL {
            let explained = provider.entry().permissions.iter().filter(|p| p.explained);
            for id in explained.map(|p| p.id) {
                let purpose = purpose_id(provider, id).unwrap();
                assert!(lookup(&en, &purpose).is_some(), "{purpose}");
            }
        }
        // The key-based providers' lists are all explained.
        for provider in [ProviderId::Hrworks, ProviderId::Iris] {
            for (id, _) in provider.entry().asked() {
                assert!(purpose_id(provider, id).is_some());
            }
        }
        assert_eq!(
            purpose_id(ProviderId::Employmenthero, "payroll:write"),
            None
        );
    }

    #[test]
    fn the_permissions_are_the_ones_verification_checks() {
        let config = Config::demo();
        let ids = |provider| -> Vec<(String, bool)> {
            guide(provider, &config)
                .permissions
                .into_iter()
                .map(|p| (p.id, p.required))
                .collect()
        };
        let asked = |provider: ProviderId| -> Vec<(String, bool)> {
            provider
                .entry()
                .asked()
                .map(|(id, required)| (id.to_owned(), required))
                .collect()
        };
        assert_eq!(ids(ProviderId::Hrworks), asked(ProviderId::Hrworks));
        assert_eq!(ids(ProviderId::Iris), asked(ProviderId::Iris));
        let oauth = config.oauth(ProviderId::Ipayroll).unwrap();
        let expected: Vec<(String, bool)> = oauth
            .permissions
            .iter()
            .map(|(id, required)| (id.to_owned(), required))
            .collect();
        assert_eq!(ids(ProviderId::Ipayroll), expected);
    }

    #[test]
    fn employment_hero_shows_the_redirect_uri_only_when_it_can_be_registered() {
        let values = |config: &Config| -> Vec<StepValue> {
            guide(ProviderId::Employmenthero, config).screens[1]
                .steps
                .iter()
                .filter_map(|s| s.value.clone())
                .collect()
        };
        let configs = configs();
        // The demo listens on any free port: nothing to register.
        assert_eq!(
            values(&configs[0]),
            vec![
                StepValue::Copy {
                    value: DEMO_PRODUCT.to_owned()
                },
                StepValue::Permissions { joined: true }
            ]
        );
        assert!(values(&configs[1]).contains(&StepValue::Copy {
            value: "http://127.0.0.1:53682/callback".to_owned()
        }));
        // The scopes step keeps its own text either way.
        for config in &configs[..2] {
            let screen = &guide(ProviderId::Employmenthero, config).screens[1];
            assert_eq!(
                screen.steps.last().map(|s| s.text.as_str()),
                Some("employmenthero.app.step4")
            );
        }
    }

    use crate::config::DEMO_PRODUCT;
}

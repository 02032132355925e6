//! The session's bookkeeping: lifetime, what is dropped with what, and whose confirmation is
//! whose. (The steps against the Sandbox are covered by the app's glue tests.)

use std::time::Duration;

use secrecy::SecretString;

use super::Session;
use crate::config::{Config, Permissions};
use crate::credentials::{Credentials, HrworksKeyPair, OAuthGrant, Secret};
use crate::http::{HttpClient, HttpConfig};
use crate::oauth::OAuthTokens;
use crate::people::{
    Category, Disclosure, MatchOptions, MatchResult, Person, PersonIds, match_people, read_roster,
};
use crate::verify::VerificationReport;
use crate::{Endpoints, Problem, ProviderId};

fn session() -> Session {
    let http = HttpClient::new(HttpConfig::default()).expect("an HTTP client");
    Session::new(http, Endpoints::production()).with_config(Config::demo())
}

fn key_pair() -> Credentials {
    let keys = HrworksKeyPair {
        access_key: "AKIAEXAMPLE0000".to_owned(),
        secret_access_key: SecretString::from("example-secret-0000"),
    };
    Credentials::new(ProviderId::Hrworks, Secret::KeyPair(keys)).expect("HRworks takes keys")
}

fn sign_in(organisation: Option<&str>) -> Credentials {
    let grant = OAuthGrant {
        tokens: OAuthTokens {
            access_token: SecretString::from("access"),
            refresh_token: Some(SecretString::from("refresh")),
            expires_at: None,
            granted_scopes: None,
        },
        permissions: Permissions {
            required: vec!["urn:mace:people:read".into()],
            optional: Vec::new(),
        },
        organisation_id: organisation.map(str::to_owned),
    };
    Credentials::oauth(ProviderId::Employmenthero, grant)
}

fn report(provider: ProviderId) -> VerificationReport {
    VerificationReport::failed(
        provider,
        Problem::ProviderUnreachable {
            provider: provider.display_name().to_owned(),
        },
    )
}

fn no_people() -> MatchResult {
    match_people(Vec::new(), Vec::new(), &MatchOptions::default())
}

fn expired<T: std::fmt::Debug>(result: Result<T, Problem>) -> bool {
    matches!(result, Err(Problem::CredentialsExpired))
}

#[test]
fn staged_credentials_live_for_their_lifetime_only() {
    let alive = session();
    let id = alive.stage(key_pair());
    assert!(alive.staged(&id).is_ok());
    assert!(expired(alive.staged("staged-never-issued")));

    let gone = session().with_lifetime(Duration::ZERO);
    let id = gone.stage(key_pair());
    gone.record_report(&id, &report(ProviderId::Hrworks));
    assert!(expired(gone.staged(&id)));
    assert!(expired(gone.verified(&id)));
    assert!(expired(gone.set_people(&id, no_people())));
    assert!(expired(gone.confirm_people(&id)));
}

#[test]
fn ids_are_fresh_and_expired_entries_are_let_go() {
    let session = session().with_lifetime(Duration::ZERO);
    let first = session.stage(key_pair());
    let second = session.stage(key_pair());
    assert_ne!(first, second);
    assert_eq!(
        super::lock(&session.staged).entries.len(),
        1,
        "the expired one was purged"
    );
}

#[test]
fn a_report_is_dropped_with_its_credentials() {
    let session = session();
    let id = session.stage(key_pair());
    assert!(
        expired(session.verified(&id)),
        "never verified: nothing to save"
    );
    session.record_report(&id, &report(ProviderId::Hrworks));
    assert!(session.verified(&id).is_ok());
    session.discard(&id);
    assert!(expired(session.verified(&id)));
    session.record_report(&id, &report(ProviderId::Hrworks));
    assert!(
        expired(session.verified(&id)),
        "a report for discarded credentials is no save"
    );
}

#[test]
fn another_organisation_drops_what_was_learnt_for_the_one_before() {
    let session = session();
    let id = session.stage(sign_in(Some("1")));
    session.record_report(&id, &report(ProviderId::Employmenthero));
    session.set_people(&id, no_people()).unwrap();
    session.confirm_people(&id).unwrap();

    session.choose_organisation(&id, "1").unwrap();
    assert!(
        session.verified(&id).is_ok(),
        "the same organisation keeps its report"
    );
    assert!(session.confirmed_people(&id).is_some());

    session.choose_organisation(&id, "2").unwrap();
    let organisation = session
        .staged(&id)
        .unwrap()
        .grant()
        .unwrap()
        .organisation_id
        .clone();
    assert_eq!(organisation.as_deref(), Some("2"));
    assert!(expired(session.verified(&id)));
    assert!(expired(session.with_matched(&id, |_| Ok(()))));
    assert!(session.confirmed_people(&id).is_none());
}

#[test]
fn a_confirmation_belongs_to_its_staged_entry_and_its_people() {
    let session = session();
    let (mine, other) = (session.stage(key_pair()), session.stage(key_pair()));
    assert!(expired(session.confirm_people(&mine)), "nothing listed yet");
    session.set_people(&mine, no_people()).unwrap();
    session.set_people(&other, no_people()).unwrap();
    assert_eq!(session.confirm_people(&mine), Ok(0));
    assert!(session.confirmed_people(&mine).is_some());
    assert!(session.confirmed_people(&other).is_none());

    session.set_people(&mine, no_people()).unwrap();
    assert!(
        session.confirmed_people(&mine).is_none(),
        "a new listing is confirmed anew"
    );
    session.confirm_people(&mine).unwrap();
    session.discard(&other);
    assert!(session.confirmed_people(&mine).is_some());
    session.discard(&mine);
    assert!(session.confirmed_people(&mine).is_none());
}

#[test]
fn refreshed_tokens_replace_the_staged_ones_and_keep_the_rest() {
    let session = session();
    let id = session.stage(sign_in(Some("1")));
    session.record_report(&id, &report(ProviderId::Employmenthero));
    let tokens = OAuthTokens {
        access_token: SecretString::from("access-2"),
        refresh_token: Some(SecretString::from("refresh-2")),
        expires_at: None,
        granted_scopes: None,
    };
    session.replace_tokens(&id, tokens);
    let (credentials, _) = session.verified(&id).expect("still verified");
    let grant = credentials.grant().unwrap();
    let refresh = grant.tokens.refresh_token.as_ref().unwrap();
    assert_eq!(secrecy::ExposeSecret::expose_secret(refresh), "refresh-2");
    assert_eq!(grant.organisation_id.as_deref(), Some("1"));
}

fn listed(id: &str, first: &str, last: &str) -> Person {
    Person {
        ids: PersonIds {
            provider_id: Some(id.into()),
            ..PersonIds::default()
        },
        work_email: Some(format!("{}@acme.example", first.to_lowercase())),
        ..Person::new(first, last)
    }
}

#[test]
fn people_left_out_stay_left_out_when_a_roster_is_compared() {
    let session = session();
    let id = session.stage(key_pair());
    let hr = vec![
        listed("1", "Ana", "Stays"),
        listed("2", "Ben", "Contractor"),
        listed("3", "Cem", "External"),
    ];
    let mut matched = match_people(hr, Vec::new(), &MatchOptions::default());
    let left_out: Vec<_> = matched
        .entries()
        .iter()
        .filter(|e| matched.hr_person(e).is_some_and(|p| p.first_name != "Ana"))
        .map(|e| e.id())
        .collect();
    for entry in left_out {
        matched.set_excluded(entry, true).unwrap();
    }
    session.set_people(&id, matched).unwrap();

    let roster = read_roster(
        b"First name,Last name,Email\nBen,Contractor,ben@acme.example\nDora,Records,dora@acme.example\n",
    )
    .unwrap();
    let comparison = session.match_roster(&id, roster, Disclosure::Full).unwrap();

    let row = |first: &str| {
        let rows = &comparison.report.people;
        let hr = |row: &&crate::people::ReportRow| {
            row.hr.as_ref().is_some_and(|p| p.name.starts_with(first))
        };
        rows.iter().find(hr).cloned().expect("a row for the person")
    };
    assert!(
        row("Ben").excluded,
        "left out, even though the roster has him"
    );
    assert_eq!(row("Ben").category, Category::Matched);
    assert!(row("Cem").excluded);
    assert!(!row("Ana").excluded);
    assert_eq!(comparison.report.counts.excluded, 2);
    assert_eq!(comparison.report.counts.only_in_existing, 1, "Dora only");
    session.confirm_people(&id).unwrap();
    let confirmed = session.confirmed_people(&id).unwrap();
    assert_eq!(confirmed.len(), 1);
    let mut excluded = session.people_confirmation(&id).unwrap().excluded_ids;
    excluded.sort();
    assert_eq!(excluded, ["2", "3"]);
}

//! `hrlink people`: verify, list everyone in the HR system (progress on stderr, Ctrl-C cancels),
//! optionally match against a roster, and print counts per category or the full list.
//!
//! Personal data is masked (initials, masked emails) unless `--show-personal-data`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use hrlink_core::config::OAuthProviderConfig;
use hrlink_core::http::HttpClient;
use hrlink_core::messages::Language;
use hrlink_core::people::{
    self, Category, Disclosure, ListingOptions, ListingProgress, MatchOptions, PeopleReport,
    ReportRow,
};
use hrlink_core::verify::{self, Credentials};
use hrlink_core::{Endpoints, Problem};
use serde::Serialize;

use crate::exit::Exit;
use crate::output;

/// How `hrlink people` prints the people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Counts per category (the default).
    Table,
    /// `{"provider","account","counts","people":[…]}`.
    Json,
    /// One row per person or pair.
    Csv,
}

/// What `hrlink people` was asked for, beyond the credentials.
pub struct Request {
    pub roster: Option<PathBuf>,
    pub format: Format,
    pub out: Option<PathBuf>,
    pub show_personal_data: bool,
}

/// Everything needed to reach the HR system.
pub struct Connection {
    pub http: HttpClient,
    pub endpoints: Endpoints,
    pub credentials: Credentials,
    pub oauth: Option<OAuthProviderConfig>,
}

/// Runs `hrlink people` once the credentials are in hand.
pub async fn run(connection: Connection, request: Request, language: Language) -> Exit {
    // The roster is read first: a wrong file should not cost a listing.
    let existing = match &request.roster {
        Some(path) => match people::read_roster_file(path) {
            Ok(roster) => roster.people,
            Err(problem) => return fail(&problem, language),
        },
        None => Vec::new(),
    };
    let Connection {
        http,
        endpoints,
        credentials,
        oauth,
    } = connection;
    let report = verify::verify(&http, &endpoints, &credentials, &|_| {}).await;
    if !report.ok {
        output::report(&report, request.format == Format::Json, language);
        return Exit::for_report(&report);
    }

    let options = ListingOptions::default();
    let cancel = options.cancel.clone();
    let ctrl_c = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            cancel.cancel();
        }
    });
    let terminal = std::io::stderr().is_terminal();
    let progress = |progress: ListingProgress| show_progress(progress, terminal);
    let outcome = people::list_people(
        &http,
        &endpoints,
        &credentials,
        oauth.as_ref(),
        &options,
        &progress,
    )
    .await;
    ctrl_c.abort();
    if terminal {
        eprintln!();
    }
    if outcome.refreshed_tokens.is_some() {
        // Nothing is saved from this command; a saved connection refreshes its own tokens.
        tracing::debug!("tokens refreshed during the listing were not kept");
    }
    let listing = match outcome.result {
        Ok(listing) => listing,
        Err(problem) => return fail(&problem, language),
    };
    eprintln!(
        "Read {} people from {} ({} pages).",
        listing.people.len(),
        listing.provider.display_name(),
        listing.pages
    );

    let matched = people::match_people(listing.people, existing, &MatchOptions::default());
    let disclosure = match (request.format, request.show_personal_data) {
        (Format::Table, _) => Disclosure::CountsOnly,
        (_, true) => Disclosure::Full,
        (_, false) => Disclosure::Masked,
    };
    let people_report = matched.report(disclosure);
    let text = match request.format {
        Format::Table => table(&people_report),
        Format::Json => json(&report, &people_report),
        Format::Csv => match people::report_csv(&people_report) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("hrlink: cannot write CSV: {error}");
                return Exit::Unexpected;
            }
        },
    };
    match write_out(request.out.as_deref(), &text) {
        Ok(()) => Exit::Ok,
        Err(error) => {
            eprintln!("hrlink: cannot write the output: {error}");
            Exit::Usage
        }
    }
}

fn fail(problem: &Problem, language: Language) -> Exit {
    output::problem(problem, language);
    Exit::for_problem(problem)
}

/// One line per page on a terminal (overwritten in place); nothing in pipes and logs but the
/// final summary.
fn show_progress(progress: ListingProgress, terminal: bool) {
    if !terminal {
        return;
    }
    let pages = match progress.pages_total {
        Some(total) => format!("page {} of {total}", progress.pages_done),
        None => format!("page {}", progress.pages_done),
    };
    let eta = progress
        .eta_seconds
        .filter(|&seconds| seconds > 0)
        .map(|seconds| format!(", about {seconds} s left"))
        .unwrap_or_default();
    eprint!(
        "\rReading people: {pages}, {} people{eta}   ",
        progress.people
    );
}

const CATEGORIES: [(Category, &str); 7] = [
    (Category::Matched, "Matched"),
    (Category::MatchedWithDifferences, "Matched with differences"),
    (Category::NeedsReview, "Needs review"),
    (Category::OnlyInHr, "Only in the HR system"),
    (Category::OnlyInExisting, "Only in your records"),
    (Category::Inactive, "Inactive or left"),
    (Category::Duplicate, "Possible duplicates"),
];

fn table(report: &PeopleReport) -> String {
    let counts = &report.counts;
    let mut text = String::new();
    for (category, label) in CATEGORIES {
        text.push_str(&format!("{label:<26} {:>7}\n", counts.of(category)));
    }
    text.push_str(&format!("{:<26} {:>7}\n", "Total", counts.total));
    text
}

#[derive(Serialize)]
struct JsonOutput<'a> {
    provider: &'static str,
    account: &'a Option<verify::Account>,
    counts: &'a people::MatchCounts,
    people: &'a [ReportRow],
}

fn json(verification: &verify::VerificationReport, report: &PeopleReport) -> String {
    let output = JsonOutput {
        provider: verification.provider.slug(),
        account: &verification.account,
        counts: &report.counts,
        people: &report.people,
    };
    serde_json::to_string(&output).unwrap_or_default() + "\n"
}

fn write_out(path: Option<&Path>, text: &str) -> std::io::Result<()> {
    match path {
        Some(path) => hrlink_core::files::write_chosen_file(path, text.as_bytes()),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()
        }
    }
}

//! `hrlink mapping suggest`: the HR system's organisation structure beside the product's own
//! categories (`[categories]` of the integration configuration), with the suggestions the
//! wizard would pre-fill.

use clap::Subcommand;
use hrlink_core::config::Config;
use hrlink_core::mapping::{self, Mapping};
use hrlink_core::messages::Language;
use hrlink_core::people::{ListingOptions, list_people};
use hrlink_core::session::Session;
use hrlink_core::{Problem, ProviderId, verify};
use serde::Serialize;

use crate::exit::Exit;
use crate::{AccessArgs, output, parse_provider, prepare};

#[derive(Subcommand)]
pub(crate) enum MappingCommand {
    /// List the HR system's locations, areas of work and roles with their people counts, and
    /// suggest the product's category for each (exact names first, close ones marked).
    Suggest {
        /// The HR system (see `hrlink providers`).
        #[arg(value_parser = parse_provider)]
        provider: ProviderId,
        #[command(flatten)]
        access: AccessArgs,
        /// Print JSON (the structure, the suggestions and the mapping `--mapping suggested`
        /// would send).
        #[arg(long)]
        json: bool,
    },
}

/// `hrlink connect --mapping FILE|suggested`: the mapping in the hand-off's JSON shape, or
/// `suggested` (the exact suggestions with the product's default role), kept in `session` for
/// `staged` as the app's mapping step keeps the admin's choice.
pub(crate) async fn choose(
    session: &Session,
    staged: &str,
    choice: &str,
    categories: &mapping::Categories,
) -> Result<Mapping, Problem> {
    let given = if choice == "suggested" {
        None
    } else {
        let bytes = crate::read_input(std::path::Path::new(choice))?;
        let mapping =
            serde_json::from_slice(&bytes).map_err(|_| Problem::ConfigurationInvalid {
                what: format!("--mapping {choice}: not a mapping in the hand-off's JSON shape"),
            })?;
        Some(mapping)
    };
    session
        .choose_mapping_unseen(staged, given, categories)
        .await
}

#[derive(Serialize)]
struct Output<'a> {
    structure: &'a mapping::Structure,
    categories: &'a mapping::Categories,
    suggestions: &'a mapping::Suggestions,
    /// Exact suggestions only, with the product's default role.
    suggested: &'a Mapping,
}

pub(crate) async fn run(command: MappingCommand, language: Language) -> Exit {
    let MappingCommand::Suggest {
        provider,
        access,
        json,
    } = command;
    match suggest(provider, &access, json, language).await {
        Ok(exit) => exit,
        Err(problem) => {
            output::problem(&problem, language);
            Exit::for_problem(&problem)
        }
    }
}

async fn suggest(
    provider: ProviderId,
    access: &AccessArgs,
    json: bool,
    language: Language,
) -> Result<Exit, Problem> {
    let config = Config::load(access.sign_in.config.as_deref(), None)?;
    let (http, endpoints, credentials, oauth) = prepare(provider, access, None, language).await?;
    let report = verify::verify(&http, &endpoints, &credentials, &|_| {}).await;
    if !report.ok {
        output::report(&report, json, language);
        return Ok(Exit::for_report(&report));
    }
    let options = ListingOptions::default();
    let listing = list_people(
        &http,
        &endpoints,
        &credentials,
        oauth.as_ref(),
        &options,
        &|_| {},
    )
    .await
    .result?;
    let structure =
        mapping::list_structure(&http, &endpoints, &credentials, &listing.people).await?;
    let suggestions = mapping::suggest(&structure, &config.categories);
    let suggested = Mapping::exact(&suggestions, &config.categories);
    if json {
        let output = Output {
            structure: &structure,
            categories: &config.categories,
            suggestions: &suggestions,
            suggested: &suggested,
        };
        println!(
            "{}",
            serde_json::to_string_pretty(&output).unwrap_or_default()
        );
        return Ok(Exit::Ok);
    }
    for (kind, rows) in &suggestions.kinds {
        println!("{}", kind.key());
        for row in rows {
            let choice = match &row.suggestion {
                Some(s) => format!("{} ({:?})", s.product_id, s.kind),
                None if !row.ties.is_empty() => format!("one of {}", row.ties.join(", ")),
                None => "not mapped".to_owned(),
            };
            let name = hrlink_core::printable::printable(&row.category.name);
            println!("  {name} ({} people) -> {choice}", row.category.people);
        }
    }
    Ok(Exit::Ok)
}

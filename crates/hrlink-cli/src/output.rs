//! Human and JSON output. Messages come from the shared catalogue; nothing secret is printed.
//! What the HR system said (names, ids, problem parameters) is printed without control
//! characters or bidi overrides ([`printable`]); JSON stays exact.

use hrlink_core::messages::{self, Language};
use hrlink_core::printable::{printable, printable_lines};
use hrlink_core::providers::texts;
use hrlink_core::verify::{PermissionStatus, VerificationReport};
use hrlink_core::{Problem, ProviderId};
use serde::Serialize;

/// Prints a problem to stderr: what happened, then what to do next.
pub fn problem(problem: &Problem, language: Language) {
    let rendered = messages::render(problem, language);
    eprintln!(
        "{}\n{}",
        printable_lines(&rendered.message),
        printable_lines(&rendered.next_step)
    );
}

/// Prints the provider list.
pub fn providers(json: bool) {
    if json {
        let list: Vec<_> = ProviderId::ALL
            .iter()
            .map(|p| serde_json::json!({"id": p.slug(), "name": p.display_name(), "region": p.region(), "credentials": p.credential_kind()}))
            .collect();
        println!("{}", serde_json::Value::Array(list));
    } else {
        for p in ProviderId::ALL {
            println!("{:<16} {:<22} {}", p.slug(), p.display_name(), p.region());
        }
    }
}

#[derive(Serialize)]
struct JsonProblem {
    code: &'static str,
    message: String,
    next_step: String,
}

/// Prints a verification report, as text or as the documented JSON.
pub fn report(report: &VerificationReport, json: bool, language: Language) {
    let rendered = |problems: &[hrlink_core::Problem]| -> Vec<JsonProblem> {
        problems
            .iter()
            .map(|p| {
                let rendered = messages::render(p, language);
                JsonProblem {
                    code: p.code(),
                    message: rendered.message,
                    next_step: rendered.next_step,
                }
            })
            .collect()
    };
    let problems = rendered(&report.problems);
    let warnings = rendered(&report.warnings);
    if json {
        let value = serde_json::json!({
            "provider": report.provider.slug(),
            "ok": report.ok,
            "account": report.account,
            "permissions": report.permissions,
            "people": report.people,
            "problems": problems,
            "warnings": warnings,
        });
        println!("{value}");
        return;
    }
    let name = report.provider.display_name();
    // Connected only once the check passed: an account named before that (HRworks' token
    // claims) is not yet an answer from the API.
    match report.account.as_ref().filter(|_| report.ok) {
        Some(account) => println!(
            "Connected to {name}: {} ({})",
            printable(&account.name),
            printable(&account.id)
        ),
        None => println!("Not connected to {name}."),
    }
    for permission in &report.permissions {
        let mark = match permission.status {
            PermissionStatus::Granted => "✓",
            PermissionStatus::Missing => "✗",
            PermissionStatus::Unknown => "?",
        };
        let kind = if permission.required {
            "required"
        } else {
            "optional"
        };
        println!("  {mark} {} ({kind})", printable(&permission.id));
        if permission.status == PermissionStatus::Missing {
            // How to grant it, in the HR system's own menus.
            let fix = texts::permission_fix(report.provider, language, &permission.id);
            println!("      {}", printable(&fix));
        }
    }
    if let Some(people) = report.people {
        println!("People: {}", people.count);
    }
    for problem in problems.iter().chain(&warnings) {
        println!(
            "\n{}\n{}",
            printable_lines(&problem.message),
            printable_lines(&problem.next_step)
        );
    }
}

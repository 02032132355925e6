//! Human and JSON output. Messages come from the shared catalogue; nothing secret is printed.
//! What the HR system said (names, ids, problem parameters) is printed without control
//! characters or bidi overrides ([`printable`]); JSON stays exact.

use hrlink_core::messages::{self, Language};
use hrlink_core::printable::{printable, printable_lines};
use hrlink_core::providers::texts;
use hrlink_core::verify::{
    PeopleCounted, PermissionStatus, VerificationReport, VerifyProgress, VerifyStep,
};
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

/// A verification's progress on a terminal, one line as each step ends: the verdict (sign-in,
/// account, every permission) as soon as each part is known, the people count when it follows.
/// Nothing in pipes and logs, where only the report counts.
pub fn verify_progress(progress: VerifyProgress, terminal: bool) {
    if let Some(line) = terminal.then(|| progress_line(&progress)).flatten() {
        eprintln!("{line}");
    }
}

fn progress_line(progress: &VerifyProgress) -> Option<String> {
    let VerifyProgress::Finished { step, ok } = progress else {
        return None;
    };
    let what = match (step, ok) {
        (VerifyStep::Authenticate, true) => "signed in".to_owned(),
        (VerifyStep::Authenticate, false) => "sign-in failed".to_owned(),
        (VerifyStep::Account, true) => "account found".to_owned(),
        (VerifyStep::Account, false) => "account not found".to_owned(),
        (VerifyStep::Permission(id), true) => format!("permission {} granted", printable(id)),
        (VerifyStep::Permission(id), false) => format!("permission {} not granted", printable(id)),
        (VerifyStep::People, true) => "people counted".to_owned(),
        (VerifyStep::People, false) => "people not counted".to_owned(),
    };
    Some(format!("  {} {what}", if *ok { "✓" } else { "✗" }))
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
        // Said as the HR system counts them: systems differ in whom they count.
        let who = match people.counted {
            PeopleCounted::Active => "active",
            PeopleCounted::Everyone => "in all, former staff included",
        };
        let system = report.provider.display_name();
        println!("People: {} {who}, as {system} counts them", people.count);
    }
    for problem in problems.iter().chain(&warnings) {
        println!(
            "\n{}\n{}",
            printable_lines(&problem.message),
            printable_lines(&problem.next_step)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_finished_step_is_one_line_and_a_started_one_none() {
        let finished = |step, ok| progress_line(&VerifyProgress::Finished { step, ok });
        assert_eq!(
            finished(VerifyStep::Authenticate, true).as_deref(),
            Some("  ✓ signed in")
        );
        assert_eq!(
            finished(VerifyStep::permission("persons"), false).as_deref(),
            Some("  ✗ permission persons not granted")
        );
        assert_eq!(
            finished(VerifyStep::People, true).as_deref(),
            Some("  ✓ people counted")
        );
        let started = VerifyProgress::Started {
            step: VerifyStep::Account,
        };
        assert_eq!(progress_line(&started), None);
    }
}

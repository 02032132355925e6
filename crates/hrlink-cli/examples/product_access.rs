//! How a product on this computer gets access to an HR system through HR Link.
use std::process::{Command, exit};

fn fail(message: &str, code: i32) -> ! {
    eprintln!("{message}");
    exit(code)
}

fn main() {
    let connection = std::env::args().nth(1).unwrap_or_default(); // the id on the card
    let answer = Command::new("hrlink")
        .args(["credential", "get", &connection, "--json"])
        .output()
        .unwrap_or_else(|_| fail("HR Link is not installed (no hrlink on the PATH).", 1));
    match answer.status.code() {
        Some(0) => {}
        Some(3) => fail(
            "The HR system refused: re-authorise the connection in HR Link.",
            3,
        ),
        // 2 unknown connection, 5 HR system unreachable, 7 keychain locked: HR Link says why.
        code => fail(&String::from_utf8_lossy(&answer.stderr), code.unwrap_or(1)),
    }
    let access: serde_json::Value = serde_json::from_slice(&answer.stdout)
        .unwrap_or_else(|_| fail("HR Link answered something unexpected.", 1));
    // Send `Authorization: {authorization}` with every request to `{api_base}…`.
    let (api_base, authorization) = (&access["api_base"], &access["authorization"]);
    if !authorization
        .as_str()
        .is_some_and(|a| a.starts_with("Bearer "))
    {
        fail("HR Link answered something unexpected.", 1);
    }
    let until = &access["expires_at"]; // ask again shortly before, or when a call gets 401
    println!("Access to {api_base} until {until}");
}

//! IRIS HR Professional: the generated API user's username and password.
//!
//! IRIS shows both once ("Copy Password"), so admins paste them from wherever they kept them:
//! labelled lines (`Username: …` / `Password: …`), the two bare values, or two separate fields.

use secrecy::SecretString;

use super::text::{self, Separator};
use crate::Problem;

/// An IRIS API user's login.
pub struct IrisLogin {
    /// The API user's username (an identifier: shown masked, never in full).
    pub username: String,
    /// The API user's password.
    pub password: SecretString,
}

impl std::fmt::Debug for IrisLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IrisLogin")
            .field("username", &super::mask_tail(&self.username))
            .field("password", &"[REDACTED]")
            .finish()
    }
}

/// Parses pasted IRIS credentials.
///
/// Accepts labelled lines (`Username: x` or `User name: x`, and `Password: y`, in any case, with
/// `:`, `=`, a tab or aligned spaces, the value possibly on the line below, both possibly on one
/// line, other lines ignored) or exactly two bare lines, username first (the username must then be
/// one word, so that a title line is not taken for it). Invisible characters (BOM, zero-width
/// space, no-break space) and whitespace around each value are trimmed; a password's inner
/// characters are kept as they are, quotes included, since IRIS generates them.
///
/// Anything else — one bare line, empty text, a missing value, the same label with two values,
/// control characters, or text over
/// [`MAX_CREDENTIAL_TEXT_BYTES`](super::MAX_CREDENTIAL_TEXT_BYTES) — is
/// [`Problem::IrisCredentialsUnrecognised`].
pub fn parse_iris_credentials(text: &str) -> Result<IrisLogin, Problem> {
    if !text::is_plain_text(text) {
        return Err(Problem::IrisCredentialsUnrecognised);
    }
    let normalised = text::normalise(text);
    let lines: Vec<&str> = text::lines(&normalised).collect();
    let (username, password) = if lines.iter().any(|line| label_at_start(line).is_some()) {
        parse_labelled(&lines)?
    } else {
        match lines.as_slice() {
            [username, password] if !username.contains(char::is_whitespace) => {
                (*username, *password)
            }
            _ => return Err(Problem::IrisCredentialsUnrecognised),
        }
    };
    login(username, password)
}

/// Builds a login from two separate fields, trimmed like pasted text.
///
/// Either field empty after trimming, holding a line break or control characters, or over the
/// size cap is [`Problem::IrisCredentialsUnrecognised`].
pub fn iris_login(username: &str, password: &str) -> Result<IrisLogin, Problem> {
    if !text::is_plain_text(username) || !text::is_plain_text(password) {
        return Err(Problem::IrisCredentialsUnrecognised);
    }
    let (username, password) = (text::normalise(username), text::normalise(password));
    login(text::trim(&username), text::trim(&password))
}

/// The one place a login is made: both values present, each on one line.
fn login(username: &str, password: &str) -> Result<IrisLogin, Problem> {
    let usable = |value: &str| !value.is_empty() && !value.contains(['\n', '\r']);
    if !usable(username) || !usable(password) {
        return Err(Problem::IrisCredentialsUnrecognised);
    }
    Ok(IrisLogin {
        username: username.to_owned(),
        password: SecretString::from(password.to_owned()),
    })
}

const USERNAME: &[&str] = &["user", "name"];
const PASSWORD: &[&str] = &["password"];
const LABELS: &[&[&str]] = &[USERNAME, PASSWORD];
const USERNAME_LABEL: usize = 0;

/// A label that starts the (trimmed) line.
fn label_at_start(line: &str) -> Option<text::Label> {
    text::find_label(line, 0, LABELS).filter(|label| label.start == 0)
}

/// Reads labelled lines. Lines without a label (titles, notes) are ignored; a label with no value
/// on its line takes the next line, unless that line has a label itself.
fn parse_labelled<'a>(lines: &[&'a str]) -> Result<(&'a str, &'a str), Problem> {
    let mut username = Field::default();
    let mut password = Field::default();
    let mut rest = lines.iter().peekable();
    while let Some(line) = rest.next() {
        let Some(label) = label_at_start(line) else {
            continue;
        };
        let after = line.get(label.value_start..).unwrap_or_default();
        // `Username: x Password: y` on one line: the username ends where the password label starts.
        let (value, password_tail) = match text::find_label(after, 0, &[PASSWORD]) {
            Some(p) if label.which == USERNAME_LABEL && p.separator != Separator::EndOfLine => (
                after.get(..p.start).unwrap_or_default(),
                Some(after.get(p.value_start..).unwrap_or_default()),
            ),
            _ => (after, None),
        };
        let mut value = text::trim(value);
        if value.is_empty()
            && password_tail.is_none()
            && label.separator != Separator::Aligned
            && let Some(next) = rest.next_if(|next| label_at_start(next).is_none())
        {
            value = next;
        }
        if label.which == USERNAME_LABEL {
            username.set(value);
        } else {
            password.set(value);
        }
        if let Some(tail) = password_tail {
            password.set(text::trim(tail));
        }
    }
    match (username.value(), password.value()) {
        (Some(username), Some(password)) => Ok((username, password)),
        _ => Err(Problem::IrisCredentialsUnrecognised),
    }
}

/// One labelled value, over every line that carries its label.
#[derive(Default)]
struct Field<'a> {
    value: Option<&'a str>,
    conflict: bool,
}

impl<'a> Field<'a> {
    fn set(&mut self, value: &'a str) {
        match self.value {
            _ if value.is_empty() => {}
            Some(seen) if seen != value => self.conflict = true,
            _ => self.value = Some(value),
        }
    }

    /// The value, unless it is missing or ambiguous.
    fn value(&self) -> Option<&'a str> {
        self.value.filter(|_| !self.conflict)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use secrecy::ExposeSecret;

    use super::*;
    use crate::credentials::MAX_CREDENTIAL_TEXT_BYTES;

    const USER: &str = "hrlink_api7";
    const PASS: &str = "Xq7#vL2:p=Rz!9w";
    const CANARY: &str = "CANARY-7f3a9c";

    fn parse(text: &str) -> Result<(String, String), Problem> {
        parse_iris_credentials(text).map(|l| (l.username, l.password.expose_secret().to_owned()))
    }

    fn fill(template: &str) -> String {
        template.replace("{U}", USER).replace("{P}", PASS)
    }

    #[test]
    fn accepts_every_plausible_shape() {
        let cases: &[(&str, &str)] = &[
            ("labelled", "Username: {U}\nPassword: {P}\n"),
            ("user name", "User name: {U}\nPassword: {P}"),
            ("upper case", "USERNAME: {U}\nPASSWORD: {P}"),
            ("lower case, no space", "username:{U}\npassword:{P}"),
            ("tabs", "Username\t{U}\nPassword\t{P}"),
            ("colon and tab", "User Name:\t{U}\r\nPassword:\t{P}\r\n"),
            ("aligned", "Username   {U}\nPassword   {P}"),
            ("equals", "user_name={U}\npassword={P}"),
            ("password first", "Password: {P}\nUsername: {U}"),
            (
                "title and notes",
                "IRIS API user for HR Link\nUsername: {U}\nPassword: {P}\nShown once!",
            ),
            (
                "blank lines, CRLF, BOM",
                "\u{FEFF}\r\n\r\nUsername: {U}\r\n\r\nPassword: {P}\r\n\r\n",
            ),
            ("values below labels", "Username:\n{U}\nPassword:\n{P}"),
            ("labels without colon", "Username\n{U}\nPassword\n{P}"),
            ("one labelled line", "Username: {U} Password: {P}"),
            ("one line, tab", "Username: {U}\tPassword: {P}"),
            (
                "invisible characters",
                "Username:\u{A0}{U}\u{200B}\nPassword: \u{FEFF}{P}\u{A0} \r",
            ),
            ("trailing blanks", "Username: {U}   \nPassword: {P}\t \n"),
            ("bare lines", "{U}\n{P}"),
            ("bare CRLF, BOM", "\u{FEFF}{U}\r\n{P}\r\n"),
            ("bare CR, blanks", "\r{U}\r\r{P}\r"),
            ("bare, zero-width", "\u{200B}{U}\u{200B}\n\u{A0}{P}\u{200B}"),
            (
                "same value twice",
                "Username: {U}\nPassword: {P}\nPassword: {P}",
            ),
        ];
        for (name, template) in cases {
            assert_eq!(
                parse(&fill(template)),
                Ok((USER.to_owned(), PASS.to_owned())),
                "{name}"
            );
        }
    }

    #[test]
    fn passwords_keep_their_inner_characters() {
        for password in [
            "a b",
            "\"quoted\"",
            "'x'",
            "pass: word",
            "Password: x",
            "≈ünïcødé",
            "x...",
        ] {
            let text = format!("Username: {USER}\nPassword: {password}");
            assert_eq!(
                parse(&text),
                Ok((USER.to_owned(), password.to_owned())),
                "{password}"
            );
        }
    }

    #[test]
    fn labelled_usernames_may_contain_spaces() {
        let text = format!("User name: HR Link API\nPassword: {PASS}");
        assert_eq!(
            parse(&text),
            Ok(("HR Link API".to_owned(), PASS.to_owned()))
        );
    }

    #[test]
    fn rejects_what_cannot_be_read() {
        let too_large = format!("{USER}\n{}", "p".repeat(MAX_CREDENTIAL_TEXT_BYTES));
        let cases: &[(&str, String)] = &[
            ("empty", String::new()),
            ("blank", " \r\n\t\u{FEFF}\u{A0}\n".into()),
            ("one bare line", USER.into()),
            ("one bare line with spaces", fill("{U} {P}")),
            ("three bare lines", fill("{U}\n{P}\n{P}")),
            ("bare title and password", fill("IRIS API user\n{P}")),
            ("only username", fill("Username: {U}\n")),
            ("only password", fill("Password: {P}\n")),
            ("username empty", fill("Username:\nPassword: {P}")),
            ("password empty", fill("Username: {U}\nPassword:   \n")),
            (
                "password label then username label",
                fill("Username: {U}\nPassword:\nUsername: {U}"),
            ),
            (
                "conflicting usernames",
                fill("Username: {U}\nUsername: other\nPassword: {P}"),
            ),
            ("labelled, unknown label", fill("Login: {U}\nPassword: {P}")),
            ("NUL", fill("{U}\n{P}\0")),
            ("escape", fill("Username: {U}\nPassword: \u{1b}[0m{P}")),
            ("too large", too_large),
        ];
        for (name, text) in cases {
            assert_eq!(
                parse(text),
                Err(Problem::IrisCredentialsUnrecognised),
                "{name}"
            );
        }
    }

    #[test]
    fn separate_fields_are_trimmed_the_same_way() {
        let login = iris_login(
            "\u{FEFF} hrlink_api7\u{200B}\t",
            "\u{A0}Xq7#vL2:p=Rz!9w\r\n",
        )
        .unwrap();
        assert_eq!(login.username, USER);
        assert_eq!(login.password.expose_secret(), PASS);
        for (username, password) in [
            ("", PASS),
            (USER, ""),
            (" \u{200B} ", PASS),
            (USER, "\u{A0}\r\n"),
            (USER, "two\nlines"),
            ("a\0b", PASS),
        ] {
            assert!(
                matches!(
                    iris_login(username, password),
                    Err(Problem::IrisCredentialsUnrecognised)
                ),
                "{username:?} {password:?}"
            );
        }
    }

    #[test]
    fn debug_never_shows_the_password_or_the_whole_username() {
        let parsed =
            parse_iris_credentials(&format!("Username: {CANARY}\nPassword: {CANARY}")).unwrap();
        let typed = iris_login(CANARY, CANARY).unwrap();
        for login in [parsed, typed] {
            assert_eq!(login.password.expose_secret(), CANARY);
            let debug = format!("{login:?} {login:#?}");
            assert!(!debug.contains("CANARY"), "{debug}");
        }
    }

    #[test]
    fn errors_never_contain_the_input() {
        for text in [
            CANARY.to_owned(),
            format!("Password: {CANARY}"),
            format!("{CANARY}\0\n{CANARY}"),
        ] {
            let error = parse_iris_credentials(&text).unwrap_err();
            let shown = format!(
                "{error:?} {error} {}",
                serde_json::to_string(&error).unwrap()
            );
            assert!(!shown.contains("CANARY"), "{shown}");
        }
    }

    // --- property tests ---

    fn username() -> impl Strategy<Value = String> {
        "[A-Za-z0-9][A-Za-z0-9._@-]{0,39}"
    }

    /// Printable ASCII without spaces; starting with a letter or digit, because a password that
    /// begins with `:` or `=` after a tab is ambiguous (`Password\t:x` reads as `Password: x`).
    fn password() -> impl Strategy<Value = String> {
        "[A-Za-z0-9][!-~]{0,39}"
    }

    fn case(word: &str, upper: &[bool]) -> String {
        word.chars()
            .zip(upper.iter().cycle())
            .map(|(c, &up)| if up { c.to_ascii_uppercase() } else { c })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn rendered_logins_parse_back(
            username in username(),
            password in password(),
            user_label in prop::sample::select(vec!["Username", "User name", "User_Name"]),
            upper in prop::collection::vec(any::<bool>(), 9),
            separator in prop::sample::select(vec![": ", ":", "\t", ":\t", " = ", "   ", ":\n"]),
            newline in prop::sample::select(vec!["\n", "\r\n", "\r"]),
            bom in any::<bool>(),
            blank in 0usize..3,
            password_first in any::<bool>(),
            bare in any::<bool>(),
            padding in prop::sample::select(vec!["", " ", "\t", "\u{A0}", "\u{200B}"]),
        ) {
            let blank = newline.repeat(blank);
            let separator = separator.replace('\n', newline);
            let mut lines = if bare {
                vec![format!("{padding}{username}{padding}"), format!("{padding}{password}{padding}")]
            } else {
                vec![
                    format!("{}{separator}{padding}{username}{padding}", case(user_label, &upper)),
                    format!("{}{separator}{padding}{password}{padding}", case("password", &upper)),
                ]
            };
            if password_first && !bare {
                lines.reverse();
            }
            let bom = if bom { "\u{FEFF}" } else { "" };
            let text = format!("{bom}{blank}{}{newline}", lines.join(&format!("{newline}{blank}")));
            prop_assert_eq!(parse(&text), Ok((username, password)), "{:?}", text);
        }

        #[test]
        fn separate_fields_round_trip(username in username(), password in password()) {
            let login = iris_login(&format!(" {username}\u{200B}"), &format!("\u{FEFF}{password}\r\n"));
            let login = login.map(|l| (l.username, l.password.expose_secret().to_owned()));
            prop_assert_eq!(login, Ok((username, password)));
        }

        #[test]
        fn arbitrary_text_never_panics(text in "(?s).{0,300}") {
            match parse_iris_credentials(&text) {
                Ok(login) => {
                    prop_assert!(!login.username.is_empty());
                    prop_assert!(!login.password.expose_secret().is_empty());
                }
                Err(error) => {
                    prop_assert_eq!(error.clone(), Problem::IrisCredentialsUnrecognised);
                    let shown = format!("{error:?} {error}");
                    let trimmed = text.trim();
                    prop_assert!(trimmed.chars().count() < 8 || !shown.contains(trimmed));
                }
            }
        }

        #[test]
        fn label_soup_never_panics(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "Username", "user name", "PASSWORD", ":", "=", "\t", " ", "   ", "\n", "\r",
                    "\u{FEFF}", "\u{A0}", "\u{200B}", "x", "Xq7#vL2", "\"", "ä",
                ]),
                0..24,
            ),
        ) {
            let text = parts.concat();
            if let Ok(login) = parse_iris_credentials(&text) {
                prop_assert!(!login.username.is_empty() && !login.username.contains('\n'));
                prop_assert!(!login.password.expose_secret().is_empty());
            }
        }
    }
}

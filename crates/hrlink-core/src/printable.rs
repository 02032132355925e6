//! Text from an HR system made safe for a terminal or a spreadsheet cell: a company or a
//! person's name can carry escape sequences (`ESC ]52` writes the clipboard, `ESC [2J` clears
//! the screen, `ESC ]0` sets the window title) or bidi overrides that make text read backwards.
//! Every human-readable output of the CLI and every CSV cell goes through here; JSON stays
//! exact (serde escapes control characters there).

use std::borrow::Cow;

/// Bidi controls: they reorder what is shown (`U+202E gnp.exe` reads as `exe.png`), and nothing an
/// HR system names needs them.
const BIDI_CONTROLS: [char; 12] = [
    '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

fn unsafe_to_show(c: char) -> bool {
    // `is_control`: C0 (with ESC, BEL, CR), DEL and C1 (with CSI, OSC).
    c.is_control() || BIDI_CONTROLS.contains(&c)
}

/// `text` without control characters (C0, DEL, C1) and bidi controls, for one line.
pub fn printable(text: &str) -> Cow<'_, str> {
    if text.chars().any(unsafe_to_show) {
        Cow::Owned(text.chars().filter(|&c| !unsafe_to_show(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Like [`printable`], keeping the line breaks of a multi-line message.
pub fn printable_lines(text: &str) -> String {
    text.split('\n')
        .map(printable)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_removed() {
        let hostile = "Acme\u{1b}]52;c;ZXZpbA==\u{7} \u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m GmbH \u{202e}gnp.exe\r";
        let shown = printable(hostile);
        assert!(!shown.chars().any(unsafe_to_show), "{shown:?}");
        assert_eq!(shown, "Acme]52;c;ZXZpbA== [2J]0;pwned31m GmbH gnp.exe");
        assert!(matches!(printable("Bäckerei GmbH"), Cow::Borrowed(_)));
        assert_eq!(printable_lines("one\u{1b}[2J\ntwo\t"), "one[2J\ntwo");
    }
}

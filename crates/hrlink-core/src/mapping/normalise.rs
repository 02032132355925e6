//! Category names in comparable form: "St. Kilda Rd & Warehouse" and "st kilda road and
//! warehouse" are the same place.

use crate::people::normalise::fold;

/// Words written short in category names, and what they stand for (after folding, so without
/// dots or accents). German "Str." is Straße, folded.
const ABBREVIATIONS: [(&str, &str); 14] = [
    ("st", "street"),
    ("str", "strasse"),
    ("rd", "road"),
    ("ave", "avenue"),
    ("av", "avenue"),
    ("hq", "headquarters"),
    ("ctr", "centre"),
    ("ctre", "centre"),
    ("center", "centre"),
    ("dept", "department"),
    ("mgr", "manager"),
    ("mgmt", "management"),
    ("intl", "international"),
    ("und", "and"),
];

/// A category name in comparable form: [`fold`]ed (case, accents, punctuation, ß→ss), "&" and
/// "+" read as "and" (German "und" too), and common abbreviations written out.
///
/// `normalise("St. Kilda Rd & Café") == "street kilda road and cafe"`.
pub fn normalise(name: &str) -> String {
    // `fold` turns "&" into a gap, so it is spelled out first.
    let spelled = name.replace(['&', '+'], " and ");
    fold(&spelled)
        .split(' ')
        .filter(|word| !word.is_empty())
        .map(|word| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == word)
                .map_or(word, |(_, long)| long)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn names_are_compared_in_one_form() {
        let table = [
            ("Warehouse", "warehouse"),
            ("  WAREHOUSE  ", "warehouse"),
            ("Front-of-House", "front of house"),
            ("Warehouse & Logistics", "warehouse and logistics"),
            ("Warehouse and Logistics", "warehouse and logistics"),
            ("Lager & Logistik", "lager and logistik"),
            ("Lager und Logistik", "lager and logistik"),
            ("Sales+Marketing", "sales and marketing"),
            ("St. Kilda Rd", "street kilda road"),
            ("Leopoldstr. 12", "leopoldstr 12"),
            ("Venloer Str.", "venloer strasse"),
            ("Venloer Straße", "venloer strasse"),
            ("Zentrale München", "zentrale munchen"),
            ("Geschäftsführung", "geschaftsfuhrung"),
            ("Ōtautahi Christchurch", "otautahi christchurch"),
            ("Te Whanganui-a-Tara", "te whanganui a tara"),
            ("Kōwhai Café", "kowhai cafe"),
            ("Sydney HQ", "sydney headquarters"),
            ("Customer Service Dept.", "customer service department"),
            ("O'Connell Street", "oconnell street"),
            ("Perth (remote)", "perth remote"),
            ("", ""),
            ("&", "and"),
        ];
        for (name, expected) in table {
            assert_eq!(normalise(name), expected, "{name:?}");
        }
    }

    #[test]
    fn normalising_twice_changes_nothing() {
        for name in [
            "St. Kilda Rd & Café",
            "Lager und Logistik",
            "Ōtautahi",
            "HQ",
        ] {
            let once = normalise(name);
            assert_eq!(normalise(&once), once, "{name:?}");
        }
    }
}

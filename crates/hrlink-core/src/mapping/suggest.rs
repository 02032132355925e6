//! Suggestions for the mapping step: for each HR category, the product category with the same
//! name after [`normalise`], else a close one, flagged as only a suggestion. Nothing is mapped
//! from a suggestion until someone accepts it (the admin, or `--mapping suggested` for exact
//! ones).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Categories, CategoryKind, HrCategory, ProductCategory, Structure, normalise};

/// Similarity (normalised Levenshtein of the normalised names) from which a name counts as
/// close: "Dunedinn" ~ "Dunedin" (0.875), but not "Filiale Görlitz" ~ "Filiale Köln" (a shared
/// first word, which Jaro-Winkler's prefix bonus would have taken).
const CLOSE: f64 = 0.85;

/// How sure a suggestion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SuggestionKind {
    /// The same name after normalisation.
    Exact,
    /// A close name: shown pre-filled and marked, never taken without the admin.
    Close,
}

/// A product category suggested for one HR category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    /// How sure.
    pub kind: SuggestionKind,
    /// The product category's id.
    pub product_id: String,
}

/// One row of the mapping step: an HR category and what is suggested for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SuggestionRow {
    /// The HR category, with its people count.
    pub category: HrCategory,
    /// The suggestion, when one product category is best.
    pub suggestion: Option<Suggestion>,
    /// Product categories that are equally good (a name the product has twice, two equally
    /// close names): no suggestion then, the admin chooses among these.
    pub ties: Vec<String>,
}

/// The suggestions for every kind both sides have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestions {
    /// Per kind, one row per HR category in the HR system's order.
    pub kinds: BTreeMap<CategoryKind, Vec<SuggestionRow>>,
}

/// Suggests a product category for each HR category, for every kind that the HR system lists
/// and the product has.
pub fn suggest(structure: &Structure, categories: &Categories) -> Suggestions {
    let mut kinds = BTreeMap::new();
    for kind in CategoryKind::ALL {
        let (Some(hr), product) = (structure.of(kind), categories.of(kind)) else {
            continue;
        };
        if product.is_empty() {
            continue;
        }
        let product: Vec<(String, &ProductCategory)> = product
            .iter()
            .map(|category| (normalise(&category.name), category))
            .collect();
        let rows = hr.iter().map(|category| row(category, &product)).collect();
        kinds.insert(kind, rows);
    }
    Suggestions { kinds }
}

fn row(category: &HrCategory, product: &[(String, &ProductCategory)]) -> SuggestionRow {
    let name = normalise(&category.name);
    let exact: Vec<&ProductCategory> = product
        .iter()
        .filter(|(normalised, _)| *normalised == name)
        .map(|(_, category)| *category)
        .collect();
    let (kind, best) = if exact.is_empty() {
        (SuggestionKind::Close, closest(&name, product))
    } else {
        (SuggestionKind::Exact, exact)
    };
    let (suggestion, ties) = match best.as_slice() {
        [] => (None, Vec::new()),
        [one] => (
            Some(Suggestion {
                kind,
                product_id: one.id.clone(),
            }),
            Vec::new(),
        ),
        many => (None, many.iter().map(|c| c.id.clone()).collect()),
    };
    SuggestionRow {
        category: category.clone(),
        suggestion,
        ties,
    }
}

/// The product categories closest to `name` (several when they tie), if any is close enough.
fn closest<'a>(name: &str, product: &[(String, &'a ProductCategory)]) -> Vec<&'a ProductCategory> {
    if name.is_empty() {
        return Vec::new();
    }
    let scored = product
        .iter()
        .map(|(normalised, category)| (similarity(name, normalised), *category));
    let mut best: Vec<&ProductCategory> = Vec::new();
    let mut best_score = CLOSE;
    for (score, category) in scored {
        if score > best_score + f64::EPSILON {
            (best_score, best) = (score, vec![category]);
        } else if (score - best_score).abs() <= f64::EPSILON {
            best.push(category);
        }
    }
    best
}

/// How alike two normalised names are, 0 to 1: every word of one found in the other
/// ("Auckland" and "Auckland CBD") counts as close; otherwise the share of letters that need
/// no edit.
fn similarity(a: &str, b: &str) -> f64 {
    if b.is_empty() {
        return 0.0;
    }
    let words = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
    let (a_words, b_words) = (words(a), words(b));
    let (short, long) = if a_words.len() <= b_words.len() {
        (&a_words, &b_words)
    } else {
        (&b_words, &a_words)
    };
    if short.iter().all(|word| long.contains(word)) {
        return CLOSE + 0.05;
    }
    strsim::normalized_levenshtein(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(names: &[(&str, &str)]) -> Categories {
        Categories {
            locations: names
                .iter()
                .map(|(id, name)| ProductCategory {
                    id: (*id).into(),
                    name: (*name).into(),
                })
                .collect(),
            ..Categories::default()
        }
    }

    fn hr(names: &[&str]) -> Structure {
        let locations = names
            .iter()
            .enumerate()
            .map(|(index, name)| HrCategory {
                id: index.to_string(),
                name: (*name).into(),
                people: 1,
            })
            .collect();
        Structure {
            locations: Some(locations),
            ..Structure::default()
        }
    }

    /// (HR name, expected): `Some((kind, id))`, or `None` with the tied ids.
    type Expected<'a> = (Option<(SuggestionKind, &'a str)>, &'a [&'a str]);

    #[test]
    fn exact_first_then_close_then_nothing() {
        use SuggestionKind::{Close, Exact};
        let categories = product(&[
            ("loc_1", "Auckland CBD"),
            ("loc_2", "Wellington Head Office"),
            ("loc_3", "Ōtautahi Christchurch"),
            ("loc_4", "Zentrale München"),
            ("loc_5", "Lager & Logistik"),
            ("loc_6", "Kitchen"),
            ("loc_7", "Kitchen"),
            ("loc_8", "Parramatta North"),
            ("loc_9", "Parramatta South"),
            ("loc_10", "St Kilda Road"),
            ("loc_11", "Dunedin"),
        ]);
        let table: [(&str, Expected); 13] = [
            ("wellington head office", (Some((Exact, "loc_2")), &[])),
            ("Otautahi Christchurch", (Some((Exact, "loc_3")), &[])),
            ("Zentrale Munchen", (Some((Exact, "loc_4")), &[])),
            ("Lager und Logistik", (Some((Exact, "loc_5")), &[])),
            ("St. Kilda Rd", (Some((Exact, "loc_10")), &[])),
            ("Auckland", (Some((Close, "loc_1")), &[])),
            ("Dunedinn", (Some((Close, "loc_11")), &[])),
            ("Ōtautahi", (Some((Close, "loc_3")), &[])),
            // A name the product has twice: the admin chooses.
            ("Kitchen", (None, &["loc_6", "loc_7"])),
            // Two equally close names: no guess either.
            ("Parramatta", (None, &["loc_8", "loc_9"])),
            ("Görlitz", (None, &[])),
            // A shared first word is not enough.
            ("Parramatta Westfield", (None, &[])),
            ("Perth (remote)", (None, &[])),
        ];
        let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
        let suggestions = suggest(&hr(&names), &categories);
        let rows = &suggestions.kinds[&CategoryKind::Locations];
        for (row, (name, (expected, ties))) in rows.iter().zip(table) {
            let got = row
                .suggestion
                .as_ref()
                .map(|s| (s.kind, s.product_id.as_str()));
            assert_eq!(got, expected, "{name:?}");
            assert_eq!(row.ties, ties.to_vec(), "{name:?}");
        }
    }

    #[test]
    fn kinds_one_side_lacks_get_no_rows_and_only_exact_ones_are_accepted() {
        let categories = product(&[("loc_1", "Auckland CBD"), ("loc_2", "Dunedin")]);
        let mut structure = hr(&["Auckland", "Dunedin"]);
        structure.roles = Some(Vec::new());
        let suggestions = suggest(&structure, &categories);
        assert_eq!(suggestions.kinds.len(), 1, "no roles in the product");
        let mapping = super::super::Mapping::exact(&suggestions, &categories);
        assert_eq!(
            mapping.locations.len(),
            1,
            "the close Auckland is not taken"
        );
        assert_eq!(
            mapping.locations.get("1").map(String::as_str),
            Some("loc_2")
        );
    }
}

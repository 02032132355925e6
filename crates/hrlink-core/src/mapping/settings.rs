//! `hrlink.toml`'s `[categories]`: the product's own categories in local mode.
//!
//! ```toml
//! [categories]
//! locations = [{ id = "loc_1", name = "Auckland CBD" }]
//! areas_of_work = [{ id = "aw_1", name = "Kitchen" }]
//! roles = [{ id = "r_1", name = "Manager" }, { id = "r_2", name = "Staff" }]
//! default_role = "r_2"
//! ```

use serde::Deserialize;

use super::Categories;
use crate::Problem;

const SETTINGS: [&str; 4] = ["locations", "areas_of_work", "roles", "default_role"];
const CATEGORY_SETTINGS: [&str; 2] = ["id", "name"];

/// The `[categories]` table of the file `name`, checked like the rest of the configuration:
/// an unknown setting is named with the file (`hrlink.toml: categories.location`), never a
/// value.
pub(crate) fn categories(table: toml::Table, name: &str) -> Result<Categories, Problem> {
    let invalid = |setting: String| Problem::ConfigurationInvalid {
        what: format!("{name}: categories{setting}"),
    };
    for (key, value) in &table {
        if !SETTINGS.contains(&key.as_str()) {
            return Err(invalid(format!(".{key}")));
        }
        for (index, entry) in value.as_array().into_iter().flatten().enumerate() {
            let unknown = entry.as_table().into_iter().flatten().map(|(k, _)| k);
            if let Some(setting) = unknown
                .into_iter()
                .find(|k| !CATEGORY_SETTINGS.contains(&k.as_str()))
            {
                return Err(invalid(format!(".{key}[{index}].{setting}")));
            }
        }
    }
    let categories =
        Categories::deserialize(toml::Value::Table(table)).map_err(|_| invalid(String::new()))?;
    categories
        .check()
        .map_err(|what| invalid(format!(" ({what})")))?;
    Ok(categories)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Categories, Problem> {
        categories(toml::from_str(text).unwrap(), "hrlink.toml")
    }

    fn what(result: Result<Categories, Problem>) -> String {
        match result {
            Err(Problem::ConfigurationInvalid { what }) => what,
            other => panic!("expected a configuration problem, got {other:?}"),
        }
    }

    #[test]
    fn the_products_categories_are_read() {
        let categories = parse(
            r#"
            locations = [{ id = "loc_1", name = "Auckland CBD" }]
            roles = [{ id = "r_1", name = "Manager" }, { id = "r_2", name = "Staff" }]
            default_role = "r_2"
            "#,
        )
        .unwrap();
        assert_eq!(categories.locations[0].name, "Auckland CBD");
        assert!(categories.areas_of_work.is_empty());
        assert_eq!(categories.default_role.as_deref(), Some("r_2"));
    }

    #[test]
    fn unknown_and_wrong_settings_are_named_with_the_file() {
        for (text, setting) in [
            ("location = []", "hrlink.toml: categories.location"),
            (
                r#"roles = [{ id = "r_1", nmae = "Manager" }]"#,
                "hrlink.toml: categories.roles[0].nmae",
            ),
            ("roles = 3", "hrlink.toml: categories"),
            (
                r#"roles = [{ id = "r_1", name = "A" }]
                default_role = "r_9""#,
                "default_role",
            ),
        ] {
            assert!(
                what(parse(text)).contains(setting),
                "{text}: {}",
                what(parse(text))
            );
        }
    }
}

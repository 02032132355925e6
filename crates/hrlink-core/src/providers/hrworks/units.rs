//! What names an HRworks account when the token does not: organisation units and permanent
//! establishments, read as HRworks' OpenAPI has them (`specs/hrworks-openapi-v2.10.yaml`:
//! wrapped lists, and **no field required**), so that a unit without `name` or `number` never
//! fails a verification that only wanted a display name.

use serde::Deserialize;

use crate::providers::support::json_text;
use crate::verify::report::Account;

/// An `OrganizationUnit`; every field optional, as in the OpenAPI.
#[derive(Deserialize)]
pub(super) struct Unit {
    #[serde(default)]
    number: Option<serde_json::Value>,
    #[serde(default)]
    name: Option<String>,
    /// The OpenAPI nests the parent unit as `parentOrganizationUnit`; providers.md calls it
    /// `parent`. Either being absent or null marks the top unit.
    #[serde(default, alias = "parent", rename = "parentOrganizationUnit")]
    parent: Option<serde_json::Value>,
}

impl Unit {
    /// The unit as an area of work for the mapping step, keyed by its `number`.
    pub(super) fn keyed(&self) -> Option<(String, String)> {
        keyed(self.number.as_ref(), self.name.as_deref())
    }

    /// The account this unit names: by its name, else its number; `None` with neither.
    pub(super) fn account(&self) -> Option<Account> {
        let number = self
            .number
            .as_ref()
            .map(json_text)
            .filter(|n| !n.trim().is_empty());
        let name = self.name.clone().filter(|n| !n.trim().is_empty());
        let name = name.or_else(|| number.clone())?;
        Some(Account {
            id: number.unwrap_or_default(),
            name,
        })
    }
}

/// `/v2/organization-units` answers `{"organizationUnits":[…]}` in the OpenAPI; a bare list is
/// accepted too.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Units {
    Wrapped {
        #[serde(rename = "organizationUnits")]
        organization_units: Vec<Unit>,
    },
    Bare(Vec<Unit>),
}

impl Units {
    pub(super) fn into_vec(self) -> Vec<Unit> {
        match self {
            Units::Wrapped { organization_units } => organization_units,
            Units::Bare(units) => units,
        }
    }
}

/// The top organisation unit names the company when the token does not.
pub(super) fn top_unit(units: &[Unit]) -> Option<&Unit> {
    units
        .iter()
        .find(|u| u.parent.as_ref().is_none_or(|p| p.is_null()))
        .or(units.first())
}

/// A `PermanentEstablishment`: its name names the account; with its `id` it is a location.
#[derive(Deserialize)]
pub(super) struct Establishment {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    name: Option<String>,
}

impl Establishment {
    /// The establishment as a location for the mapping step, keyed by its `id`.
    pub(super) fn keyed(&self) -> Option<(String, String)> {
        keyed(self.id.as_ref(), self.name.as_deref())
    }
}

/// `(key, name)` of a category: none without a key (nothing could be mapped onto it), named
/// by the key when the name is blank.
fn keyed(key: Option<&serde_json::Value>, name: Option<&str>) -> Option<(String, String)> {
    let key = key.map(json_text).filter(|k| !k.trim().is_empty())?;
    let name = name
        .filter(|n| !n.trim().is_empty())
        .map_or_else(|| key.clone(), str::to_owned);
    Some((key, name))
}

/// `/v2/permanent-establishments`: `{"permanentEstablishments":[…]}`, or a bare list.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Establishments {
    Wrapped {
        #[serde(rename = "permanentEstablishments")]
        permanent_establishments: Vec<Establishment>,
    },
    Bare(Vec<Establishment>),
}

impl Establishments {
    pub(super) fn into_vec(self) -> Vec<Establishment> {
        match self {
            Establishments::Wrapped {
                permanent_establishments,
            } => permanent_establishments,
            Establishments::Bare(list) => list,
        }
    }

    /// The first establishment's name that is not blank.
    pub(super) fn first_name(self) -> Option<String> {
        self.into_vec()
            .into_iter()
            .filter_map(|e| e.name)
            .find(|n| !n.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(json: &str) -> Option<Account> {
        let units = serde_json::from_str::<Units>(json).unwrap().into_vec();
        top_unit(&units).and_then(Unit::account)
    }

    fn account(id: &str, name: &str) -> Option<Account> {
        Some(Account {
            id: id.into(),
            name: name.into(),
        })
    }

    #[test]
    fn top_unit_from_either_response_shape() {
        let wrapped = r#"{"organizationUnits":[
            {"number":"2","name":"Backstube","parentOrganizationUnit":{"number":"1","name":"Acme"}},
            {"number":"1","name":"Acme GmbH","parentOrganizationUnit":null}]}"#;
        assert_eq!(top(wrapped), account("1", "Acme GmbH"));
        let bare =
            r#"[{"number":7,"name":"Child","parent":{"number":8}},{"number":8,"name":"Root"}]"#;
        assert_eq!(top(bare), account("8", "Root"));
    }

    #[test]
    fn a_unit_without_name_or_number_is_read_and_named_by_what_it_has() {
        assert_eq!(
            top(r#"{"organizationUnits":[{"number":"10"}]}"#),
            account("10", "10")
        );
        assert_eq!(
            top(r#"{"organizationUnits":[{"name":"Acme"}]}"#),
            account("", "Acme")
        );
        assert_eq!(
            top(r#"{"organizationUnits":[{"uuid":"u","name":" "}]}"#),
            None
        );
        assert_eq!(top(r#"{"organizationUnits":[]}"#), None);
        let establishments =
            r#"{"permanentEstablishments":[{"id":"1"},{"id":"2","name":"Berlin"}]}"#;
        let establishments = serde_json::from_str::<Establishments>(establishments).unwrap();
        assert_eq!(establishments.first_name(), Some("Berlin".into()));
    }
}

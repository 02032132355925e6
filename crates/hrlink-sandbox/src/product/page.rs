//! The product's one page: what it received, masked (`GET {origin}/product`).

use axum::extract::State;
use axum::response::Html;

use super::{PRODUCT, ProductBackend, TENANT};

pub(super) async fn page(State(product): State<ProductBackend>) -> Html<String> {
    let rows: String = product
        .connections()
        .iter()
        .map(|c| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&c.id),
                escape(&c.provider),
                escape(&c.account_name),
                escape(&c.credential_kind),
                escape(&c.credential_hint),
                c.people_count
                    .map_or_else(|| "–".to_owned(), |n| n.to_string()),
                escape(&c.status),
                mapping(c.mapping.as_ref()),
            )
        })
        .collect();
    Html(format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{PRODUCT} (Sandbox)</title>\
         <h1>{PRODUCT} — connections received for {tenant}</h1>\
         <p>Each credential was checked by {PRODUCT} itself before it was accepted. Secrets are \
         never shown.</p>\
         <table border=\"1\" cellpadding=\"4\"><tr><th>Connection</th><th>HR system</th>\
         <th>Account</th><th>Credential</th><th>People</th><th>Status</th><th>Mapping</th></tr>{rows}</table>",
        tenant = escape(TENANT.1),
    ))
}

/// The mapping received, each HR id with the product category's name: "Locations: 1 → Sydney
/// Head Office", and the default role.
fn mapping(mapping: Option<&serde_json::Value>) -> String {
    let Some(mapping) = mapping else {
        return "–".to_owned();
    };
    let categories = super::categories();
    let name = |kind: &str, id: &str| {
        categories[kind]
            .as_array()
            .into_iter()
            .flatten()
            .find(|c| c["id"] == id)
            .and_then(|c| c["name"].as_str())
            .unwrap_or(id)
            .to_owned()
    };
    let mut lines = Vec::new();
    for (kind, title) in [
        ("locations", "Locations"),
        ("areas_of_work", "Areas of work"),
        ("roles", "Roles"),
    ] {
        let pairs: Vec<String> = mapping[kind]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(hr, product)| {
                let product = product.as_str().unwrap_or_default();
                format!("{} → {}", escape(hr), escape(&name(kind, product)))
            })
            .collect();
        if !pairs.is_empty() {
            lines.push(format!("{title}: {}", pairs.join(", ")));
        }
    }
    if let Some(role) = mapping["default_role"].as_str() {
        lines.push(format!("Default role: {}", escape(&name("roles", role))));
    }
    lines.join("<br>")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::mapping;

    #[test]
    fn the_mapping_received_is_shown_with_the_products_names_escaped() {
        let received = serde_json::json!({
            "locations": {"1": "loc_1", "<b>": "loc_9"},
            "areas_of_work": {},
            "roles": {"Barista": "r_3"},
            "default_role": "r_2",
        });
        assert_eq!(
            mapping(Some(&received)),
            "Locations: 1 → Sydney Head Office, &lt;b&gt; → loc_9<br>Roles: Barista → Barista<br>\
             Default role: Team member"
        );
        assert_eq!(mapping(None), "–");
    }
}

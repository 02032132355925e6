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
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td></tr>",
                escape(&c.id),
                escape(&c.provider),
                escape(&c.account_name),
                escape(&c.credential_kind),
                escape(&c.credential_hint),
                c.people_count
                    .map_or_else(|| "–".to_owned(), |n| n.to_string()),
                escape(&c.status),
            )
        })
        .collect();
    Html(format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>{PRODUCT} (Sandbox)</title>\
         <h1>{PRODUCT} — connections received for {tenant}</h1>\
         <p>Each credential was checked by {PRODUCT} itself before it was accepted. Secrets are \
         never shown.</p>\
         <table border=\"1\" cellpadding=\"4\"><tr><th>Connection</th><th>HR system</th>\
         <th>Account</th><th>Credential</th><th>People</th><th>Status</th></tr>{rows}</table>",
        tenant = escape(TENANT.1),
    ))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

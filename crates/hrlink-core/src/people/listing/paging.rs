//! Reading where the next pages are: `Link` headers, page numbers, page counts.

use url::Url;

/// Reads every link of a `Link` header (RFC 8288): `(target, rel)` pairs, targets resolved
/// against `base`. Unparseable entries are skipped.
pub(crate) fn parse_link_header(value: &str, base: &Url) -> Vec<(Url, String)> {
    value
        .split(',')
        .filter_map(|entry| {
            let (target, params) = entry.split_once(';')?;
            let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
            let rel = params.split(';').find_map(|param| {
                let (name, value) = param.split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("rel")
                    .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
            })?;
            Some((base.join(target).ok()?, rel))
        })
        .collect()
}

/// The value of query parameter `name` in `url`, as a number.
pub(crate) fn query_number(url: &Url, name: &str) -> Option<u32> {
    url.query_pairs()
        .find(|(key, _)| key == name)
        .and_then(|(_, value)| value.parse().ok())
}

/// Pages needed for `total` items at `per_page` a page (at least one: the first page is read
/// either way).
pub(crate) fn pages_for(total: u64, per_page: u32) -> u32 {
    let pages = total.div_ceil(u64::from(per_page.max(1))).max(1);
    u32::try_from(pages).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers_resolve_and_name_their_relation() {
        let base = Url::parse("https://api.hrworks.de/v2/persons/master-data?page=1").unwrap();
        let header = r#"<https://api.hrworks.de/v2/persons/master-data?page=2&onlyActive=false>; rel="next", </v2/persons/master-data?page=7>; rel=last, garbage, <https://x.example/>; title="no rel""#;
        let links = parse_link_header(header, &base);
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].1, "next");
        assert_eq!(query_number(&links[0].0, "page"), Some(2));
        assert_eq!(links[1].1, "last");
        assert_eq!(
            links[1].0.as_str(),
            "https://api.hrworks.de/v2/persons/master-data?page=7"
        );
        assert!(parse_link_header("", &base).is_empty());
        let upper = parse_link_header(r#"<https://a.example/?page=3>; REL="Last""#, &base);
        assert_eq!(upper[0].1, "last");
    }
}

//! Where a saved connection's secret may go: the API and sign-in bases it was verified against.
//!
//! They are recorded at save time twice, in the profile and inside the keychain entry (so that
//! an edited profile cannot move the secret), and every use compares both with the addresses in
//! force now. Anything else is [`Problem::ConnectionEndpointChanged`] before a byte is sent; the
//! only way to bind a connection elsewhere is a deliberate re-authorisation.
//!
//! Every use of a saved secret reads it through [`ConnectionStore::bound_secret`]: `credential
//! get`, `connections check`, `people --connection` and the app's Check.
//!
//! Connections saved before bindings existed have neither binding. They are used at the
//! addresses in force, and the first check that passes there binds them
//! ([`ConnectionStore::bind_if_unbound`]): from then on they are held to those addresses like
//! any other. (Refusing them would break every older connection; a passing check is the same proof
//! a save binds on.)

pub use crate::endpoints::BoundOrigins;

use super::lock::ConnectionLock;
use super::{ConnectionId, ConnectionStore, Profile, StoredSecret, profile, secret, vault_problem};
use crate::Problem;
use crate::endpoints::ProviderEndpoints;

/// Checks each binding that exists (profile, keychain entry) against the addresses in force.
/// Connections saved before bindings were recorded have neither and are used as they are.
pub fn ensure_bound_here(
    bindings: [Option<&BoundOrigins>; 2],
    endpoints: &ProviderEndpoints,
) -> Result<(), Problem> {
    bindings
        .into_iter()
        .flatten()
        .try_for_each(|bound| bound.ensure_same(endpoints))
}

impl ConnectionStore {
    /// The secret of `profile`'s connection and the addresses its keychain entry is bound to,
    /// once both bindings (profile and entry) are found to be `endpoints`; else
    /// [`Problem::ConnectionEndpointChanged`] and the secret stays where it is.
    pub(super) async fn bound_secret(
        &self,
        profile: &Profile,
        endpoints: &ProviderEndpoints,
    ) -> Result<(StoredSecret, Option<BoundOrigins>), Problem> {
        let (secret, bound) = self.entry(&profile.id).await?;
        ensure_bound_here([profile.origins.as_ref(), bound.as_ref()], endpoints)?;
        Ok((secret, bound))
    }

    /// The keychain entry of `id`: the secret and the addresses it is bound to.
    pub(super) async fn entry(
        &self,
        id: &ConnectionId,
    ) -> Result<(StoredSecret, Option<BoundOrigins>), Problem> {
        let stored = self
            .vault
            .read(&id.vault_account())
            .await
            .map_err(|e| vault_problem(&e))?
            .ok_or_else(|| Problem::ConnectionNotFound {
                id: id.as_str().to_owned(),
            })?;
        secret::decode_entry(&stored).map_err(|e| vault_problem(&e))
    }

    /// Binds a connection saved before bindings existed to `endpoints`, where a check has just
    /// passed: the keychain entry first, then the profile. Returns whether it was unbound.
    /// A connection with either binding is left as it is.
    pub(super) async fn bind_if_unbound(
        &self,
        id: &ConnectionId,
        endpoints: &ProviderEndpoints,
    ) -> Result<bool, Problem> {
        // Under the connection's lock: a refresh rewriting the entry meanwhile would be lost.
        let _lock = ConnectionLock::acquire(&self.dir, id).await?;
        let mut profile = self.profile(id)?;
        let (stored, bound) = self.entry(id).await?;
        if profile.origins.is_some() || bound.is_some() {
            return Ok(false);
        }
        let origins = BoundOrigins::of(endpoints);
        let encoded =
            secret::encode_stored(&stored, Some(&origins)).map_err(|e| vault_problem(&e))?;
        self.vault
            .store(&id.vault_account(), &encoded)
            .await
            .map_err(|e| vault_problem(&e))?;
        profile.origins = Some(origins);
        profile::write(&self.dir, &profile).map_err(|_| super::store::folder_problem(&self.dir))?;
        tracing::info!("a connection saved before bindings is now bound to where it was checked");
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use url::Url;

    use super::*;

    fn endpoints(api: &str, auth: Option<&str>) -> ProviderEndpoints {
        ProviderEndpoints {
            api: Url::parse(api).unwrap(),
            auth: auth.map(|a| Url::parse(a).unwrap()),
        }
    }

    #[test]
    fn the_same_addresses_pass_and_others_name_both_hosts() {
        let saved = endpoints("http://127.0.0.1:4100/hrworks", None);
        let bound = BoundOrigins::of(&saved);
        assert_eq!(bound.ensure_same(&saved), Ok(()));
        assert_eq!(
            bound.ensure_same(&endpoints("https://api.hrworks.de", None)),
            Err(Problem::ConnectionEndpointChanged {
                saved: "127.0.0.1:4100/hrworks".into(),
                now: "api.hrworks.de".into(),
            })
        );
        let oauth = BoundOrigins::of(&endpoints("https://a.example", Some("https://o.example")));
        assert_eq!(
            oauth.ensure_same(&endpoints(
                "https://a.example",
                Some("https://evil.example")
            )),
            Err(Problem::ConnectionEndpointChanged {
                saved: "o.example".into(),
                now: "evil.example".into(),
            })
        );
    }

    #[test]
    fn every_binding_that_exists_is_checked() {
        let here = endpoints("https://api.hrworks.de", None);
        let elsewhere = BoundOrigins::of(&endpoints("https://attacker.example", None));
        let bound = BoundOrigins::of(&here);
        assert_eq!(ensure_bound_here([None, None], &here), Ok(()));
        assert_eq!(
            ensure_bound_here([Some(&bound), Some(&bound)], &here),
            Ok(())
        );
        // A profile edited to point elsewhere is refused, and so is a keychain entry.
        assert!(ensure_bound_here([Some(&elsewhere), Some(&bound)], &here).is_err());
        assert!(ensure_bound_here([Some(&bound), Some(&elsewhere)], &here).is_err());
    }
}

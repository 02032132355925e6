//! "Already connected": a company the admin is about to connect again. The wizard offers to
//! re-authorise the saved connection instead of saving a second one for the same account.

use super::{ConnectionStore, Profile};
use crate::verify::Account;
use crate::{Problem, ProviderId};

impl ConnectionStore {
    /// The saved connection for `account` of `provider`, if there is one: the same HR system
    /// and the same account id (the provider's own id, which a rename of the company keeps).
    /// Unreadable profiles are left out, as in [`ConnectionStore::list`].
    pub fn already_connected(
        &self,
        provider: ProviderId,
        account: &Account,
    ) -> Result<Option<Profile>, Problem> {
        let (profiles, _) = self.list()?;
        Ok(profiles
            .into_iter()
            .find(|profile| profile.provider == provider && profile.account.id == account.id))
    }
}

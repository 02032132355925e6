//! "Already connected": a company the admin is about to connect again. The wizard offers to
//! re-authorise the saved connection instead of saving a second one for the same account, and
//! re-authorising replaces its secret, keeping it bound to the same account.

use super::profile::{self, Profile};
use super::store::{fingerprint, folder_problem, keep_mapping, same_account, verified_account};
use super::{ConnectionId, ConnectionStatus, ConnectionStore};
use crate::credentials::Credentials;
use crate::mapping::ChosenMapping;
use crate::verify::{Account, VerificationReport};
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

    /// Re-authorises `id` with freshly verified credentials: they must reach the account the
    /// connection was saved for. Another account is refused with
    /// [`Problem::DifferentAccount`] unless `replacement_name` is that account's name (typed by
    /// the admin to replace it deliberately). Then the secret is replaced in one keychain call
    /// and the profile records the check and the report's selection of optional permissions.
    pub async fn reauthorise(
        &self,
        id: &ConnectionId,
        credentials: &Credentials,
        report: &VerificationReport,
        replacement_name: Option<&str>,
    ) -> Result<Profile, Problem> {
        (self.reauthorise_mapped(id, credentials, report, replacement_name, None)).await
    }

    /// [`ConnectionStore::reauthorise`] with the `mapping` chosen again (`None`: the saved one
    /// stays), in the profile's first write.
    pub async fn reauthorise_mapped(
        &self,
        id: &ConnectionId,
        credentials: &Credentials,
        report: &VerificationReport,
        replacement_name: Option<&str>,
        mapping: Option<&ChosenMapping>,
    ) -> Result<Profile, Problem> {
        let mut profile = self.profile(id)?;
        let account = verified_account(credentials, report)?;
        if !same_account(&profile, account) {
            let typed = replacement_name.map(profile::normalise_name);
            if typed.as_deref() != Some(profile::normalise_name(&account.name).as_str()) {
                return Err(Problem::DifferentAccount {
                    provider: profile.provider.display_name().to_owned(),
                    saved: profile.account.name.clone(),
                    reached: account.name.clone(),
                });
            }
            profile.account = fingerprint(account);
        }
        // Re-authorising is the deliberate way to bind the connection where it was verified
        // now: the profile first, so the entry written next carries the same addresses (until
        // both agree, the connection is refused, never sent elsewhere).
        profile.origins = report.origins.clone();
        profile.hint = credentials.hint();
        profile.chosen_permissions = report.chosen.clone();
        keep_mapping(&mut profile, mapping);
        profile::write(&self.dir, &profile).map_err(|_| folder_problem(&self.dir))?;
        self.replace_secret(id, credentials).await?;
        self.record(id, ConnectionStatus::for_report(report), Some(report))
    }
}

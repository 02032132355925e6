//! The browser sign-ins on a [`Session`]: with the integration's own OAuth client, or for the
//! product of a cloud delivery with its client (HANDOFF.md §2.3), one at a time.

use std::time::Instant;

use super::Session;
use super::steps::StagedCredentials;
use crate::config::{OAuthProviderConfig, Permissions};
use crate::credentials::Credentials;
use crate::delivery::{self, Backend, CloudDelivery, Enrollment};
use crate::diagnostics::EventKind;
use crate::messages::Language;
use crate::oauth::{BrowserOpener, SignInAddress, SignInOptions, Url};
use crate::sync::lock;
use crate::{Problem, ProviderId};

/// Whose OAuth client a browser sign-in uses: the integration's own, or the product's from a
/// redeemed enrollment (its backend exchanging the code).
enum SignInFor<'a> {
    Integration(&'a OAuthProviderConfig),
    Product {
        backend: &'a Backend,
        enrollment: &'a Enrollment,
        permissions: &'a Permissions,
    },
}

impl Session {
    /// Signs in through `browser` and stages the result, asking for the required permissions
    /// and the `optional` ones the admin chose. `on_address` is told where the browser was sent
    /// (also when none could be started: the sign-in then waits for the address to be opened by
    /// hand). Waits until the browser comes back, the sign-in times out, or
    /// [`Session::cancel_sign_in`] is called. A new sign-in cancels the one before and waits
    /// until that one has closed its loopback port.
    pub async fn sign_in(
        &self,
        provider: ProviderId,
        optional: &[String],
        language: Language,
        browser: &dyn BrowserOpener,
        on_address: &(dyn Fn(SignInAddress) + Sync),
    ) -> Result<StagedCredentials, Problem> {
        let oauth = self.oauth(provider)?;
        let how = SignInFor::Integration(oauth);
        (self.signing_in(provider, how, optional, language, browser, on_address)).await
    }

    /// Signs in for the product of a cloud delivery (HANDOFF.md §2.3) and stages the result:
    /// the product's OAuth client from the enrollment redeemed last, the code handed to its
    /// backend, which keeps the refresh token (HR Link gets an access token for the check and
    /// the people list only). Otherwise as [`Session::sign_in`]: one at a time, stopped by
    /// [`Session::cancel_sign_in`]. Another HR system than the code names is refused first.
    pub async fn sign_in_for_product(
        &self,
        cloud: &CloudDelivery,
        provider: ProviderId,
        optional: &[String],
        language: Language,
        browser: &dyn BrowserOpener,
        on_address: &(dyn Fn(SignInAddress) + Sync),
    ) -> Result<StagedCredentials, Problem> {
        let backend = cloud.backend();
        let enrollment = cloud
            .enrollment()
            .ok_or_else(|| Problem::EnrollmentExpired {
                product: backend.product().to_owned(),
            })?;
        delivery::document::check_provider(&enrollment, provider)?;
        let permissions = delivery::product_permissions(self.config.as_ref(), provider);
        let how = SignInFor::Product {
            backend,
            enrollment: &enrollment,
            permissions: &permissions,
        };
        (self.signing_in(provider, how, optional, language, browser, on_address)).await
    }

    /// What both sign-ins share: the one before cancelled and its loopback port closed, the
    /// address kept for "Open the browser again" while it waits, the outcome noted and staged.
    async fn signing_in(
        &self,
        provider: ProviderId,
        how: SignInFor<'_>,
        optional: &[String],
        language: Language,
        browser: &dyn BrowserOpener,
        on_address: &(dyn Fn(SignInAddress) + Sync),
    ) -> Result<StagedCredentials, Problem> {
        let cancel = self.begin_sign_in();
        let _turn = self.sign_in_turn.lock().await;
        let remember = self.remembering(on_address);
        let options = SignInOptions {
            cancel,
            language,
            on_address: Some(&remember),
            ..SignInOptions::new(browser)
        };
        let started = Instant::now();
        let (http, endpoints, optional) = (&self.http, &self.endpoints, Some(optional));
        let signed_in = match how {
            SignInFor::Integration(oauth) => {
                Credentials::sign_in(provider, http, endpoints, oauth, optional, &options).await
            }
            SignInFor::Product {
                backend,
                enrollment,
                permissions,
            } => {
                let (e, p) = (enrollment, permissions);
                delivery::sign_in_for_product(
                    backend, e, endpoints, provider, p, optional, &options,
                )
                .await
            }
        };
        *lock(&self.sign_in_address) = None;
        self.record(EventKind::SignIn, Some(provider), started, &signed_in);
        Ok(self.hand_over(signed_in?))
    }

    /// Tells `on_address` where a sign-in sent the browser, and keeps the address for
    /// "Open the browser again" until the sign-in ends.
    fn remembering<'a>(
        &'a self,
        on_address: &'a (dyn Fn(SignInAddress) + Sync),
    ) -> impl Fn(SignInAddress) + Sync + 'a {
        move |told: SignInAddress| {
            *lock(&self.sign_in_address) = Url::parse(&told.address).ok();
            on_address(told);
        }
    }
}

//! The hand-off as the wizard walks it (HANDOFF.md §2.1, §2.4): a code redeemed, the tenant
//! shown for the admin to recognise, the verified credentials delivered. The redeemed
//! enrollment (with its bearer token) stays here, in memory, between those steps; the UI only
//! ever sees its [`EnrollmentSummary`]. Used by the desktop app's cloud wizard and by
//! `hrlink connect --code`.

use std::sync::Mutex;

use serde::Serialize;

use super::{
    AccountRef, Backend, ConnectionDocument, ConnectionHealth, Creator, DeliveredProfile,
    DeliveredStore, EnrollmentCode, PeopleConfirmation, Reauthorise, Tenant, document,
};
use crate::credentials::Credentials;
use crate::sync::lock;
use crate::verify::VerificationReport;
use crate::{Problem, ProviderId};

use super::wire::Enrollment;

/// What the admin is shown of a redeemed code before anything else happens: whose tenant, at
/// which product, who made the code. Nothing secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EnrollmentSummary {
    /// The product, as named in the configuration.
    pub product: String,
    /// Where the connection will go (the configured origin).
    pub origin: String,
    /// The product's tenant the code belongs to: the name the admin must recognise.
    pub tenant: Tenant,
    /// Who created the code, when the product said.
    pub created_by: Option<Creator>,
    /// The HR system the product chose (the wizard then skips the choice).
    pub provider: Option<ProviderId>,
    /// A re-authorisation the product asks for: the account the new credentials must reach.
    pub reauthorise: Option<Reauthorise>,
    /// When the code stops working (RFC 3339, as the product sent it).
    pub expires_at: String,
}

impl EnrollmentSummary {
    /// The summary for screen-share mode: who created the code shown as initials and a masked
    /// email (the tenant and product stay: the admin must recognise them).
    #[must_use]
    pub fn masked(self) -> EnrollmentSummary {
        let created_by = self.created_by.map(|creator| Creator {
            name: crate::people::mask_name(&creator.name),
            email: crate::people::mask_email(&creator.email),
        });
        EnrollmentSummary { created_by, ..self }
    }
}

/// A connection the product accepted: what HR Link keeps of it and the product's first status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeliveryReceipt {
    /// The non-secret profile kept here.
    pub profile: DeliveredProfile,
    /// The product's status in its 201 (`connected`).
    pub status: String,
}

/// One cloud wizard's hand-off: the product's backend, where delivered connections are kept,
/// and the enrollment redeemed last (one at a time; a new code replaces it).
#[derive(Debug)]
pub struct CloudDelivery {
    backend: Backend,
    store: DeliveredStore,
    enrollment: Mutex<Option<Enrollment>>,
}

impl CloudDelivery {
    /// A hand-off to `backend`, keeping delivered connections in `store`.
    pub fn new(backend: Backend, store: DeliveredStore) -> CloudDelivery {
        CloudDelivery {
            backend,
            store,
            enrollment: Mutex::default(),
        }
    }

    /// The product's backend.
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// Where delivered connections are kept.
    pub fn store(&self) -> &DeliveredStore {
        &self.store
    }

    /// Reads the code as typed, checks the keychain first (a delivery whose status token
    /// cannot be kept would be orphaned), redeems the code and keeps the enrollment for
    /// [`CloudDelivery::deliver`].
    pub async fn redeem(&self, typed: &str) -> Result<EnrollmentSummary, Problem> {
        let code = EnrollmentCode::parse(typed)?;
        self.store.ensure_keychain().await?;
        let enrollment = self.backend.redeem(&code).await?;
        let summary = EnrollmentSummary {
            product: self.backend.product().to_owned(),
            origin: self.backend.origin().as_str().to_owned(),
            tenant: enrollment.tenant.clone(),
            created_by: enrollment.created_by.clone(),
            provider: enrollment.fixed_provider(),
            reauthorise: enrollment.reauthorise.clone(),
            expires_at: enrollment.expires_at.clone(),
        };
        *lock(&self.enrollment) = Some(enrollment);
        Ok(summary)
    }

    /// Delivers verified credentials for the enrollment redeemed last and keeps the non-secret
    /// profile and the status token. Refused before sending: no enrollment (redeem a code
    /// first), another HR system than the code names, another company than a re-authorisation
    /// expects. After a 201 the enrollment is spent and forgotten; after any other answer it
    /// stays, so that "Try again" can send once more when nothing was received. `people` is the
    /// admin's confirmation of the people, when they gave it; `mapping` their mapping onto the
    /// product's categories, when the enrollment offered any.
    pub async fn deliver(
        &self,
        credentials: &Credentials,
        report: &VerificationReport,
        people: Option<PeopleConfirmation>,
        mapping: Option<crate::mapping::Mapping>,
    ) -> Result<DeliveryReceipt, Problem> {
        let product = self.backend.product().to_owned();
        let enrollment = lock(&self.enrollment)
            .clone()
            .ok_or(Problem::EnrollmentExpired {
                product: product.clone(),
            })?;
        let plaintext = ConnectionDocument {
            enrollment: &enrollment,
            credentials,
            report,
            people,
            mapping,
            verified_at: document::now_rfc3339(),
        }
        .seal_ready(&product)?;
        let account = report
            .account
            .clone()
            .unwrap_or_else(|| crate::verify::Account {
                id: String::new(),
                name: String::new(),
            });
        let provider = credentials.provider();
        let delivered = self
            .backend
            .deliver_connection(&enrollment, &plaintext, provider, &account.name)
            .await?;
        drop(plaintext);
        let account = AccountRef {
            id: account.id,
            name: account.name,
        };
        let profile =
            DeliveredProfile::new(&self.backend, &enrollment, &delivered, provider, account);
        self.store.keep(&profile, &delivered.status_token).await?;
        self.forget();
        Ok(DeliveryReceipt {
            profile,
            status: delivered.status,
        })
    }

    /// How the product sees a delivered connection (§2.5), asked with its status token. A
    /// connection without a token here is `connection_not_found`.
    pub async fn status(&self, connection_id: &str) -> Result<ConnectionHealth, Problem> {
        let token = self.store.status_token(connection_id).await?;
        let token = token.ok_or_else(|| Problem::ConnectionNotFound {
            id: connection_id.to_owned(),
        })?;
        self.backend.connection_status(connection_id, &token).await
    }

    /// The product's categories for the mapping step: the enrollment's (none before a code is
    /// redeemed, or when the product sent none).
    pub fn categories(&self) -> crate::mapping::Categories {
        lock(&self.enrollment)
            .as_ref()
            .and_then(|enrollment| enrollment.categories.clone())
            .unwrap_or_default()
    }

    /// The enrollment redeemed last, if any (for a browser sign-in with the product's client).
    pub fn enrollment(&self) -> Option<Enrollment> {
        lock(&self.enrollment).clone()
    }

    /// Forgets the enrollment (the wizard was left, or started again with another code).
    pub fn forget(&self) {
        lock(&self.enrollment).take();
    }
}

//! The four calls to the product's backend (HANDOFF.md §2.1–2.5) over the core's HTTP client,
//! with §2.6's rules: JSON bodies of at most 64 KiB, no redirects, the usual timeouts, no retry
//! of the two POSTs once sent (a retry could deliver twice), and `redeem` retried on connection
//! failures only. Each answer becomes a typed result or a [`Problem`] in the product's words.

use std::time::{Duration, Instant, SystemTime};

use reqwest::{Method, StatusCode};
use secrecy::{ExposeSecret, SecretSlice, SecretString};
use serde::Serialize;

use super::seal::{Purpose, seal};
use super::wire::{
    ConnectionHealth, Enrollment, RawDelivered, RawEnrollment, RawError, RawExchanged,
    is_backend_id,
};
use super::{EnrollmentCode, Origin};
use crate::http::{HttpClient, HttpFailure, Response};
use crate::oauth::OAuthTokens;
use crate::{Problem, ProviderId};

/// §2.6: every answer is JSON of at most 64 KiB.
const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// Attempts at `redeem` when the backend could not be reached (nothing was redeemed then).
const REDEEM_ATTEMPTS: u32 = 3;

/// The product's backend at the configured origin.
#[derive(Debug, Clone)]
pub struct Backend {
    http: HttpClient,
    origin: Origin,
    product: String,
}

/// What a 201 to the delivered connection says.
#[derive(Debug)]
pub struct Delivered {
    /// The product's id for the connection (a plain path segment).
    pub connection_id: String,
    /// The product's first status (`connected`).
    pub status: String,
    /// The bearer for [`Backend::connection_status`]; goes to the keychain only.
    pub status_token: SecretString,
}

/// A browser sign-in's result, handed to the backend instead of being exchanged here.
#[derive(Debug)]
pub struct CodeHandover {
    /// The HR system.
    pub provider: ProviderId,
    /// The authorisation code.
    pub code: SecretString,
    /// The PKCE verifier.
    pub code_verifier: SecretString,
    /// The redirect URI the code was issued for.
    pub redirect_uri: String,
}

impl Backend {
    /// The backend at `origin` for `product` (its name, for the messages). The client is
    /// `http` without redirects or retries and with §2.6's size cap.
    pub fn new(http: &HttpClient, origin: Origin, product: &str) -> Result<Backend, Problem> {
        let http = http
            .for_token_endpoint()
            .map_err(|_| Problem::DeliveryUnreachable {
                product: product.to_owned(),
            })?
            .with_max_body_bytes(MAX_ANSWER_BYTES);
        Ok(Backend {
            http,
            origin,
            product: product.to_owned(),
        })
    }

    /// The configured origin.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The product's name, as in the messages.
    pub fn product(&self) -> &str {
        &self.product
    }

    /// Redeems a code (§2.1). Tried again, briefly, when the backend could not be reached.
    pub async fn redeem(&self, code: &EnrollmentCode) -> Result<Enrollment, Problem> {
        let url = self.origin.join(&["hrlink", "v1", "enrollments", "redeem"]);
        let body = serde_json::json!({ "code": code.as_str() });
        let mut attempt = 1;
        let response = loop {
            let request = self.http.request(Method::POST, url.clone()).json(&body);
            match self.send("/hrlink/v1/enrollments/redeem", request).await {
                Err(HttpFailure::Unreachable | HttpFailure::ConnectionLost)
                    if attempt < REDEEM_ATTEMPTS =>
                {
                    tokio::time::sleep(self.http.config().base_backoff * attempt).await;
                    attempt += 1;
                }
                outcome => break outcome.map_err(|failure| self.failure(failure))?,
            }
        };
        match response.status {
            StatusCode::OK => response
                .json::<RawEnrollment>()
                .ok()
                .and_then(RawEnrollment::check)
                .ok_or_else(|| self.protocol_error()),
            _ => Err(self.refusal(&response, None)),
        }
    }

    /// Hands a browser sign-in's code to the backend, which exchanges it (§2.3). The access
    /// token that comes back is for verification and the people list only; the refresh token
    /// stays with the backend.
    pub async fn oauth_exchange(
        &self,
        enrollment: &Enrollment,
        handover: &CodeHandover,
    ) -> Result<OAuthTokens, Problem> {
        #[derive(Serialize)]
        struct Plain<'a> {
            provider: &'a str,
            code: &'a str,
            code_verifier: &'a str,
            redirect_uri: &'a str,
        }
        let plaintext = json_secret(&Plain {
            provider: handover.provider.slug(),
            code: handover.code.expose_secret(),
            code_verifier: handover.code_verifier.expose_secret(),
            redirect_uri: &handover.redirect_uri,
        })?;
        let response = self
            .post_sealed(enrollment, Purpose::OAuthExchange, &plaintext)
            .await?;
        if response.status != StatusCode::OK {
            return Err(self.refusal(&response, Some(handover.provider)));
        }
        let exchanged: RawExchanged = response.json().map_err(|_| self.protocol_error())?;
        if !exchanged.token_type.eq_ignore_ascii_case("bearer") || exchanged.access_token.is_empty()
        {
            return Err(self.protocol_error());
        }
        let now = SystemTime::now();
        Ok(OAuthTokens {
            access_token: SecretString::from(exchanged.access_token),
            refresh_token: None,
            expires_at: exchanged
                .expires_in
                .and_then(|seconds| now.checked_add(Duration::from_secs(seconds))),
            granted_scopes: exchanged
                .scope
                .map(|scope| scope.split_whitespace().map(str::to_owned).collect()),
        })
    }

    /// Delivers the verified connection (§2.4): `plaintext` is the connection document
    /// ([`super::document::ConnectionDocument::seal_ready`]). `provider` and `reached` (the
    /// account's name) only word the problems.
    pub async fn deliver_connection(
        &self,
        enrollment: &Enrollment,
        plaintext: &SecretSlice<u8>,
        provider: ProviderId,
        reached: &str,
    ) -> Result<Delivered, Problem> {
        let response = self
            .post_sealed(enrollment, Purpose::Connection, plaintext)
            .await?;
        if response.status != StatusCode::CREATED {
            if response.status == StatusCode::CONFLICT
                && let Ok(RawError {
                    error,
                    expected: Some(expected),
                    ..
                }) = response.json::<RawError>()
                && error == "different_account"
            {
                return Err(Problem::DeliveryDifferentAccount {
                    product: self.product.clone(),
                    provider: provider.display_name().to_owned(),
                    expected: expected.name,
                    reached: reached.to_owned(),
                });
            }
            return Err(self.refusal(&response, Some(provider)));
        }
        let delivered: RawDelivered = response.json().map_err(|_| self.protocol_error())?;
        if !is_backend_id(&delivered.connection_id) || delivered.status_token.is_empty() {
            return Err(self.protocol_error());
        }
        Ok(Delivered {
            connection_id: delivered.connection_id,
            status: delivered.status,
            status_token: SecretString::from(delivered.status_token),
        })
    }

    /// How the product sees a delivered connection (§2.5).
    pub async fn connection_status(
        &self,
        connection_id: &str,
        status_token: &SecretString,
    ) -> Result<ConnectionHealth, Problem> {
        if !is_backend_id(connection_id) {
            return Err(self.protocol_error());
        }
        let url = self
            .origin
            .join(&["hrlink", "v1", "connections", connection_id, "status"]);
        let request = self
            .http
            .request(Method::GET, url)
            .bearer_auth(status_token.expose_secret());
        let response = self
            .send("/hrlink/v1/connections/{connection_id}/status", request)
            .await
            .map_err(|failure| self.failure(failure))?;
        match response.status {
            StatusCode::OK => response.json().map_err(|_| self.protocol_error()),
            _ => Err(self.refusal(&response, None)),
        }
    }

    /// Seals `plaintext` and POSTs the envelope once, with the enrollment's token.
    async fn post_sealed(
        &self,
        enrollment: &Enrollment,
        purpose: Purpose,
        plaintext: &SecretSlice<u8>,
    ) -> Result<Response, Problem> {
        let envelope = seal(&enrollment.recipient, purpose, &enrollment.id, plaintext)
            .map_err(|_| self.protocol_error())?;
        let url = self.origin.join(&[
            "hrlink",
            "v1",
            "enrollments",
            &enrollment.id,
            purpose.action(),
        ]);
        let request = self
            .http
            .request(Method::POST, url)
            .bearer_auth(enrollment.token.expose_secret())
            .json(&envelope);
        self.send(purpose.path_template(), request)
            .await
            .map_err(|failure| self.failure(failure))
    }

    /// One attempt (the client makes no others), logged by path template only.
    async fn send(
        &self,
        template: &'static str,
        request: reqwest::RequestBuilder,
    ) -> Result<Response, HttpFailure> {
        let started = Instant::now();
        let outcome = self.http.send(request).await;
        let elapsed_ms = started.elapsed().as_millis() as u64;
        match &outcome {
            Ok(response) => {
                tracing::info!(
                    path = template,
                    status = response.status.as_u16(),
                    elapsed_ms,
                    "product"
                )
            }
            Err(failure) => tracing::info!(path = template, %failure, elapsed_ms, "product"),
        }
        outcome
    }

    fn failure(&self, failure: HttpFailure) -> Problem {
        match failure {
            HttpFailure::Unreachable
            | HttpFailure::ConnectionLost
            | HttpFailure::Tls
            | HttpFailure::Timeout
            | HttpFailure::RateLimited { .. }
            | HttpFailure::ServerError(_) => Problem::DeliveryUnreachable {
                product: self.product.clone(),
            },
            HttpFailure::Insecure
            | HttpFailure::Redirect
            | HttpFailure::TooLarge
            | HttpFailure::NotJson => self.protocol_error(),
        }
    }

    /// The problem for an answer other than the call's success.
    fn refusal(&self, response: &Response, provider: Option<ProviderId>) -> Problem {
        let product = self.product.clone();
        let provider_name = || provider.map_or_else(String::new, |p| p.display_name().to_owned());
        let error = response.json::<RawError>().map(|body| body.error);
        match (response.status.as_u16(), error.as_deref()) {
            (404, Ok("unknown_code")) => Problem::EnrollmentUnknown { product },
            (410, Ok("expired")) => Problem::EnrollmentExpired { product },
            (410, Ok("used")) => Problem::EnrollmentUsed { product },
            (422, Ok("verification_failed")) => Problem::DeliveryVerificationFailed {
                product,
                provider: provider_name(),
            },
            (422, Ok("exchange_failed")) => Problem::DeliveryExchangeFailed {
                product,
                provider: provider_name(),
            },
            _ => self.protocol_error(),
        }
    }

    fn protocol_error(&self) -> Problem {
        Problem::DeliveryProtocolError {
            product: self.product.clone(),
        }
    }
}

/// Serialises a plaintext straight into memory that is wiped when dropped.
pub(super) fn json_secret(value: &impl Serialize) -> Result<SecretSlice<u8>, Problem> {
    serde_json::to_vec(value)
        .map(SecretSlice::from)
        .map_err(|_| Problem::ConfigurationInvalid {
            what: "the connection document".to_owned(),
        })
}

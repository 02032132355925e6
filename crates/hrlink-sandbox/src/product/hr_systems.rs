//! The product's own calls to the Sandbox's HR systems, over HTTP as a real backend makes them:
//! re-verifying every delivered credential (HR Link's report is information, not proof) and
//! exchanging browser sign-in codes with the product's OAuth client and its secret.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use crate::Endpoints;
use crate::scenarios;

/// An HR system's account, as the product found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Account {
    pub id: String,
    pub name: String,
}

/// Tokens from the product's code exchange.
pub(crate) struct Tokens {
    pub access_token: String,
    pub refresh_token: Option<String>,
    pub expires_in: Option<u64>,
    pub scope: Option<String>,
}

/// The Sandbox's HR systems, seen from the product's backend.
#[derive(Clone)]
pub(crate) struct HrSystems {
    http: reqwest::Client,
    endpoints: Endpoints,
}

/// Why a check failed, in the product's words (sent back as `detail`).
pub(crate) type Refused = String;

impl HrSystems {
    pub(crate) fn new(endpoints: Endpoints) -> HrSystems {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .unwrap_or_default();
        HrSystems { http, endpoints }
    }

    /// Signs in with an HRworks key pair; the account is named in the token's claims.
    pub(crate) async fn hrworks(&self, access_key: &str, secret: &str) -> Result<Account, Refused> {
        let url = format!("{}/v2/authentication", self.endpoints.hrworks.api);
        let body = serde_json::json!({ "accessKey": access_key, "secretAccessKey": secret });
        let answer = self.json(self.http.post(url).json(&body)).await?;
        let token = answer["token"].as_str().ok_or("HRworks gave no token")?;
        let claims = token
            .split('.')
            .nth(1)
            .and_then(|part| URL_SAFE_NO_PAD.decode(part).ok())
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
            .ok_or("HRworks gave an unreadable token")?;
        Ok(Account {
            id: text(&claims["companyId"]),
            name: text(&claims["companyName"]),
        })
    }

    /// Signs in as an IRIS API user and reads the company.
    pub(crate) async fn iris(&self, username: &str, password: &str) -> Result<Account, Refused> {
        let api = &self.endpoints.iris.api;
        let body = serde_json::json!({ "username": username, "password": password });
        let answer = self
            .json(self.http.post(format!("{api}/api/v1/token")).json(&body))
            .await?;
        let token = answer["access_token"]
            .as_str()
            .ok_or("IRIS gave no token")?;
        let company = self
            .json(
                self.http
                    .get(format!("{api}/api/v1/company"))
                    .bearer_auth(token),
            )
            .await?;
        Ok(Account {
            id: text(&company["id"]),
            name: text(&company["name"]),
        })
    }

    /// Exchanges a browser sign-in's code with the product's client (PKCE verifier included).
    pub(crate) async fn exchange(
        &self,
        provider: &str,
        code: &str,
        code_verifier: &str,
        redirect_uri: &str,
    ) -> Result<Tokens, Refused> {
        let (url, client) = match provider {
            "employmenthero" => (
                format!("{}/oauth2/token", self.endpoints.employmenthero.auth),
                scenarios::employmenthero::CLIENT,
            ),
            "ipayroll" => (
                format!("{}/oauth/token", self.endpoints.ipayroll.auth),
                scenarios::ipayroll::CLIENT,
            ),
            _ => return Err(format!("{provider} does not sign in through the browser")),
        };
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("code_verifier", code_verifier),
            ("redirect_uri", redirect_uri),
            ("client_id", client.id),
            ("client_secret", client.secret),
        ];
        let answer = self.json(self.http.post(url).form(&form)).await?;
        Ok(Tokens {
            access_token: answer["access_token"]
                .as_str()
                .ok_or("no access token")?
                .to_owned(),
            refresh_token: answer["refresh_token"].as_str().map(str::to_owned),
            expires_in: answer["expires_in"].as_u64(),
            scope: answer["scope"].as_str().map(str::to_owned),
        })
    }

    /// Checks an access token from the product's exchange reaches `account` (Employment Hero:
    /// among its organisations; iPayroll: one cheap read, iPayroll names no organisation).
    pub(crate) async fn oauth(
        &self,
        provider: &str,
        access_token: &str,
        account: &Account,
    ) -> Result<Account, Refused> {
        match provider {
            "employmenthero" => {
                let url = format!("{}/api/v1/organisations", self.endpoints.employmenthero.api);
                let answer = self
                    .json(self.http.get(url).bearer_auth(access_token))
                    .await?;
                let items = answer["data"]["items"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                items
                    .iter()
                    .find(|item| text(&item["id"]) == account.id)
                    .map(|item| Account {
                        id: text(&item["id"]),
                        name: text(&item["name"]),
                    })
                    .ok_or_else(|| "the sign-in does not reach this organisation".to_owned())
            }
            _ => {
                let url = format!(
                    "{}/api/v1/employees?page=0&size=1",
                    self.endpoints.ipayroll.api
                );
                self.json(self.http.get(url).bearer_auth(access_token))
                    .await?;
                Ok(account.clone())
            }
        }
    }

    async fn json(&self, request: reqwest::RequestBuilder) -> Result<Value, Refused> {
        let response = request
            .send()
            .await
            .map_err(|_| "the HR system did not answer")?;
        let status = response.status();
        if !status.is_success() {
            return Err(format!("the HR system answered {}", status.as_u16()));
        }
        response
            .json()
            .await
            .map_err(|_| "the HR system's answer was not JSON".to_owned())
    }
}

/// A JSON string or number as text.
fn text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

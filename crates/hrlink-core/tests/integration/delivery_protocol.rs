//! The cloud hand-off's client against a scripted backend (a raw loopback server): every answer
//! HANDOFF.md §2 names maps to its problem, anything else is a protocol error, nothing in an
//! answer moves where secrets go, and the two POSTs are never sent twice.

use hrlink_core::Problem;
use hrlink_core::delivery::{Backend, Enrollment, EnrollmentCode, Origin};
use secrecy::{SecretSlice, SecretString};
use serde_json::{Value, json};

use crate::common::{RawServer, Reply, client, fast_config, json_response, response};

const PRODUCT: &str = "Acme Rostering";

fn backend(server: &RawServer) -> Backend {
    let origin = Origin::parse(&server.origin()).expect("a loopback origin");
    Backend::new(&client(fast_config()), origin, PRODUCT).expect("the backend client builds")
}

fn code() -> EnrollmentCode {
    EnrollmentCode::parse("HRL-7K3M-Q9XZ").unwrap()
}

/// A redeem answer as §2.1 shows it, with `change` applied.
fn redeemed(change: impl FnOnce(&mut Value)) -> Value {
    let mut answer = json!({
        "enrollment_id": "enr_1", "token": "bearer-1", "expires_at": "2026-12-07T10:15:00Z",
        "tenant": {"id": "t_1", "name": "Kōwhai Gardening Ltd"},
        "created_by": null, "provider": null, "reauthorise": null, "oauth": {}, "categories": null,
        "recipient": {"kem": "DHKEM(X25519, HKDF-SHA256)", "kdf": "HKDF-SHA256",
                      "aead": "ChaCha20Poly1305", "key_id": "k1",
                      "public_key": "CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk"}
    });
    change(&mut answer);
    answer
}

async fn redeem_with(reply: Reply) -> Result<Enrollment, Problem> {
    let server = RawServer::start(move |_, _| reply.clone()).await;
    backend(&server).redeem(&code()).await
}

fn product() -> String {
    PRODUCT.to_owned()
}

#[tokio::test]
async fn redeem_answers_map_to_their_problems() {
    let ok = redeem_with(json_response(200, &redeemed(|_| {})))
        .await
        .unwrap();
    assert_eq!(ok.id, "enr_1");
    assert_eq!(ok.tenant.name, "Kōwhai Gardening Ltd");
    assert!(
        !format!("{ok:?}").contains("bearer-1"),
        "the token is not in Debug"
    );
    let cases = [
        (
            json_response(404, &json!({"error": "unknown_code"})),
            Problem::EnrollmentUnknown { product: product() },
        ),
        (
            json_response(410, &json!({"error": "expired"})),
            Problem::EnrollmentExpired { product: product() },
        ),
        (
            json_response(410, &json!({"error": "used"})),
            Problem::EnrollmentUsed { product: product() },
        ),
        (
            json_response(410, &json!({"error": "gone fishing"})),
            Problem::DeliveryProtocolError { product: product() },
        ),
        (
            Reply::Bytes(response(
                404,
                &[("content-type", "text/html")],
                b"<h1>Not found</h1>",
            )),
            Problem::DeliveryProtocolError { product: product() },
        ),
        (
            Reply::Bytes(response(
                200,
                &[("content-type", "application/json")],
                b"{\"enrollment_id\":",
            )),
            Problem::DeliveryProtocolError { product: product() },
        ),
        (
            json_response(500, &json!({"error": "oops"})),
            Problem::DeliveryUnreachable { product: product() },
        ),
        (
            json_response(401, &json!({"error": "unauthorized"})),
            Problem::DeliveryProtocolError { product: product() },
        ),
    ];
    for (reply, expected) in cases {
        assert_eq!(
            redeem_with(reply.clone()).await.unwrap_err(),
            expected,
            "{reply:?}"
        );
    }
}

#[tokio::test]
async fn redeem_answers_that_break_the_protocol_are_refused() {
    let protocol = Problem::DeliveryProtocolError { product: product() };
    let broken: [fn(&mut Value); 6] = [
        |a| a["recipient"]["aead"] = json!("AES-128-GCM"),
        |a| a["recipient"]["public_key"] = json!("c2hvcnQ"),
        |a| a["enrollment_id"] = json!(".."),
        |a| a["enrollment_id"] = json!("enr_1\n"),
        |a| a["provider"] = json!("sap"),
        |a| a["token"] = json!(""),
    ];
    for change in broken {
        let answer = redeemed(change);
        assert_eq!(
            redeem_with(json_response(200, &answer)).await.unwrap_err(),
            protocol,
            "{answer}"
        );
    }
    // §2.6: at most 64 KiB.
    let padded = redeemed(|a| a["padding"] = json!("x".repeat(70 * 1024)));
    assert_eq!(
        redeem_with(json_response(200, &padded)).await.unwrap_err(),
        protocol
    );
}

#[tokio::test]
async fn nothing_in_an_answer_moves_the_origin() {
    let elsewhere = RawServer::start(|_, _| json_response(201, &json!({}))).await;
    let other = elsewhere.origin();
    // A redeem answer naming other addresses (fields §2.1 does not have) and a redirect from
    // the connection POST: neither is followed.
    let server = RawServer::start(move |request, _| {
        if request.path().ends_with("/redeem") {
            json_response(
                200,
                &redeemed(|a| {
                    a["origin"] = json!(other);
                    a["api"] = json!(format!("{other}/hrlink/v1"));
                }),
            )
        } else {
            let location = format!("{other}{}", request.path());
            Reply::Bytes(response(307, &[("location", &location)], b""))
        }
    })
    .await;
    let backend = backend(&server);
    let enrollment = backend.redeem(&code()).await.unwrap();
    let plaintext = SecretSlice::from(b"{\"version\":1}".to_vec());
    let refused = backend
        .deliver_connection(
            &enrollment,
            &plaintext,
            hrlink_core::ProviderId::Hrworks,
            "A GmbH",
        )
        .await;
    assert_eq!(
        refused.unwrap_err(),
        Problem::DeliveryProtocolError { product: product() }
    );
    assert_eq!(elsewhere.connections(), 0, "nothing reached another server");
    let paths: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/hrlink/v1/enrollments/redeem",
            "/hrlink/v1/enrollments/enr_1/connection"
        ]
    );
    // The connection POST carried the bearer and an envelope, never the plaintext.
    let posted = &server.requests()[1];
    assert_eq!(posted.header("authorization"), Some("Bearer bearer-1"));
    let envelope: Value = serde_json::from_slice(&posted.body).unwrap();
    assert_eq!(envelope["key_id"], "k1");
    assert!(!String::from_utf8_lossy(&posted.body).contains("version"));
}

#[tokio::test]
async fn a_dropped_connection_after_sending_is_reported_not_repeated() {
    let server = RawServer::start(|request, _| {
        if request.path().ends_with("/redeem") {
            json_response(200, &redeemed(|_| {}))
        } else {
            Reply::Close
        }
    })
    .await;
    let backend = backend(&server);
    let enrollment = backend.redeem(&code()).await.unwrap();
    let plaintext = SecretSlice::from(b"{}".to_vec());
    let outcome = backend
        .deliver_connection(
            &enrollment,
            &plaintext,
            hrlink_core::ProviderId::Iris,
            "A Ltd",
        )
        .await;
    assert_eq!(
        outcome.unwrap_err(),
        Problem::DeliveryUnreachable { product: product() }
    );
    let handover = hrlink_core::delivery::CodeHandover {
        provider: hrlink_core::ProviderId::Employmenthero,
        code: SecretString::from("code"),
        code_verifier: SecretString::from("verifier"),
        redirect_uri: "http://127.0.0.1:1/callback".into(),
    };
    let exchanged = backend.oauth_exchange(&enrollment, &handover).await;
    assert_eq!(
        exchanged.unwrap_err(),
        Problem::DeliveryUnreachable { product: product() }
    );
    let posts = |suffix: &str| {
        server
            .requests()
            .iter()
            .filter(|r| r.path().ends_with(suffix))
            .count()
    };
    assert_eq!(posts("/connection"), 1, "the connection was sent once");
    assert_eq!(posts("/oauth-exchange"), 1, "the code was sent once");
}

#[tokio::test]
async fn redeem_is_tried_again_when_the_connection_failed() {
    let server = RawServer::start(|_, position| match position {
        0 => Reply::Close,
        _ => json_response(200, &redeemed(|_| {})),
    })
    .await;
    assert!(backend(&server).redeem(&code()).await.is_ok());
    assert_eq!(server.request_count(), 2);
    // But not when the backend answered, however badly.
    let failing = RawServer::start(|_, _| json_response(503, &json!({"error": "busy"}))).await;
    assert!(backend(&failing).redeem(&code()).await.is_err());
    assert_eq!(failing.request_count(), 1);
}

#[tokio::test]
async fn delivery_and_exchange_refusals_map_to_their_problems() {
    let answers = [
        (
            json_response(
                409,
                &json!({"error": "different_account", "expected": {"id": "1", "name": "Expected GmbH"}}),
            ),
            Problem::DeliveryDifferentAccount {
                product: product(),
                provider: "HRworks".into(),
                expected: "Expected GmbH".into(),
                reached: "Reached GmbH".into(),
            },
        ),
        (
            json_response(
                422,
                &json!({"error": "verification_failed", "detail": "403"}),
            ),
            Problem::DeliveryVerificationFailed {
                product: product(),
                provider: "HRworks".into(),
            },
        ),
        (
            json_response(410, &json!({"error": "expired"})),
            Problem::EnrollmentExpired { product: product() },
        ),
        (
            json_response(410, &json!({"error": "used"})),
            Problem::EnrollmentUsed { product: product() },
        ),
        (
            json_response(
                201,
                &json!({"connection_id": "..", "status": "connected", "status_token": "s"}),
            ),
            Problem::DeliveryProtocolError { product: product() },
        ),
        (
            json_response(
                200,
                &json!({"connection_id": "con_1", "status": "connected", "status_token": "s"}),
            ),
            Problem::DeliveryProtocolError { product: product() },
        ),
    ];
    for (reply, expected) in answers {
        let server = RawServer::start(move |request, _| {
            if request.path().ends_with("/redeem") {
                json_response(200, &redeemed(|_| {}))
            } else {
                reply.clone()
            }
        })
        .await;
        let backend = backend(&server);
        let enrollment = backend.redeem(&code()).await.unwrap();
        let plaintext = SecretSlice::from(b"{}".to_vec());
        let outcome = backend
            .deliver_connection(
                &enrollment,
                &plaintext,
                hrlink_core::ProviderId::Hrworks,
                "Reached GmbH",
            )
            .await;
        assert_eq!(outcome.unwrap_err(), expected);
    }
    let server = RawServer::start(|request, _| {
        if request.path().ends_with("/redeem") {
            json_response(200, &redeemed(|_| {}))
        } else {
            json_response(
                422,
                &json!({"error": "exchange_failed", "detail": "invalid_grant"}),
            )
        }
    })
    .await;
    let backend = backend(&server);
    let enrollment = backend.redeem(&code()).await.unwrap();
    let handover = hrlink_core::delivery::CodeHandover {
        provider: hrlink_core::ProviderId::Ipayroll,
        code: SecretString::from("code"),
        code_verifier: SecretString::from("verifier"),
        redirect_uri: "http://127.0.0.1:1/callback".into(),
    };
    assert_eq!(
        backend
            .oauth_exchange(&enrollment, &handover)
            .await
            .unwrap_err(),
        Problem::DeliveryExchangeFailed {
            product: product(),
            provider: "iPayroll".into()
        }
    );
}

#[tokio::test]
async fn status_answers() {
    let server = RawServer::start(|request, _| match request.header("authorization") {
        Some("Bearer status-1") => json_response(
            200,
            &json!({"status": "failed_auth", "since": "2026-12-07T09:00:00Z", "detail": null}),
        ),
        _ => json_response(401, &json!({"error": "unauthorized"})),
    })
    .await;
    let backend = backend(&server);
    let health = backend
        .connection_status("con_1", &SecretString::from("status-1"))
        .await
        .unwrap();
    assert_eq!(
        health.status,
        hrlink_core::delivery::DeliveredStatus::FailedAuth
    );
    assert_eq!(
        server.requests()[0].path(),
        "/hrlink/v1/connections/con_1/status"
    );
    let refused = backend
        .connection_status("con_1", &SecretString::from("wrong"))
        .await;
    assert_eq!(
        refused.unwrap_err(),
        Problem::DeliveryProtocolError { product: product() }
    );
    // HANDOFF.md gives ids no shape: one with a slash is sent, escaped into one segment…
    backend
        .connection_status("con/../admin", &SecretString::from("status-1"))
        .await
        .unwrap();
    assert_eq!(
        server.requests()[2].path(),
        "/hrlink/v1/connections/con%2F..%2Fadmin/status"
    );
    // …and what no id can be is never sent.
    let refused = backend
        .connection_status("..", &SecretString::from("status-1"))
        .await;
    assert!(refused.is_err());
    assert_eq!(server.request_count(), 3, "`..` is never sent");
}

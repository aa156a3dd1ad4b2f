//! Abuse limits against the real server: one client that books as fast as it can is refused with
//! 429, `Retry-After` and a code, and every booking that was let through is stored.

mod common;

use common::requests::{body, count, slots};
use common::{client, spawn_with};
use jazylu_api::ErrorBody;
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_booking_at_speed_gets_429_and_what_passed_is_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = spawn_with(dir, |c| {
        c.rate_burst = 20;
        c.rate_period_ms = 60_000;
    })
    .await;
    let slots = slots();
    let mut created: i64 = 0;
    let mut refused = 0;
    for i in 0..300 {
        let res = client()
            .post(s.url("/api/bookings"))
            .header("content-type", "application/json")
            .header("origin", "https://clinic.example")
            .json(&body(&slots[i % slots.len()]))
            .send()
            .await
            .expect("request");
        match res.status() {
            StatusCode::CREATED => created += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                refused += 1;
                let headers = res.headers().clone();
                let wait: u64 = headers["retry-after"].to_str().expect("ascii").parse().expect("seconds");
                assert!((1..=60).contains(&wait), "Retry-After {wait}");
                // A widget on the clinic's site can read the refusal and how long to wait.
                assert_eq!(headers["access-control-allow-origin"], "https://clinic.example");
                assert!(headers["access-control-expose-headers"]
                    .to_str()
                    .expect("ascii")
                    .contains("retry-after"));
                assert_eq!(res.json::<ErrorBody>().await.expect("json").code, "too_many_requests");
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(created, 20, "the burst and no more");
    assert_eq!(refused, 280);
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), created);
    // The manage routes share the limit; the catalogue and the page do not.
    let res = client().get(s.url("/api/bookings/JZ-AAAAAA")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let res = client().get(s.url("/api/catalog")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn behind_a_proxy_each_forwarded_client_has_its_own_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = spawn_with(dir, |c| {
        c.rate_burst = 2;
        c.rate_period_ms = 60_000;
        c.client_ip_header = Some("X-Forwarded-For".into());
    })
    .await;
    let from = |chain: &'static str| {
        let url = s.url("/api/bookings/JZ-AAAAAA");
        async move { client().get(url).header("x-forwarded-for", chain).send().await.expect("request").status() }
    };
    // The proxy appends the address it saw; what the client wrote before it does not count.
    assert_eq!(from("10.0.0.9, 203.0.113.7").await, StatusCode::NOT_FOUND);
    assert_eq!(from("10.0.0.8, 203.0.113.7").await, StatusCode::NOT_FOUND);
    assert_eq!(from("203.0.113.7").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(from("203.0.113.8").await, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_limit_that_cannot_work_stops_the_start() {
    for edit in [
        (|c: &mut jazylu_server::Config| c.rate_burst = 0) as fn(&mut jazylu_server::Config),
        |c| c.rate_period_ms = 0,
        |c| c.client_ip_header = Some("X Forwarded".into()),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut c = common::config(dir.path());
        edit(&mut c);
        let err = jazylu_server::start(c).await.err().expect("refused");
        assert!(matches!(err, jazylu_server::StartError::BadSetting(_)), "{err}");
    }
}

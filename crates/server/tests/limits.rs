//! Abuse limits against the real server: one client that books as fast as it can is refused with
//! 429, `Retry-After` and a code, and every booking that was let through is stored; one patient
//! or one phone holds at most the catalogue's `max_live_bookings` (2), never two at once.

mod common;

use common::requests::{body, body_for, count, manage, post, slots, slots_of};
use common::{client, spawn, spawn_with};
use jazylu_api::{BookingView, Created, ErrorBody, Field, FieldCode, FieldError, PersonField};
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
            .json(&body_for(&slots[i % slots.len()], i as u32))
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
    assert_eq!(from("10.0.0.9, 203.0.113.7").await, StatusCode::UNAUTHORIZED);
    assert_eq!(from("10.0.0.8, 203.0.113.7").await, StatusCode::UNAUTHORIZED);
    assert_eq!(from("203.0.113.7").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(from("203.0.113.8").await, StatusCode::UNAUTHORIZED);
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

async fn refusal(s: &common::TestServer, b: &jazylu_api::BookingRequest) -> Vec<FieldError> {
    let res = post(s, b, None).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = res.json().await.expect("json");
    assert_eq!(body.code, "invalid_booking");
    body.errors
}

#[tokio::test]
async fn a_patient_holds_two_live_bookings_and_never_two_at_once() {
    let s = spawn().await;
    let slots = slots();
    // A time when the service's other doctor works too.
    let others = slots_of(1);
    let at = slots.iter().position(|x| others.iter().any(|o| o.start == x.start)).expect("both work then");
    let (first, second, third) =
        (&slots[at], &slots[(at + 10) % slots.len()], &slots[(at + 20) % slots.len()]);
    let one: Created = post(&s, &body(first), None).await.json().await.expect("json");
    // The same patient at the same time with the other doctor.
    let other = others.iter().find(|x| x.start == first.start).expect("the other doctor is free then");
    let mut same_time = body(other);
    same_time.patient.phone = "+7 702 000 00 01".into();
    assert_eq!(
        refusal(&s, &same_time).await,
        [FieldError { field: Field::Slot, code: FieldCode::PatientOverlap }]
    );

    assert_eq!(post(&s, &body(second), None).await.status(), StatusCode::CREATED);
    let mut third_one = body(third);
    third_one.patient.phone = "+7 702 000 00 02".into();
    assert_eq!(
        refusal(&s, &third_one).await,
        [FieldError { field: Field::Patient(PersonField::Iin), code: FieldCode::PatientBookingsLimit }]
    );
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 2);

    // A cancelled booking no longer counts.
    let path = format!("/api/bookings/{}/cancel", one.reference);
    let (status, _): (_, BookingView) =
        manage(&s, reqwest::Method::POST, &path, Some(one.manage_token.as_str())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(post(&s, &third_one, None).await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn one_phone_holds_two_live_bookings_whoever_the_patients_are() {
    let s = spawn().await;
    let slots = slots();
    let same_phone = |slot, n| {
        let mut b = body_for(slot, n);
        b.patient.phone = "+7 701 555 00 00".into();
        b
    };
    assert_eq!(post(&s, &same_phone(&slots[0], 1), None).await.status(), StatusCode::CREATED);
    assert_eq!(post(&s, &same_phone(&slots[5], 2), None).await.status(), StatusCode::CREATED);
    assert_eq!(
        refusal(&s, &same_phone(&slots[10], 3)).await,
        [FieldError { field: Field::Patient(PersonField::Phone), code: FieldCode::PhoneBookingsLimit }]
    );
    assert_eq!(post(&s, &body_for(&slots[10], 3), None).await.status(), StatusCode::CREATED);
}

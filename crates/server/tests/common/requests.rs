//! Booking requests as the widget sends them, and reading what the server stored.

use super::{client, TestServer, SAMPLE};
use chrono::{Days, Utc};
use jazylu_api::{BookingRequest, Consents, Patient};
use jazylu_core::availability::{free_slots, DoctorChoice, Slot};
use jazylu_core::Catalogue;
use reqwest::StatusCode;
use serde_json::Value;

pub fn catalogue() -> Catalogue {
    Catalogue::parse(&std::fs::read_to_string(SAMPLE).expect("sample")).expect("valid")
}

/// Free slots of the 20-minute repeat visit with one doctor, from the day after tomorrow on (more
/// than the 10-hour cancellation notice away, whatever the time of day), as of now.
pub fn slots() -> Vec<Slot> {
    slots_of(0)
}

/// The same with the service's `n`th doctor.
pub fn slots_of(n: usize) -> Vec<Slot> {
    let cat = catalogue();
    let service = cat.service("visit-repeat").expect("service").clone();
    let doctor = DoctorChoice::One(service.doctors[n].clone());
    let today = cat.clinic().time_zone.today(Utc::now());
    let (from, to) = (today + Days::new(2), today + Days::new(14));
    free_slots(&cat, &service, &doctor, &[], Utc::now(), from, to)
}

/// A valid IIN of someone born on 1995-05-20, a different one for each `n`.
pub fn iin(n: u32) -> String {
    (n * 10..)
        .find_map(|serial| jazylu_core::ident::Iin::complete(&format!("9505203{:04}", serial % 10_000)))
        .map(|iin| iin.as_str().to_string())
        .expect("a valid IIN")
}

/// Another patient: their own IIN and mobile phone.
pub fn body_for(slot: &Slot, n: u32) -> BookingRequest {
    let mut b = body(slot);
    b.patient.iin = iin(n);
    b.patient.phone = format!("+7701{:07}", 1_000_000 + n);
    b
}

pub fn body(slot: &Slot) -> BookingRequest {
    BookingRequest {
        service: "visit-repeat".into(),
        doctor: slot.doctor.to_string(),
        start: slot.start.to_rfc3339(),
        patient: Patient {
            surname: "Сейтқали".into(),
            given_name: "Айгерім".into(),
            patronymic: String::new(),
            iin: "950520300004".into(),
            birth_date: "1995-05-20".into(),
            phone: "+7 701 123 45 67".into(),
            address: "Қаскелең, Абай 1".into(),
            whatsapp: true,
        },
        representative: None,
        consents: Consents {
            offer: true,
            personal_data: true,
            offer_version: "2026-11-01".into(),
            personal_data_version: "2026-11-01".into(),
        },
        lang: "ru".into(),
        channel: "instagram".into(),
        utm: [("utm_source", "ig"), ("utm_campaign", "spring"), ("fbclid", "dropped")]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into(),
    }
}

pub async fn post(s: &TestServer, body: &BookingRequest, key: Option<&str>) -> reqwest::Response {
    post_raw(s, &serde_json::to_value(body).expect("json"), key).await
}

/// Any JSON, for bodies the widget would never send.
pub async fn post_raw(s: &TestServer, body: &Value, key: Option<&str>) -> reqwest::Response {
    let mut req = client()
        .post(s.url("/api/bookings"))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(k) = key {
        req = req.header("idempotency-key", k);
    }
    req.send().await.expect("request")
}

pub fn count(s: &TestServer, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(s.database()).expect("open db");
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

pub async fn manage<T: serde::de::DeserializeOwned>(
    s: &TestServer,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
) -> (StatusCode, T) {
    let mut req = client().request(method, s.url(path));
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let res = req.send().await.expect("request");
    (res.status(), res.json().await.expect("json"))
}

//! Booking over HTTP against the real server and a real SQLite file.

mod common;

use chrono::Utc;
use common::requests::{body, catalogue, count, manage, post, post_raw, slots};
use common::{client, spawn, spawn_with, SAMPLE};
use jazylu_api::{
    Availability, BookingView, BusyTime, Created, ErrorBody, Field, FieldCode, FieldError, Patient,
    PersonField, Representative, Status,
};
use jazylu_core::catalogue::DocumentKind;
use jazylu_core::Lang;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn a_booking_is_created_and_stored() {
    let s = spawn().await;
    let slot = &slots()[0];
    let res = post(&s, &body(slot), Some("key-created-0001")).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let created: Created = res.json().await.expect("json");
    assert!(created.reference.starts_with("JZ-") && created.reference.len() == 9);
    assert_eq!(created.status, Status::Requested);
    let cat = catalogue();
    let service = cat.service("visit-repeat").expect("service");
    assert_eq!(
        created.price,
        i64::from(cat.price_at(service, slot.start).now.amount()),
        "the price on the day"
    );
    let zone = catalogue().clinic().time_zone.offset();
    let at = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&zone).to_rfc3339();
    assert_eq!(created.start, at(slot.start));
    assert_eq!(created.end, at(slot.end));
    assert_eq!(created.cancel_deadline, at(slot.start - chrono::TimeDelta::hours(10)), "start − 10 h");
    assert!(created.manage_token.len() >= 30);

    assert_eq!(count(&s, "SELECT count(*) FROM bookings WHERE status = 'requested'"), 1);
    assert_eq!(count(&s, "SELECT count(*) FROM slot_claims"), 20, "one claim per minute of the visit");
    assert_eq!(count(&s, "SELECT count(*) FROM people WHERE role = 'patient' AND iin = '950520300004' AND phone = '+77011234567'"), 1);
    assert_eq!(count(&s, "SELECT count(*) FROM consents WHERE given_by = 'patient' AND lang = 'ru'"), 2);
    // Each consent names the exact text shown: the Russian one of the version served.
    for kind in DocumentKind::ALL {
        let doc = cat.documents().get(kind);
        let sha = sha256_hex(doc.text.get(Lang::Ru));
        let stored = count(
            &s,
            &format!(
                "SELECT count(*) FROM consents c JOIN document_texts t ON t.sha256 = c.document_sha256
                 WHERE c.document = '{}' AND c.document_version = '{}' AND c.document_sha256 = '{sha}'
                   AND t.text = {} AND t.lang = 'ru'",
                kind.code(),
                doc.version.as_str(),
                sql_quote(doc.text.get(Lang::Ru)),
            ),
        );
        assert_eq!(stored, 1, "{}", kind.code());
    }
    assert_eq!(
        count(
            &s,
            r#"SELECT count(*) FROM bookings WHERE channel = 'instagram' AND utm = '{"utm_campaign":"spring","utm_source":"ig"}'"#
        ),
        1
    );
    let conn = rusqlite::Connection::open(s.database()).expect("open db");
    let token_hash: String =
        conn.query_row("SELECT manage_token_sha256 FROM bookings", [], |r| r.get(0)).expect("row");
    assert_eq!(
        token_hash,
        jazylu_server::store::sha256_hex(created.manage_token.as_bytes()),
        "only the hash is stored"
    );

    // Availability shows the time as busy, with nothing personal.
    let day = slot.start.with_timezone(&catalogue().clinic().time_zone.offset()).date_naive();
    let url = s.url(&format!("/api/availability?from={day}&days=1"));
    let text = client().get(url).send().await.expect("request").text().await.expect("body");
    let busy: Availability = serde_json::from_str(&text).expect("json");
    assert_eq!(busy.busy.len(), 1);
    assert_eq!(busy.busy[0].doctor, slot.doctor.as_str());
    assert!(!text.contains("950520300004") && !text.contains("Айгерім"));
}

#[tokio::test]
async fn field_errors_come_back_as_422_with_their_fields() {
    let s = spawn().await;
    let mut b = body(&slots()[0]);
    b.patient.iin = "123456789012".into();
    b.consents.offer = false;
    let res = post(&s, &b, None).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let v: ErrorBody = res.json().await.expect("json");
    assert_eq!(v.code, "invalid_booking");
    assert_eq!(
        v.errors,
        [
            FieldError { field: Field::Patient(PersonField::Iin), code: FieldCode::IinChecksum },
            FieldError { field: Field::ConsentOffer, code: FieldCode::ConsentRequired },
        ]
    );
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 0);
}

#[tokio::test]
async fn a_taken_slot_is_409_with_fresh_busy_time() {
    let s = spawn().await;
    let slot = &slots()[0];
    assert_eq!(post(&s, &body(slot), None).await.status(), StatusCode::CREATED);
    let res = post(&s, &body(slot), None).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let v: ErrorBody = res.json().await.expect("json");
    assert_eq!(v.code, "slot_taken");
    let zone = catalogue().clinic().time_zone.offset();
    assert_eq!(
        v.busy,
        Some(vec![BusyTime {
            doctor: slot.doctor.to_string(),
            start: slot.start.with_timezone(&zone).to_rfc3339(),
            end: slot.end.with_timezone(&zone).to_rfc3339(),
        }]),
        "the taken time, in clinic time"
    );
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 1);
}

#[tokio::test]
async fn bad_requests_get_400_413_415() {
    let s = spawn().await;
    let res = client()
        .post(s.url("/api/bookings"))
        .header("content-type", "application/json")
        .body("{\"service\": ")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(res.json::<Value>().await.expect("json")["code"], "json_invalid");

    let res = client()
        .post(s.url("/api/bookings"))
        .header("content-type", "text/plain")
        .body("{}")
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(res.json::<Value>().await.expect("json")["code"], "unsupported_media_type");

    let huge = format!("{{\"service\": \"{}\"}}", "x".repeat(100 * 1024));
    let res = client()
        .post(s.url("/api/bookings"))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.json::<Value>().await.expect("json")["code"], "payload_too_large");

    // Wrong types read as missing: field errors, not a 400 or a 500.
    let wrong_types = json!({ "service": 5, "patient": "me" });
    let res = post_raw(&s, &wrong_types, None).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let v: ErrorBody = res.json().await.expect("json");
    assert_eq!(v.code, "invalid_booking");
    assert!(
        v.errors.contains(&FieldError { field: Field::Service, code: FieldCode::UnknownService }),
        "{v:?}"
    );
    let surname = FieldError { field: Field::Patient(PersonField::Surname), code: FieldCode::Required };
    assert!(v.errors.contains(&surname), "{v:?}");
    // A list or a string is not a booking either: the same shapes, never a 500.
    for odd in [json!([1, 2]), json!("booking"), json!(null)] {
        let res = post_raw(&s, &odd, None).await;
        let status = res.status();
        let v: ErrorBody = res.json().await.expect("json");
        assert!(
            (status, v.code.as_ref()) == (StatusCode::UNPROCESSABLE_ENTITY, "invalid_booking")
                || (status, v.code.as_ref()) == (StatusCode::BAD_REQUEST, "json_invalid"),
            "{odd}: {status} {v:?}"
        );
    }

    // The window: a date and 1 to 31 days (the sample's horizon is 30 days after today).
    for window in [
        "from=2026-01-01&days=32",
        "from=2026-01-01&days=0",
        "from=2026-01-01",
        "days=5",
        "from=2026-02-30&days=1",
        "from=2026-01-01&days=x",
    ] {
        let res = client().get(s.url(&format!("/api/availability?{window}"))).send().await.expect("request");
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{window}");
        assert_eq!(res.json::<Value>().await.expect("json")["code"], "window_invalid", "{window}");
    }
    let widest: Availability = client()
        .get(s.url("/api/availability?from=2026-01-01&days=31"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!((widest.from.as_str(), widest.to.as_str()), ("2026-01-01", "2026-01-31"));
}

#[tokio::test]
async fn the_same_idempotency_key_replays_the_first_answer() {
    let s = spawn().await;
    let slot = &slots()[0];
    let first: Created = post(&s, &body(slot), Some("retry-key-42")).await.json().await.expect("json");
    // The same request written differently (other key order and spacing) is the same request.
    let respaced = serde_json::to_string_pretty(&body(slot)).expect("json");
    let again = client()
        .post(s.url("/api/bookings"))
        .header("content-type", "application/json")
        .header("idempotency-key", "retry-key-42")
        .body(respaced)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), StatusCode::CREATED);
    let again: Created = again.json().await.expect("json");
    assert_eq!(again, first);
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 1);

    let other = &slots()[1];
    let res = post(&s, &body(other), Some("retry-key-42")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json::<ErrorBody>().await.expect("json").code, "idempotency_key_reused");
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_requests_for_one_slot_book_it_once() {
    let s = spawn().await;
    let slot = slots()[0].clone();
    let requests = (0..50).map(|_| {
        let b = body(&slot);
        let url = s.url("/api/bookings");
        tokio::spawn(async move {
            client()
                .post(url)
                .header("content-type", "application/json")
                .json(&b)
                .send()
                .await
                .map(|r| r.status())
        })
    });
    let mut created = 0;
    let mut conflicts = 0;
    for r in futures_join(requests.collect()).await {
        match r {
            StatusCode::CREATED => created += 1,
            StatusCode::CONFLICT => conflicts += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((created, conflicts), (1, 49));
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 1);
}

async fn futures_join(handles: Vec<tokio::task::JoinHandle<reqwest::Result<StatusCode>>>) -> Vec<StatusCode> {
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.expect("task").expect("response"));
    }
    out
}

#[test]
fn logs_carry_no_personal_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jazylu-server"))
        .args(["--port", "0", "--dist", "/nonexistent", "--catalogue", SAMPLE, "--database"])
        .arg(dir.path().join("db.sqlite3"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut line).expect("address line");
    let base = line.trim().trim_start_matches("Jazylu is running at ").to_string();

    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let status = rt.block_on(async {
        let slot = &slots()[0];
        let mut b = body(slot);
        b.patient.patronymic = "Болатқызы".into();
        let ok = client().post(format!("{base}/api/bookings")).json(&b).send().await;
        let mut bad = body(slot);
        bad.patient.iin = "123456789012".into();
        let _ = client().post(format!("{base}/api/bookings?iin=950520300004")).json(&bad).send().await;
        ok.map(|r| r.status())
    });
    assert_eq!(status.ok(), Some(StatusCode::CREATED));
    let _ = child.kill();
    let output = child.wait_with_output().expect("output");
    let logs = String::from_utf8_lossy(&output.stderr).to_string() + &String::from_utf8_lossy(&output.stdout);
    assert!(logs.contains("booking created"), "the booking is logged by reference: {logs}");
    for secret in
        ["950520300004", "Сейтқали", "Айгерім", "Болатқызы", "7011234567", "701 123", "Қаскелең", "Абай"]
    {
        assert!(!logs.contains(secret), "{secret} leaked into the logs:\n{logs}");
    }
}

#[tokio::test]
async fn the_manage_link_shows_and_cancels_with_its_token_only() {
    let s = spawn().await;
    let slot = &slots()[0];
    let created: Created = post(&s, &body(slot), None).await.json().await.expect("json");
    let token = created.manage_token.as_str();
    let path = format!("/api/bookings/{}", created.reference);

    let (status, shown): (_, BookingView) = manage(&s, reqwest::Method::GET, &path, Some(token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown.status, Status::Requested);
    assert_eq!(shown.start, created.start);
    assert_eq!(shown.cancel_deadline, created.cancel_deadline);
    assert!(!shown.deadline_passed);

    // No token, a wrong token and an unknown reference look the same.
    let (s1, b1): (_, ErrorBody) = manage(&s, reqwest::Method::GET, &path, None).await;
    let (s2, b2): (_, ErrorBody) = manage(&s, reqwest::Method::GET, &path, Some("wrong-token")).await;
    let (s3, b3): (_, ErrorBody) =
        manage(&s, reqwest::Method::GET, "/api/bookings/JZ-AAAAAA", Some(token)).await;
    let refused = StatusCode::UNAUTHORIZED;
    assert_eq!((s1, s2, s3), (refused, refused, refused));
    assert_eq!(b1, b2);
    assert_eq!(b2, b3);
    assert_eq!(b1.code, "booking_not_found");
    let (status, _): (_, ErrorBody) =
        manage(&s, reqwest::Method::POST, &format!("{path}/cancel"), Some("wrong-token")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let res = client().get(s.url(&path)).send().await.expect("request");
    assert_eq!(res.headers()["www-authenticate"], r#"Bearer error="invalid_token""#);

    let (status, cancelled): (_, BookingView) =
        manage(&s, reqwest::Method::POST, &format!("{path}/cancel"), Some(token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cancelled.status, Status::Cancelled);
    assert!(!cancelled.cancelled_late);
    assert_eq!(count(&s, "SELECT count(*) FROM slot_claims"), 0);
    // The time is free again.
    assert_eq!(post(&s, &body(slot), None).await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn a_cancellation_after_the_deadline_is_marked_late() {
    let s = spawn().await;
    let created: Created = post(&s, &body(&slots()[0]), None).await.json().await.expect("json");
    let token = created.manage_token.as_str();
    // Move the visit to five hours from now: inside the 10-hour notice.
    let conn = rusqlite::Connection::open(s.database()).expect("open db");
    let start = Utc::now().timestamp() + 5 * 3600;
    conn.execute(
        "UPDATE bookings SET start_utc = ?1, end_utc = ?1 + 1200, cancel_deadline_utc = ?1 - 36000",
        [start],
    )
    .expect("update");

    let path = format!("/api/bookings/{}", created.reference);
    let (_, shown): (_, BookingView) = manage(&s, reqwest::Method::GET, &path, Some(token)).await;
    assert!(shown.deadline_passed);
    let (status, cancelled): (_, BookingView) =
        manage(&s, reqwest::Method::POST, &format!("{path}/cancel"), Some(token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cancelled.status, Status::Cancelled);
    assert!(cancelled.cancelled_late);
}

#[tokio::test]
async fn a_parent_books_a_child_who_has_no_phone_of_their_own() {
    let s = spawn().await;
    let mut b = body(&slots()[0]);
    b.patient = Patient {
        given_name: "Нұрлан".into(),
        iin: "000101500001".into(),
        birth_date: "2015-05-05".into(),
        phone: String::new(),
        ..b.patient
    };
    let res = post(&s, &b, None).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "a child alone needs a representative");
    let v: ErrorBody = res.json().await.expect("json");
    assert_eq!(
        v.errors,
        [
            FieldError { field: Field::Patient(PersonField::Phone), code: FieldCode::Required },
            FieldError { field: Field::Representative, code: FieldCode::RepresentativeRequired },
        ]
    );

    b.representative = Some(Representative {
        surname: "Сейтқали".into(),
        given_name: "Айгерім".into(),
        patronymic: String::new(),
        iin: "950520300004".into(),
        birth_date: "1995-05-20".into(),
        phone: "+7 701 123 45 67".into(),
        relation: "parent".into(),
        guarantee: true,
    });
    assert_eq!(post(&s, &b, None).await.status(), StatusCode::CREATED);
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM people WHERE role = 'patient' AND iin = '000101500001' AND phone IS NULL"
        ),
        1
    );
    assert_eq!(
        count(&s, "SELECT count(*) FROM people WHERE role = 'representative' AND phone = '+77011234567' AND relation = 'parent'"),
        1
    );
    assert_eq!(count(&s, "SELECT count(*) FROM consents WHERE given_by = 'representative'"), 2);
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn sql_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[tokio::test]
async fn a_consent_to_a_document_version_no_longer_served_is_refused() {
    let s = spawn().await;
    let slot = &slots()[0];
    let mut b = body(slot);
    b.consents.personal_data_version = "2025-01-01".into();
    let res = post(&s, &b, Some("stale-doc-0001")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let e: ErrorBody = res.json().await.expect("json");
    assert_eq!(
        e.errors,
        vec![FieldError { field: Field::ConsentPersonalData, code: FieldCode::DocumentChanged }]
    );
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 0, "nothing stored");
}

#[tokio::test]
async fn a_document_rewritten_under_the_same_version_stops_the_server() {
    let dir = tempfile::tempdir().expect("dir");
    let first = spawn_with(dir, |_| {}).await;
    first.running.shutdown().await.expect("stops");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::SAMPLE).expect("sample")).expect("json");
    doc["documents"]["offer"]["text"]["kk"] = "Басқа мәтін".into();
    let edited = first.dir.path().join("edited.json");
    std::fs::write(&edited, doc.to_string()).expect("write");
    let mut c = common::config(first.dir.path());
    c.catalogue = edited.clone();
    let refused = jazylu_server::start(c).await.err().expect("refused").to_string();
    assert!(
        refused.contains("documents.offer") && refused.contains("kk") && refused.contains("new version"),
        "{refused}"
    );
    // With a new version it starts, and both texts stay on record.
    doc["documents"]["offer"]["version"] = "2026-12-02".into();
    std::fs::write(&edited, doc.to_string()).expect("write");
    let mut c = common::config(first.dir.path());
    c.catalogue = edited;
    let second = jazylu_server::start(c).await.expect("starts");
    second.shutdown().await.expect("stops");
    let conn = rusqlite::Connection::open(first.dir.path().join("db.sqlite3")).expect("db");
    let n: i64 = conn
        .query_row("SELECT count(*) FROM document_texts WHERE document = 'offer' AND lang = 'kk'", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(n, 2);
}

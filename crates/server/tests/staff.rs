//! The staff API over HTTP against the real server and a real SQLite file: tokens, publishing and
//! rollback without a restart, the inbox and its actions, erasure.

mod common;

use common::requests::{body, body_for, count, manage, post, slots, slots_of};
use common::{client, spawn, spawn_with, TestServer, ADMIN, RECEPTION, SAMPLE};
use jazylu_api::{
    BookingView, CatalogVersion, Created, DraftCheck, DraftRejected, ErrorBody, Inbox, RevealedIin,
    StaffBooking, Status,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const HEADER: &str = "category;id;name_kk;name_ru;name_en;price;promo_price;promo_from;promo_until;duration_min;doctors;informed_consent";

fn sheet(rows: &[&str]) -> String {
    format!("\u{feff}{HEADER}\r\n{}\r\n", rows.join("\r\n"))
}

const VISIT: &str = "consultations;visit-repeat;Қайта қабылдау;Повторный приём;Repeat visit;\"13 500\";;;;20;zhumabayeva akhmetov;нет";

async fn staff(s: &TestServer, method: Method, path: &str, token: &str) -> reqwest::RequestBuilder {
    client().request(method, s.url(path)).header("authorization", format!("Bearer {token}"))
}

async fn send_draft(
    s: &TestServer,
    method: Method,
    path: &str,
    kind: &str,
    text: String,
) -> reqwest::Response {
    staff(s, method, path, ADMIN).await.header("content-type", kind).body(text).send().await.expect("request")
}

async fn catalog(s: &TestServer) -> Value {
    client().get(s.url("/api/catalog")).send().await.expect("request").json().await.expect("json")
}

async fn book(s: &TestServer, n: u32, slot: &jazylu_core::availability::Slot) -> Created {
    let res = post(s, &body_for(slot, n), None).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json().await.expect("json")
}

async fn detail(s: &TestServer, reference: &str) -> StaffBooking {
    let res =
        staff(s, Method::GET, &format!("/api/staff/bookings/{reference}"), RECEPTION).await.send().await;
    let res = res.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.expect("json")
}

#[tokio::test]
async fn every_staff_route_refuses_a_missing_or_wrong_token() {
    // Each attempt from an address of its own, so that the failures' limit does not answer first.
    let s = spawn_with(tempfile::tempdir().expect("dir"), |c| {
        c.client_ip_header = Some("x-forwarded-for".into())
    })
    .await;
    let routes = [
        (Method::POST, "/api/staff/catalog/check"),
        (Method::PUT, "/api/staff/catalog"),
        (Method::GET, "/api/staff/catalog/versions"),
        (Method::POST, "/api/staff/catalog/versions/1/restore"),
        (Method::GET, "/api/staff/bookings"),
        (Method::GET, "/api/staff/bookings.csv"),
        (Method::GET, "/api/staff/bookings/JZ-AAAAAA"),
        (Method::POST, "/api/staff/bookings/JZ-AAAAAA/iin"),
        (Method::POST, "/api/staff/bookings/JZ-AAAAAA/confirm"),
        (Method::POST, "/api/staff/bookings/JZ-AAAAAA/cancel"),
        (Method::POST, "/api/staff/bookings/JZ-AAAAAA/move"),
        (Method::POST, "/api/staff/bookings/JZ-AAAAAA/attendance"),
        (Method::POST, "/api/staff/bookings/JZ-AAAAAA/erase"),
    ];
    let mut n = 0;
    for (method, path) in routes {
        for auth in
            [None, Some("Bearer wrong-token-wrong-token"), Some("Basic cmVjZXB0aW9u"), Some(RECEPTION)]
        {
            n += 1;
            let mut req = client()
                .request(method.clone(), s.url(path))
                .header("content-type", "application/json")
                .header("x-forwarded-for", format!("10.0.0.{n}"));
            if let Some(a) = auth {
                req = req.header("authorization", a);
            }
            let res = req.body("{}").send().await.expect("request");
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{method} {path} with {auth:?}");
            assert_eq!(res.headers()["www-authenticate"], "Bearer realm=\"staff\"");
            assert_eq!(res.headers()["cache-control"], "no-store");
            let body: ErrorBody = res.json().await.expect("json");
            assert_eq!(body.code, "staff_token_required", "{method} {path}");
        }
    }
    // One address that keeps failing is then refused even with a right token, before any check.
    let from = |token: &str| {
        client()
            .get(s.url("/api/staff/bookings"))
            .header("x-forwarded-for", "10.0.1.1")
            .bearer_auth(token)
            .send()
    };
    for _ in 0..10 {
        assert_eq!(
            from("guess-guess-guess-guess").await.expect("request").status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let res = from(RECEPTION).await.expect("request");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(res.json::<ErrorBody>().await.expect("json").code, "too_many_requests");
    // Others still get in.
    let other = client()
        .get(s.url("/api/staff/bookings"))
        .header("x-forwarded-for", "10.0.1.2")
        .bearer_auth(RECEPTION);
    assert_eq!(other.send().await.expect("request").status(), StatusCode::OK);
}

#[tokio::test]
async fn the_inbox_lists_new_requests_first_and_is_never_cached() {
    let s = spawn().await;
    let all = slots();
    // A request later in the week, and one earlier that the call centre has confirmed.
    let later = book(&s, 1, all.last().expect("a slot")).await;
    let earlier = book(&s, 2, &all[0]).await;
    let confirm = format!("/api/staff/bookings/{}/confirm", earlier.reference);
    assert_eq!(
        staff(&s, Method::POST, &confirm, RECEPTION).await.send().await.expect("request").status(),
        StatusCode::OK
    );

    let res =
        staff(&s, Method::GET, "/api/staff/bookings?days=31", RECEPTION).await.send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["cache-control"], "no-store");
    assert!(res.headers()["content-security-policy"]
        .to_str()
        .unwrap_or("")
        .contains("frame-ancestors 'none'"));
    let inbox: Inbox = res.json().await.expect("json");
    let listed: Vec<_> = inbox.bookings.iter().map(|b| (b.reference.as_str(), b.status)).collect();
    assert_eq!(
        listed,
        [(later.reference.as_str(), Status::Requested), (earlier.reference.as_str(), Status::Confirmed)]
    );
    // Filtered by status, and by a doctor who has neither.
    let res = staff(&s, Method::GET, "/api/staff/bookings?days=31&status=confirmed", RECEPTION).await;
    let inbox: Inbox = res.send().await.expect("request").json().await.expect("json");
    assert_eq!(
        inbox.bookings.iter().map(|b| b.reference.as_str()).collect::<Vec<_>>(),
        [earlier.reference.as_str()]
    );
    let res = staff(&s, Method::GET, "/api/staff/bookings?days=31&doctor=kassymova", RECEPTION).await;
    let inbox: Inbox = res.send().await.expect("request").json().await.expect("json");
    assert!(inbox.bookings.is_empty());
    let res =
        staff(&s, Method::GET, "/api/staff/bookings?status=", RECEPTION).await.send().await.expect("request");
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_checked_sheet_lists_every_problem_at_its_row_and_column() {
    let s = spawn().await;
    let long = VISIT.replace(";20;", ";61;").replace("visit-repeat", "visit-long");
    let no_en = VISIT.replace("Repeat visit", "").replace("visit-repeat", "visit-no-en");
    let res =
        send_draft(&s, Method::POST, "/api/staff/catalog/check", "text/csv", sheet(&[VISIT, &long, &no_en]))
            .await;
    assert_eq!(res.status(), StatusCode::OK);
    let check: DraftCheck = res.json().await.expect("json");
    let found: Vec<_> =
        check.problems.iter().map(|p| (p.row, p.column.as_deref(), p.code.as_str())).collect();
    assert_eq!(
        found,
        [
            (Some(3), Some("duration_min"), "duration_out_of_range"),
            (Some(4), Some("name_en"), "missing_translation")
        ]
    );
    let services = check.catalogue.expect("the valid part")["services"].clone();
    assert_eq!(services.as_array().map(Vec::len), Some(1));
    assert_eq!(services[0]["price"], 13500);
    // Nothing of it is published.
    let res = send_draft(&s, Method::PUT, "/api/staff/catalog", "text/csv", sheet(&[VISIT, &long])).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let rejected: DraftRejected = res.json().await.expect("json");
    assert_eq!(rejected.code, "catalogue_invalid");
    assert_eq!(rejected.problems.len(), 1);
    assert_eq!(catalog(&s).await["services"].as_array().map(Vec::len), Some(12));
}

#[tokio::test]
async fn publishing_goes_live_at_once_and_a_rollback_brings_the_old_prices_back() {
    let s = spawn().await;
    let before = catalog(&s).await;
    let res = send_draft(&s, Method::PUT, "/api/staff/catalog", "text/csv", sheet(&[VISIT])).await;
    assert_eq!(res.status(), StatusCode::OK);
    let published: CatalogVersion = res.json().await.expect("json");
    assert_eq!((published.published_by.as_str(), published.services, published.current), ("admin", 1, true));
    assert!(published.published_at.ends_with("+05:00"), "in clinic time: {}", published.published_at);

    let now = catalog(&s).await;
    assert_eq!(now["services"].as_array().map(Vec::len), Some(1));
    assert_eq!(now["services"][0]["price"], 13500);
    let page = client().get(s.url("/?lang=ru")).send().await.expect("request").text().await.expect("text");
    assert!(
        page.contains("13") && page.contains("500") && page.contains("Повторный приём"),
        "the page shows the new list"
    );
    assert!(!page.contains("Аудиометрия"), "and no longer the old one");

    // A booking made now refers to the new version.
    let created = book(&s, 1, &slots()[0]).await;
    assert_eq!(created.price, 13500);

    let versions: Vec<CatalogVersion> = staff(&s, Method::GET, "/api/staff/catalog/versions", RECEPTION)
        .await
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(versions.len(), 2);
    assert_eq!((versions[1].published_by.as_str(), versions[1].current), ("file", false));
    let first = versions[1].id;

    // A restart serves the newest version, not the file.
    let dir = s.dir;
    s.running.shutdown().await.expect("stops");
    let s = spawn_with(dir, |_| {}).await;
    assert_eq!(catalog(&s).await["services"][0]["price"], 13500);

    let res = staff(&s, Method::POST, &format!("/api/staff/catalog/versions/{first}/restore"), ADMIN)
        .await
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    let restored: CatalogVersion = res.json().await.expect("json");
    assert_eq!(restored.restored_from, Some(first));
    assert_eq!(catalog(&s).await, before, "the first version, as it was");
    let bookings_on: Vec<i64> = {
        let conn = rusqlite::Connection::open(s.database()).expect("db");
        let mut stmt = conn.prepare("SELECT catalogue_id FROM bookings").expect("sql");
        stmt.query_map([], |r| r.get(0)).expect("rows").map(|r| r.expect("row")).collect()
    };
    assert_eq!(bookings_on, [published_publication(&s, published.id)], "the booking keeps its version");
    let audited = "SELECT count(*) FROM audit WHERE action IN ('catalogue_published', 'catalogue_restored') AND actor = 'admin'";
    assert_eq!(count(&s, audited), 2);
    let missing =
        staff(&s, Method::POST, "/api/staff/catalog/versions/999/restore", ADMIN).await.send().await;
    assert_eq!(missing.expect("request").status(), StatusCode::NOT_FOUND);
}

fn published_publication(s: &TestServer, version: i64) -> i64 {
    let conn = rusqlite::Connection::open(s.database()).expect("db");
    conn.query_row("SELECT publication_id FROM catalogue_versions WHERE id = ?1", [version], |r| r.get(0))
        .expect("version")
}

#[tokio::test]
async fn a_json_draft_is_checked_by_path_and_a_rewritten_document_is_refused() {
    let s = spawn().await;
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE).expect("sample")).expect("json");
    doc["services"][0]["duration_min"] = json!(61);
    let res =
        send_draft(&s, Method::POST, "/api/staff/catalog/check", "application/json", doc.to_string()).await;
    let check: DraftCheck = res.json().await.expect("json");
    assert_eq!(check.problems.len(), 1);
    assert_eq!(check.problems[0].path.as_deref(), Some("services[0].duration_min"));

    doc["services"][0]["duration_min"] = json!(30);
    doc["documents"]["offer"]["text"]["en"] = json!("Another text under the same version.");
    let res = send_draft(&s, Method::PUT, "/api/staff/catalog", "application/json", doc.to_string()).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body: ErrorBody = res.json().await.expect("json");
    assert_eq!(body.code, "document_rewritten");

    let res = send_draft(&s, Method::PUT, "/api/staff/catalog", "text/plain", "x".into()).await;
    assert_eq!(res.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn an_operator_sees_a_request_confirms_it_and_the_visitor_sees_it_confirmed() {
    let s = spawn().await;
    let slot = &slots()[0];
    let created: Created = post(&s, &body(slot), None).await.json().await.expect("json");
    let from = slot.start.with_timezone(&chrono::FixedOffset::east_opt(5 * 3600).expect("zone")).date_naive();
    let res = staff(&s, Method::GET, &format!("/api/staff/bookings?from={from}&days=1"), RECEPTION).await;
    let inbox: Inbox = res.send().await.expect("request").json().await.expect("json");
    assert_eq!(inbox.bookings.len(), 1);
    let entry = &inbox.bookings[0];
    assert_eq!(entry.reference, created.reference);
    assert_eq!(entry.patient, "Сейтқали Айгерім");
    assert_eq!(entry.phone.as_deref(), Some("+77011234567"));
    assert_eq!(entry.status, Status::Requested);

    let one = detail(&s, &created.reference).await;
    let person = one.person.expect("the patient");
    assert_eq!(person.iin_masked, "•••• •••• 0004");
    assert!(!serde_json::to_string(&person).expect("json").contains("950520300004"), "the IIN stays masked");
    assert_eq!(one.channel.as_deref(), Some("instagram"));
    assert_eq!(one.utm.get("utm_source").map(String::as_str), Some("ig"));
    assert_eq!(one.consents.len(), 2);
    assert_eq!(one.history.iter().map(|h| h.action.as_str()).collect::<Vec<_>>(), ["created"]);

    let res =
        staff(&s, Method::POST, &format!("/api/staff/bookings/{}/iin", created.reference), RECEPTION).await;
    let revealed: RevealedIin = res.send().await.expect("request").json().await.expect("json");
    assert_eq!(revealed.patient, "950520300004");
    let res =
        staff(&s, Method::POST, &format!("/api/staff/bookings/{}/confirm", created.reference), RECEPTION)
            .await;
    let confirmed: StaffBooking = res.send().await.expect("request").json().await.expect("json");
    assert_eq!(confirmed.entry.status, Status::Confirmed);
    let actions: Vec<_> = confirmed.history.iter().map(|h| (h.actor.as_str(), h.action.as_str())).collect();
    assert_eq!(actions, [("visitor", "created"), ("reception", "iin_revealed"), ("reception", "confirmed")]);
    assert!(
        confirmed.history.iter().all(|h| h.at.ends_with("+05:00")),
        "in clinic time: {:?}",
        confirmed.history
    );

    let path = format!("/api/bookings/{}", created.reference);
    let (status, view): (_, BookingView) = manage(&s, Method::GET, &path, Some(&created.manage_token)).await;
    assert_eq!((status, view.status), (StatusCode::OK, Status::Confirmed));
}

#[tokio::test]
async fn a_cancellation_by_the_clinic_shows_on_the_manage_page_and_frees_the_time() {
    let s = spawn().await;
    let slot = &slots()[0];
    let created = book(&s, 1, slot).await;
    let path = format!("/api/staff/bookings/{}/cancel", created.reference);
    let empty = staff(&s, Method::POST, &path, RECEPTION).await.json(&json!({ "reason": "  " })).send().await;
    assert_eq!(empty.expect("request").status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = staff(&s, Method::POST, &path, RECEPTION)
        .await
        .json(&json!({ "reason": "the doctor is ill" }))
        .send()
        .await;
    let cancelled: StaffBooking = res.expect("request").json().await.expect("json");
    assert_eq!(cancelled.entry.status, Status::Cancelled);
    assert_eq!(cancelled.cancelled_by.as_deref(), Some("clinic"));
    assert_eq!(cancelled.cancel_reason.as_deref(), Some("the doctor is ill"));

    let manage_path = format!("/api/bookings/{}", created.reference);
    let (_, view): (_, BookingView) =
        manage(&s, Method::GET, &manage_path, Some(&created.manage_token)).await;
    assert_eq!(view.status, Status::Cancelled);
    assert!(view.cancelled_by_clinic);
    // The time is free again: another patient books it.
    book(&s, 2, slot).await;
    let again =
        staff(&s, Method::POST, &path, RECEPTION).await.json(&json!({ "reason": "twice" })).send().await;
    let again = again.expect("request");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(again.json::<ErrorBody>().await.expect("json").code, "booking_cancelled");
}

#[tokio::test]
async fn a_move_is_checked_like_a_booking_and_shows_on_the_manage_page() {
    let s = spawn().await;
    let all = slots();
    let (first, second) = (&all[0], &all[1]);
    let mine = book(&s, 1, first).await;
    let theirs = book(&s, 2, second).await;
    let path = format!("/api/staff/bookings/{}/move", mine.reference);
    let onto = |slot: &jazylu_core::availability::Slot| json!({ "doctor": slot.doctor.as_str(), "start": slot.start.to_rfc3339() });

    let res =
        staff(&s, Method::POST, &path, RECEPTION).await.json(&onto(second)).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(res.json::<ErrorBody>().await.expect("json").code, "slot_taken");
    let past = json!({ "doctor": first.doctor.as_str(), "start": "2020-01-06T10:00:00+05:00" });
    let res = staff(&s, Method::POST, &path, RECEPTION).await.json(&past).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json::<ErrorBody>().await.expect("json").code, "in_the_past");

    let other_doctor = &slots_of(1)[3];
    let res = staff(&s, Method::POST, &path, RECEPTION)
        .await
        .json(&onto(other_doctor))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    let moved: StaffBooking = res.json().await.expect("json");
    assert_eq!(moved.entry.doctor, other_doctor.doctor.as_str());
    let (_, view): (_, BookingView) =
        manage(&s, Method::GET, &format!("/api/bookings/{}", mine.reference), Some(&mine.manage_token)).await;
    assert!(view.moved_by_clinic);
    assert_eq!(view.doctor, other_doctor.doctor.as_str());
    assert_eq!(chrono::DateTime::parse_from_rfc3339(&view.start).expect("time"), other_doctor.start);
    // The old time is free: the other patient's booking can move onto it.
    let path = format!("/api/staff/bookings/{}/move", theirs.reference);
    let res =
        staff(&s, Method::POST, &path, RECEPTION).await.json(&onto(first)).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn fifty_concurrent_moves_onto_one_time_leave_exactly_one_there() {
    let s = spawn().await;
    let all = slots();
    let target = all[0].clone();
    let mut references = Vec::new();
    for n in 0..50u32 {
        let slot = &all[1 + n as usize];
        references.push(book(&s, 100 + n, slot).await.reference);
    }
    let base = s.base.clone();
    let tasks = references.into_iter().map(|reference| {
        let url = format!("{base}/api/staff/bookings/{reference}/move");
        let body = json!({ "doctor": target.doctor.as_str(), "start": target.start.to_rfc3339() });
        tokio::spawn(async move {
            let res = client()
                .post(url)
                .header("authorization", format!("Bearer {RECEPTION}"))
                .json(&body)
                .send()
                .await;
            res.expect("request").status()
        })
    });
    let statuses: Vec<StatusCode> = futures_join(tasks.collect()).await;
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 49, "{statuses:?}");
    let at = target.start.timestamp();
    assert_eq!(
        count(&s, &format!("SELECT count(*) FROM bookings WHERE start_utc = {at} AND status != 'cancelled'")),
        1
    );
    assert_eq!(count(&s, "SELECT count(*) FROM audit WHERE action = 'moved'"), 1);
}

async fn futures_join(tasks: Vec<tokio::task::JoinHandle<StatusCode>>) -> Vec<StatusCode> {
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

#[tokio::test]
async fn erasing_a_person_keeps_the_facts_and_the_audit() {
    let s = spawn().await;
    let all = slots();
    let first = book(&s, 7, &all[0]).await;
    let second = book(&s, 7, &all[5]).await;
    let res = staff(&s, Method::POST, &format!("/api/staff/bookings/{}/erase", first.reference), ADMIN).await;
    let erased: StaffBooking = res.send().await.expect("request").json().await.expect("json");
    assert!(erased.entry.erased && erased.person.is_none());
    assert_eq!(erased.entry.patient, "");
    assert_eq!(erased.entry.status, Status::Cancelled, "a future visit without a patient is cancelled");
    assert_eq!(count(&s, "SELECT count(*) FROM people"), 0, "both bookings' people rows are gone");
    assert_eq!(count(&s, "SELECT count(*) FROM bookings WHERE erased_at IS NOT NULL"), 2);
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 2, "the bookings themselves stay");
    assert_eq!(count(&s, "SELECT count(*) FROM audit WHERE action = 'erased' AND actor = 'admin'"), 2);
    // Nothing of the person is left in the database's files either.
    let files = [s.database(), s.database().with_extension("sqlite3-wal")];
    for bytes in files.iter().map(|f| std::fs::read(f).unwrap_or_default()) {
        assert!(!contains(&bytes, "Сейтқали".as_bytes()), "the surname is overwritten");
        assert!(!contains(&bytes, common::requests::iin(7).as_bytes()), "the IIN is overwritten");
    }
    let again =
        staff(&s, Method::POST, &format!("/api/staff/bookings/{}/iin", second.reference), ADMIN).await;
    assert_eq!(again.send().await.expect("request").status(), StatusCode::CONFLICT);
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn the_export_opens_in_a_spreadsheet_and_neutralises_formulas() {
    let s = spawn().await;
    let slot = &slots()[0];
    let mut b = body_for(slot, 3);
    b.patient.surname = "Ахметов".into();
    post(&s, &b, None).await;
    let from = slot.start.with_timezone(&chrono::FixedOffset::east_opt(5 * 3600).expect("zone")).date_naive();
    let res = staff(&s, Method::GET, &format!("/api/staff/bookings.csv?from={from}&days=1"), RECEPTION).await;
    let res = res.send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let bytes = res.bytes().await.expect("body");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFreference;status;"), "UTF-8 with a BOM");
    let text = String::from_utf8(bytes.to_vec()).expect("utf-8");
    let row = text.lines().nth(1).expect("a row");
    assert!(row.contains(";Ахметов Айгерім;'+77011000003;"), "{row}");
}

#[test]
fn check_catalogue_on_the_command_line_lists_every_problem_and_fails() {
    let dir = tempfile::tempdir().expect("dir");
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_jazylu-server"))
            .arg("--catalogue")
            .arg(SAMPLE)
            .arg("check-catalogue")
            .arg(file)
            .output()
            .expect("runs")
    };
    let bad = dir.path().join("prices.csv");
    let long = VISIT.replace(";20;", ";61;");
    let no_en = VISIT.replace("Repeat visit", "").replace("visit-repeat", "visit-other");
    std::fs::write(&bad, sheet(&[&long, &no_en])).expect("write");
    let out = run(&bad);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("2 problem(s)"), "{said}");
    assert!(said.contains("row 2, column duration_min: duration_out_of_range"), "{said}");
    assert!(said.contains("row 3, column name_en: missing_translation"), "{said}");

    let good = dir.path().join("fixed.csv");
    std::fs::write(&good, sheet(&[VISIT])).expect("write");
    let out = run(&good);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let json = run(std::path::Path::new(SAMPLE));
    assert!(json.status.success(), "the sample itself passes");
    assert_eq!(run(&dir.path().join("missing.csv")).status.code(), Some(2));
}

#[tokio::test]
async fn with_no_token_configured_one_is_made_once_and_only_its_hash_kept() {
    let s = spawn_with(tempfile::tempdir().expect("dir"), |c| c.staff_token.clear()).await;
    let hashes = || {
        let conn = rusqlite::Connection::open(s.database()).expect("db");
        let mut stmt = conn.prepare("SELECT label, argon2 FROM staff_tokens").expect("sql");
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).expect("rows");
        rows.map(|r| r.expect("row")).collect::<Vec<_>>()
    };
    let made = hashes();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].0, "staff");
    assert!(made[0].1.starts_with("$argon2id$"), "an argon2 hash, not the token: {}", made[0].1);
    // The configured tests' tokens are not among them.
    let res = staff(&s, Method::GET, "/api/staff/bookings", RECEPTION).await.send().await.expect("request");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // Started again, the same one serves: none is made twice.
    let dir = s.dir;
    s.running.shutdown().await.expect("stops");
    let s = spawn_with(dir, |c| c.staff_token.clear()).await;
    let again = {
        let conn = rusqlite::Connection::open(s.database()).expect("db");
        conn.query_row("SELECT argon2 FROM staff_tokens", [], |r| r.get::<_, String>(0)).expect("one")
    };
    assert_eq!(again, made[0].1);
}

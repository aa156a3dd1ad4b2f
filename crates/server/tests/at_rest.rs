//! What a copy of the database gives away, and what stays as it was promised: no manage token in
//! any column, owner-only files, deadlines kept from the day of booking, migrations of old data.

mod common;

use common::requests::{body, catalogue, manage, post, slots};
use common::{spawn, spawn_with, SAMPLE};
use jazylu_api::{BookingView, Created};
use reqwest::StatusCode;
use rusqlite::types::ValueRef;
use rusqlite::Connection;

/// Every value of every column of every table, as bytes.
fn every_value(conn: &Connection) -> Vec<(String, Vec<u8>)> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).expect("select");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        while let Some(row) = rows.next().expect("row") {
            for i in 0..columns {
                let bytes = match row.get_ref(i).expect("value") {
                    ValueRef::Text(b) | ValueRef::Blob(b) => b.to_vec(),
                    ValueRef::Integer(n) => n.to_string().into_bytes(),
                    ValueRef::Real(x) => x.to_string().into_bytes(),
                    ValueRef::Null => Vec::new(),
                };
                out.push((t.clone(), bytes));
            }
        }
    }
    out
}

#[tokio::test]
async fn no_column_holds_a_manage_token_and_a_retry_still_gets_it() {
    let s = spawn().await;
    let slot = &slots()[0];
    let key = "0f9d3a5c7e1b2d4f6a8c0e2b4d6f8a1c";
    let created: Created = post(&s, &body(slot), Some(key)).await.json().await.expect("json");
    let token = created.manage_token.as_bytes();

    let conn = Connection::open(s.database()).expect("open db");
    let values = every_value(&conn);
    assert!(values.iter().any(|(t, _)| t == "replays"), "the replay is kept");
    for (table, v) in &values {
        assert!(!v.windows(token.len()).any(|w| w == token), "the manage token is in {table}");
        assert!(!v.windows(key.len()).any(|w| w == key.as_bytes()), "the Idempotency-Key is in {table}");
    }

    let again = post(&s, &body(slot), Some(key)).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    let again: Created = again.json().await.expect("json");
    assert_eq!(again.manage_token, created.manage_token);
    assert_eq!(again, created);
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("var").join("db");
    let database = folder.join("jazylu.sqlite3");
    let path = database.clone();
    let s = spawn_with(dir, move |c| c.database = path).await;
    assert_eq!(post(&s, &body(&slots()[0]), None).await.status(), StatusCode::CREATED);
    let mode = |p: &std::path::Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&database), 0o600);
    assert_eq!(mode(&folder), 0o700);
    let wal = database.with_extension("sqlite3-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600);
}

#[tokio::test]
async fn a_later_notice_leaves_the_promised_deadline_as_it_was() {
    let s = spawn().await;
    let created: Created = post(&s, &body(&slots()[0]), None).await.json().await.expect("json");
    let dir = s.dir;
    s.running.shutdown().await.expect("stopped");

    // The clinic now asks for 30 hours' notice.
    let mut cat: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE).expect("sample")).expect("json");
    cat["clinic"]["policies"]["cancel_notice_hours"] = 30.into();
    let edited = dir.path().join("catalogue.json");
    std::fs::write(&edited, cat.to_string()).expect("write");
    let path = edited.clone();
    let s = spawn_with(dir, move |c| c.catalogue = path).await;

    let path = format!("/api/bookings/{}", created.reference);
    let token = Some(created.manage_token.as_str());
    let (status, shown): (_, BookingView) = manage(&s, reqwest::Method::GET, &path, token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(shown.cancel_deadline, created.cancel_deadline, "start − 10 h, as promised");
    assert!(!shown.deadline_passed);
    let (_, cancelled): (_, BookingView) =
        manage(&s, reqwest::Method::POST, &format!("{path}/cancel"), token).await;
    assert!(!cancelled.cancelled_late);
}

#[test]
fn an_old_database_is_migrated_with_deadlines_from_its_catalogue_and_no_plain_replays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("old.sqlite3");
    {
        let conn = Connection::open(&file).expect("open");
        for sql in [
            include_str!("../migrations/0001_catalogue_publications.sql"),
            include_str!("../migrations/0002_bookings.sql"),
            include_str!("../migrations/0003_people_phone_optional.sql"),
        ] {
            conn.execute_batch(sql).expect("old schema");
        }
        conn.pragma_update(None, "user_version", 3).expect("version");
        // A catalogue of the time with 24 hours' notice, and one booking made on it.
        let mut json: serde_json::Value = serde_json::from_str(&catalogue().to_json()).expect("json");
        json["clinic"]["policies"]["cancel_notice_hours"] = 24.into();
        conn.execute(
            "INSERT INTO catalogue_publications (id, sha256, first_served, json) VALUES (1, 'x', 'then', ?1)",
            [json.to_string()],
        )
        .expect("publication");
        conn.execute(
            "INSERT INTO bookings (reference, manage_token_sha256, catalogue_id, service_id, doctor_id, start_utc,
                 end_utc, price_tenge, status, lang, created_at)
             VALUES ('JZ-OLD234', 'h', 1, 'visit-repeat', 'd', 2000000000, 2000001200, 8000, 'requested', 'kk', 'then')",
            [],
        )
        .expect("booking");
        conn.execute(
            "INSERT INTO idempotency VALUES ('k', 'r', 201, '{\"manage_token\":\"PLAIN\"}', 'then')",
            [],
        )
        .expect("replay");
    }
    jazylu_server::db::Db::open(&file).expect("migrated");
    let conn = Connection::open(&file).expect("open");
    let deadline: i64 =
        conn.query_row("SELECT cancel_deadline_utc FROM bookings", [], |r| r.get(0)).expect("row");
    assert_eq!(deadline, 2_000_000_000 - 24 * 3600);
    assert!(every_value(&conn).iter().all(|(_, v)| !v.windows(5).any(|w| w == b"PLAIN")));
}

#[tokio::test]
async fn a_backup_taken_while_the_server_runs_is_whole_and_owner_only() {
    let s = spawn().await;
    assert_eq!(post(&s, &body(&slots()[0]), None).await.status(), StatusCode::CREATED);
    let copy = s.dir.path().join("backup.sqlite3");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jazylu-server"))
        .arg("--database")
        .arg(s.database())
        .arg("backup")
        .arg(&copy)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conn = Connection::open(&copy).expect("open the copy");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok");
    let n: i64 = conn.query_row("SELECT count(*) FROM bookings", [], |r| r.get(0)).expect("count");
    assert_eq!(n, 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&copy).expect("metadata").permissions().mode() & 0o777, 0o600);
    }
    // Never over an existing file.
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_jazylu-server"))
        .arg("--database")
        .arg(s.database())
        .args(["backup"])
        .arg(&copy)
        .output()
        .expect("runs");
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
}

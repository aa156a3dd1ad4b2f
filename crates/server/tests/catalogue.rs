//! The catalogue and health endpoints, and refusing to start on a bad catalogue.

mod common;

use common::{client, spawn, SAMPLE};
use jazylu_core::Catalogue;
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn serves_the_catalogue_as_json_with_an_etag() {
    let s = spawn().await;
    let res = client().get(s.url("/api/catalog")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/json");
    let etag = res.headers()["etag"].to_str().expect("ascii").to_string();
    let body = res.text().await.expect("body");
    let cat = Catalogue::parse(&body).expect("served catalogue parses");
    assert_eq!(cat.services().len(), 12);
    assert_eq!(cat.clinic().bin.as_str(), "210840003610");

    let again =
        client().get(s.url("/api/catalog")).header("if-none-match", &etag).send().await.expect("request");
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn compresses_json_for_clients_that_accept_it() {
    let s = spawn().await;
    let res =
        client().get(s.url("/api/catalog")).header("accept-encoding", "br").send().await.expect("request");
    assert_eq!(res.headers()["content-encoding"], "br");
    let res =
        client().get(s.url("/api/catalog")).header("accept-encoding", "gzip").send().await.expect("request");
    assert_eq!(res.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn health_reports_the_database_and_the_recorded_catalogue() {
    let s = spawn().await;
    let body: Value =
        client().get(s.url("/api/health")).send().await.expect("request").json().await.expect("json");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["services"], 12);
    assert_eq!(body["catalogue_publications"], 1);

    let conn = rusqlite::Connection::open(s.database()).expect("open db");
    let (sha, json): (String, String) = conn
        .query_row("SELECT sha256, json FROM catalogue_publications", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("one publication row");
    assert_eq!(Some(sha.as_str()), body["catalogue_sha256"].as_str());
    assert!(Catalogue::parse(&json).is_ok());
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("pragma");
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn restarting_on_the_same_database_keeps_one_publication() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("db.sqlite3");
    let first = common::spawn_with(dir, |_| {}).await;
    first.running.shutdown().await.expect("stops");
    let dir = first.dir;
    let second = common::spawn_with(dir, |_| {}).await;
    let conn = rusqlite::Connection::open(&db).expect("open");
    let n: i64 =
        conn.query_row("SELECT count(*) FROM catalogue_publications", [], |r| r.get(0)).expect("count");
    assert_eq!(n, 1);
    drop(second);
}

#[tokio::test]
async fn unknown_api_paths_and_methods_get_json_errors() {
    let s = spawn().await;
    let res = client().get(s.url("/api/nothing-here")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["code"], "not_found");

    let res = client().delete(s.url("/api/catalog")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["code"], "method_not_allowed");
}

#[tokio::test]
async fn errors_from_layers_and_files_are_json_too() {
    let s = spawn().await;
    let res = client().get(s.url("/no-such-file.js")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: Value = res.json().await.expect("json");
    assert_eq!(body["code"], "not_found");

    // Over the booking routes' limit, and over the limit for any route at all.
    for (path, size) in [("/api/bookings", 200 * 1024), ("/api/catalog", 3 * 1024 * 1024)] {
        let huge = vec![b'x'; size];
        let res = client().post(s.url(path)).body(huge).send().await.expect("request");
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        let body: Value = res.json().await.expect("json");
        assert_eq!(body["code"], "payload_too_large");
    }
}

#[tokio::test]
async fn cors_follows_the_allow_list() {
    let s = spawn().await;
    let allowed = client()
        .get(s.url("/api/catalog"))
        .header("origin", "https://clinic.example")
        .send()
        .await
        .expect("request");
    assert_eq!(allowed.headers()["access-control-allow-origin"], "https://clinic.example");
    assert!(allowed.headers().get("access-control-allow-credentials").is_none());
    let other = client()
        .get(s.url("/api/catalog"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .expect("request");
    assert!(other.headers().get("access-control-allow-origin").is_none());
}

fn bad_catalogue() -> String {
    let mut doc: Value =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE).expect("sample")).expect("json");
    doc["clinic"]["bin"] = json!("2108400003610");
    doc["services"][3]["duration_min"] = json!(90);
    doc["services"][0]["name"]["en"] = json!("");
    doc.to_string()
}

#[tokio::test]
async fn an_invalid_catalogue_stops_the_start_listing_every_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.json");
    std::fs::write(&path, bad_catalogue()).expect("write");
    let mut c = common::config(dir.path());
    c.catalogue = path;
    let err = match jazylu_server::start(c).await {
        Ok(_) => panic!("a bad catalogue must not start"),
        Err(e) => e,
    };
    let text = err.to_string();
    assert!(text.contains("has 3 problem(s)"), "{text}");
    assert!(text.contains("clinic.bin: bin_format"), "{text}");
    assert!(text.contains("services[3].duration_min: duration_out_of_range"), "{text}");
    assert!(text.contains("services[0].name.en: missing_translation"), "{text}");
}

#[test]
fn the_binary_exits_with_the_problems_and_no_panic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.json");
    std::fs::write(&path, bad_catalogue()).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jazylu-server"))
        .args(["--port", "0", "--catalogue"])
        .arg(&path)
        .arg("--database")
        .arg(dir.path().join("db.sqlite3"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("clinic.bin: bin_format"), "{stderr}");
    assert!(stderr.contains("services[3].duration_min: duration_out_of_range"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

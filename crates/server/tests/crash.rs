//! kill -9 under load: the server process is killed in the middle of a burst of bookings and
//! started again on the same file. Every booking a client got its 201 for is there, the file is
//! whole, and no slot is held without its booking.

mod common;

use common::requests::{body_for, slots};
use common::{client, SAMPLE, TEMPLATE};
use jazylu_api::Created;
use reqwest::StatusCode;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// The real binary on a free port; its address from the line it prints.
fn start(dir: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jazylu-server"))
        .args(["--port", "0", "--rate-burst", "1000000", "--rate-period-ms", "1", "--catalogue", SAMPLE])
        .arg("--database")
        .arg(dir.join("db.sqlite3"))
        .arg("--dist")
        .arg(dir.join("dist"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().expect("stdout");
    let line = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|l| l.contains("running at"))
        .expect("the address line");
    let base = line.split_whitespace().last().expect("address").to_string();
    (child, base)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_booking_survives_a_kill_9() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("dist")).expect("dist");
    std::fs::write(dir.path().join("dist/index.html"), TEMPLATE).expect("template");
    let (mut server, base) = start(dir.path());

    let slots = slots();
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut workers = tokio::task::JoinSet::new();
    for w in 0..16usize {
        let (slots, base, acknowledged) = (slots.clone(), base.clone(), acknowledged.clone());
        workers.spawn(async move {
            for i in (w..slots.len()).step_by(16) {
                let sent = client()
                    .post(format!("{base}/api/bookings"))
                    .json(&body_for(&slots[i], i as u32))
                    .send()
                    .await;
                // After the kill: refused connections, cut answers.
                let Ok(res) = sent else { return };
                if res.status() == StatusCode::CREATED {
                    if let Ok(created) = res.json::<Created>().await {
                        acknowledged.lock().expect("list").push(created.reference);
                    }
                }
            }
        });
    }
    // Kill once the burst is well under way.
    for _ in 0..200 {
        if acknowledged.lock().expect("list").len() >= 20 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    server.kill().expect("SIGKILL");
    server.wait().expect("gone");
    while workers.join_next().await.is_some() {}
    let acknowledged = acknowledged.lock().expect("list").clone();
    assert!(acknowledged.len() >= 20, "the burst was under way: {}", acknowledged.len());

    let (mut again, base) = start(dir.path());
    assert_eq!(
        client().get(format!("{base}/api/health")).send().await.expect("health").status(),
        StatusCode::OK
    );
    let conn = rusqlite::Connection::open(dir.path().join("db.sqlite3")).expect("open");
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok");
    for reference in &acknowledged {
        let n: i64 = conn
            .query_row("SELECT count(*) FROM bookings WHERE reference = ?1", [reference], |r| r.get(0))
            .expect("count");
        assert_eq!(n, 1, "{reference} was acknowledged but is not stored");
    }
    let stored: i64 = conn.query_row("SELECT count(*) FROM bookings", [], |r| r.get(0)).expect("count");
    eprintln!("{} bookings acknowledged before the kill, {stored} stored", acknowledged.len());
    assert!(stored >= acknowledged.len() as i64);
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM slot_claims WHERE booking_id NOT IN (SELECT id FROM bookings)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(orphans, 0, "no slot held without its booking");
    let unclaimed: i64 = conn
        .query_row(
            "SELECT count(*) FROM bookings b WHERE status != 'cancelled'
             AND NOT EXISTS (SELECT 1 FROM slot_claims c WHERE c.booking_id = b.id)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(unclaimed, 0, "no live booking without its time");
    again.kill().expect("stop");
    let _ = again.wait();
}

//! What keeps the server answering under a slow or a hostile client: a request past its deadline
//! never books, a full server says so at once, and errors of the layers carry CORS headers.

mod common;

use common::requests::{body, count, slots};
use common::{client, spawn, spawn_with};
use reqwest::StatusCode;
use std::io::Write;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booking_answered_408_is_never_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = spawn_with(dir, |c| c.request_timeout_ms = 1000).await;
    // Another writer holds the database for 2.5 s: the claim waits for it, past the deadline.
    let file = s.database();
    let (locked_tx, locked) = std::sync::mpsc::channel();
    let holder = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(file).expect("open");
        conn.execute_batch("BEGIN IMMEDIATE").expect("lock");
        locked_tx.send(()).expect("signal");
        std::thread::sleep(Duration::from_millis(2500));
        conn.execute_batch("COMMIT").expect("unlock");
    });
    locked.recv().expect("locked");
    let res = common::requests::post(&s, &body(&slots()[0]), Some("late-key-0001")).await;
    assert_eq!(res.status(), StatusCode::REQUEST_TIMEOUT);
    assert_eq!(res.json::<jazylu_api::ErrorBody>().await.expect("json").code, "timeout");
    holder.join().expect("holder");
    // The claim ran once the lock was gone, and rolled back.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(count(&s, "SELECT count(*) FROM bookings"), 0);
    assert_eq!(count(&s, "SELECT count(*) FROM slot_claims"), 0);
    assert_eq!(count(&s, "SELECT count(*) FROM replays"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_server_answers_503_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = spawn_with(dir, |c| c.max_concurrent_requests = 1).await;
    // A client that announced a body and sends only part of it holds the one place.
    let mut slow = std::net::TcpStream::connect(s.running.addr).expect("connect");
    write!(
        slow,
        "POST /api/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"serv"
    )
    .expect("write");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let res = client().get(s.url("/api/health")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.json::<jazylu_api::ErrorBody>().await.expect("json").code, "overloaded");
    drop(slow);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(client().get(s.url("/api/health")).send().await.expect("request").status(), StatusCode::OK);
}

#[tokio::test]
async fn a_413_reaches_an_allowed_site_with_its_cors_headers() {
    let s = spawn().await;
    let res = client()
        .post(s.url("/api/bookings"))
        .header("content-type", "application/json")
        .header("origin", "https://clinic.example")
        .body(vec![b' '; 100 * 1024])
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(res.headers()["access-control-allow-origin"], "https://clinic.example");
    assert_eq!(res.json::<jazylu_api::ErrorBody>().await.expect("json").code, "payload_too_large");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_trickling_its_headers_is_dropped_and_others_are_served() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = spawn_with(dir, |c| c.header_timeout_ms = 1000).await;
    let addr = s.running.addr;
    let trickle = std::thread::spawn(move || {
        let mut slow = std::net::TcpStream::connect(addr).expect("connect");
        let started = std::time::Instant::now();
        // One byte every 200 ms, for as long as the server lets it.
        for b in "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ".bytes().chain(std::iter::repeat(b'a')) {
            if slow.write_all(&[b]).is_err() || started.elapsed() > Duration::from_secs(10) {
                break;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        started.elapsed()
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(client().get(s.url("/api/health")).send().await.expect("request").status(), StatusCode::OK);
    let held = tokio::task::spawn_blocking(move || trickle.join().expect("trickle")).await.expect("join");
    assert!(held < Duration::from_secs(5), "the slow client was kept {held:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_kept_alive_connection_is_closed_after_the_header_timeout() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("temp dir");
    let s = spawn_with(dir, |c| c.header_timeout_ms = 1000).await;
    let addr = s.running.addr;
    let closed_after = tokio::task::spawn_blocking(move || {
        let mut conn = std::net::TcpStream::connect(addr).expect("connect");
        conn.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
        conn.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n").expect("write");
        let mut buf = [0u8; 4096];
        let n = conn.read(&mut buf).expect("the answer");
        assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
        // Then nothing: the server closes the idle connection (read returns 0).
        let idle = std::time::Instant::now();
        while conn.read(&mut buf).map(|n| n > 0).unwrap_or(false) {}
        idle.elapsed()
    })
    .await
    .expect("join");
    assert!(closed_after < Duration::from_secs(5), "kept idle for {closed_after:?}");
}

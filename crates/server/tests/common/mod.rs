//! Starts the real server on a free port with a temporary SQLite file and a temporary dist folder.

#![allow(dead_code)]

pub mod requests;

use jazylu_server::{Config, Running};
use std::path::{Path, PathBuf};

pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalogue.sample.json");
/// The page template as trunk receives it; trunk keeps the tokens the server fills in.
pub const TEMPLATE: &str = include_str!("../../../../index.html");

/// The staff tokens the test servers accept, and the labels the audit records for them.
pub const RECEPTION: &str = "reception-test-token-0001";
pub const ADMIN: &str = "admin-test-token-00000002";

pub struct TestServer {
    pub running: Running,
    pub base: String,
    pub dir: tempfile::TempDir,
}

impl TestServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn database(&self) -> PathBuf {
        self.dir.path().join("db.sqlite3")
    }
}

pub fn config(dir: &Path) -> Config {
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).expect("dist dir");
    std::fs::write(dist.join("index.html"), TEMPLATE).expect("template");
    let mut c = Config::defaults();
    c.catalogue = SAMPLE.into();
    c.database = dir.join("db.sqlite3");
    c.dist = dist;
    c.port = 0;
    c.allowed_origins = vec!["https://clinic.example".into()];
    // One test client makes many requests; the limit's own test sets it low.
    c.staff_token = vec![format!("reception:{RECEPTION}"), format!("admin:{ADMIN}")];
    c.rate_burst = 1_000_000;
    c.rate_period_ms = 1;
    c
}

pub async fn spawn() -> TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    spawn_with(dir, |_| {}).await
}

pub async fn spawn_with(dir: tempfile::TempDir, edit: impl FnOnce(&mut Config)) -> TestServer {
    let mut c = config(dir.path());
    edit(&mut c);
    let running = jazylu_server::start(c).await.expect("server starts");
    let base = format!("http://{}", running.addr);
    TestServer { running, base, dir }
}

/// A client that leaves compression to us, so tests see the real Content-Encoding.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_gzip().no_brotli().build().expect("client")
}

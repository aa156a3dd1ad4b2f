//! Where things are and who may call us. Every setting has a flag, an environment variable and a
//! default that works from the repository root.

use clap::{Parser, Subcommand};
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Parser, Debug, Clone)]
#[command(name = "jazylu-server", about = "Jazylu booking endpoint")]
pub struct Config {
    /// Without a command the server starts.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The clinic's catalogue (JSON): clinic, doctors, services, prices, holidays.
    #[arg(long, env = "JAZYLU_CATALOGUE", default_value = "data/catalogue.sample.json")]
    pub catalogue: PathBuf,

    /// SQLite database file; created with its folder if missing.
    #[arg(long, env = "JAZYLU_DATABASE", default_value = "var/jazylu.sqlite3")]
    pub database: PathBuf,

    /// Address to listen on.
    #[arg(long, env = "JAZYLU_HOST", default_value = "127.0.0.1")]
    pub host: IpAddr,

    /// Port to listen on; 0 picks a free one.
    #[arg(long, env = "JAZYLU_PORT", default_value_t = 8080)]
    pub port: u16,

    /// The built widget (trunk's output).
    #[arg(long, env = "JAZYLU_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Sites that may embed the widget and call the API, comma-separated
    /// (e.g. https://clinic.kz,https://www.clinic.kz). The server's own origin always may.
    #[arg(long, env = "JAZYLU_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Vec<String>,

    /// Requests one client may make at once to the booking and manage routes before it must wait.
    #[arg(long, env = "JAZYLU_RATE_BURST", default_value_t = 10)]
    pub rate_burst: u32,

    /// Milliseconds after which a client may make one more of those requests.
    #[arg(long, env = "JAZYLU_RATE_PERIOD_MS", default_value_t = 6000)]
    pub rate_period_ms: u64,

    /// Milliseconds after which a request still running is answered `408 timeout` (a booking
    /// not yet stored by then never is).
    #[arg(long, env = "JAZYLU_REQUEST_TIMEOUT_MS", default_value_t = 15_000)]
    pub request_timeout_ms: u64,

    /// Milliseconds a client has to send a request's headers, and that a kept-alive connection
    /// may sit idle; then the connection is closed.
    #[arg(long, env = "JAZYLU_HEADER_TIMEOUT_MS", default_value_t = 10_000)]
    pub header_timeout_ms: u64,

    /// Requests served at once; one more is answered `503 overloaded` at once instead of waiting.
    #[arg(long, env = "JAZYLU_MAX_CONCURRENT_REQUESTS", default_value_t = 256)]
    pub max_concurrent_requests: usize,

    /// Staff tokens, comma-separated, each `label:token` (e.g. reception:…) or a bare token
    /// (labelled staff); at least 16 characters. With none, one is made at first start and
    /// printed once.
    #[arg(long, env = "JAZYLU_STAFF_TOKEN", value_delimiter = ',', hide_env_values = true)]
    pub staff_token: Vec<String>,

    /// Behind a reverse proxy: the header in which it passes the client's address (e.g.
    /// X-Forwarded-For; the last address in it counts). Only set it when the proxy sets the
    /// header on every request, or clients could choose their own address.
    #[arg(long, env = "JAZYLU_CLIENT_IP_HEADER")]
    pub client_ip_header: Option<String>,
}

#[derive(Subcommand, Debug, Clone)]
pub enum Command {
    /// Writes a consistent copy of the database (--database) to FILE, also while the server
    /// runs, checks it, and exits. FILE must not exist yet; it is made readable by its owner only.
    Backup { file: PathBuf },
    /// Checks a draft catalogue, FILE: the catalogue's JSON, or the price list as CSV (whose
    /// services replace those of --catalogue). Lists every problem; exits non-zero if any.
    CheckCatalogue { file: PathBuf },
}

impl Config {
    /// Defaults for a test or a tool: as if started with no flags and no environment.
    pub fn defaults() -> Config {
        Config::parse_from(["jazylu-server"])
    }
}

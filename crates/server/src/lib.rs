//! Jazylu's endpoint: serves the widget and the hosted page, the catalogue and bookings, and the
//! staff's price-list publishing and booking inbox.

mod audit;
pub mod config;
pub mod db;
pub mod draft;
pub mod embed;
pub mod error;
mod export;
mod inbox;
mod limits;
mod openapi;
pub mod page;
pub mod publish;
mod replay;
mod routes;
pub mod security;
mod serve;
pub mod staff_tokens;
mod state;
pub mod store;

pub use config::Config;
pub use state::AppState;

use jazylu_core::{Catalogue, Problem};
use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

/// Why the server refused to start. Printed as is to the operator: no panic trace.
#[derive(Debug)]
pub enum StartError {
    CatalogueUnreadable {
        path: String,
        error: std::io::Error,
    },
    CatalogueInvalid {
        path: String,
        problems: Vec<Problem>,
    },
    Database {
        path: String,
        error: rusqlite::Error,
    },
    Dist {
        path: String,
        error: std::io::Error,
    },
    Bind {
        addr: String,
        error: std::io::Error,
    },
    BadOrigin(security::BadOrigin),
    /// A setting that cannot work, with what to change.
    BadSetting(String),
    /// A document's text differs from the one served before under the same version.
    DocumentRewritten {
        document: &'static str,
        version: String,
        lang: &'static str,
    },
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::CatalogueUnreadable { path, error } => {
                write!(f, "cannot read the catalogue {path}: {error}")
            }
            StartError::CatalogueInvalid { path, problems } => {
                writeln!(f, "the catalogue {path} has {} problem(s):", problems.len())?;
                for p in problems {
                    writeln!(f, "  {p}")?;
                }
                write!(f, "fix them and start again; nothing was published")
            }
            StartError::DocumentRewritten { document, version, lang } => write!(
                f,
                "documents.{document}: the {lang} text differs from the one already served as version \
                 {version}; consents given to that text must stay identifiable, so give the new text a new version"
            ),
            StartError::Database { path, error } => {
                write!(f, "cannot open the database {path}: {error}")
            }
            StartError::Dist { path, error } => {
                write!(f, "cannot read the widget build in {path}: {error}")
            }
            StartError::Bind { addr, error } => write!(f, "cannot listen on {addr}: {error}"),
            StartError::BadSetting(why) => write!(f, "{why}"),
            StartError::BadOrigin(o) => {
                write!(f, "allowed origin {:?} is not of the form https://host[:port]: {}", o.value, o.why)
            }
        }
    }
}

impl std::error::Error for StartError {}

/// A server that is listening. Dropping it does not stop it; `shutdown` does.
pub struct Running {
    pub addr: SocketAddr,
    shutdown: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    pub async fn shutdown(self) -> std::io::Result<()> {
        let _ = self.shutdown.send(());
        self.task.await.unwrap_or(Ok(()))
    }

    /// Serves until the process is asked to stop (Ctrl-C or SIGTERM).
    pub async fn until_signal(self) -> std::io::Result<()> {
        shutdown_signal().await;
        tracing::info!("stopping");
        self.shutdown().await
    }
}

/// A panic's message may quote the text that caused it, and that text may be personal data: only
/// where it happened is logged. (A panicking request still gets a JSON 500: see `routes`.)
pub fn log_panics_without_payload() {
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(location = %at, "panic; its message is not logged");
    }));
}

/// Loads everything, refuses to start on any problem, then listens.
pub async fn start(config: Config) -> Result<Running, StartError> {
    let state = load(&config)?;
    let limit = limits::layer(&config).map_err(StartError::BadSetting)?;
    if config.max_concurrent_requests == 0 || config.request_timeout_ms == 0 || config.header_timeout_ms == 0
    {
        return Err(StartError::BadSetting(
            "--max-concurrent-requests, --request-timeout-ms and --header-timeout-ms must be above zero"
                .into(),
        ));
    }
    let addr = SocketAddr::new(config.host, config.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|error| StartError::Bind { addr: addr.to_string(), error })?;
    let addr = listener.local_addr().map_err(|error| StartError::Bind { addr: addr.to_string(), error })?;
    let header_timeout = std::time::Duration::from_millis(config.header_timeout_ms);
    let app = routes::router(state, limit);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(serve::serve(listener, app, header_timeout, async move {
        let _ = rx.await;
    }));
    tracing::info!(%addr, "listening");
    Ok(Running { addr, shutdown: tx, task })
}

fn load(config: &Config) -> Result<AppState, StartError> {
    let path = config.catalogue.display().to_string();
    let text = std::fs::read_to_string(&config.catalogue)
        .map_err(|error| StartError::CatalogueUnreadable { path: path.clone(), error })?;
    let catalogue =
        Catalogue::parse(&text).map_err(|problems| StartError::CatalogueInvalid { path, problems })?;

    let db_path = config.database.display().to_string();
    let db_error = |error| StartError::Database { path: db_path.clone(), error };
    let db = db::Db::open(&config.database).map_err(db_error)?;
    // Recorded before the first request can be answered, so every booking can refer to it.
    let served = db
        .blocking(|conn| Ok(publish::at_start(conn, catalogue, chrono::Utc::now())))
        .map_err(db_error)?
        .map_err(|e| match e {
            publish::PublishError::DocumentRewritten { document, version, lang } => {
                StartError::DocumentRewritten { document, version, lang }
            }
            publish::PublishError::Db(error) => db_error(error),
        })?;
    tracing::info!(version = served.version, "serving catalogue version");
    let (staff_tokens, made) = db
        .blocking(|conn| Ok(staff_tokens::StaffTokens::load(&config.staff_token, conn)))
        .map_err(db_error)?
        .map_err(|e| StartError::BadSetting(e.0))?;
    if let Some(token) = made {
        // Once: only its hash is kept. Not through the log, which may be shipped elsewhere.
        eprintln!(
            "jazylu-server: no staff token was configured, so one was made. It is shown this once; keep it \
             in a password manager (only its hash is stored):\n\n    {token}\n\nSet JAZYLU_STAFF_TOKEN to use your own."
        );
    }

    let page = page::LivePage::open(&config.dist)
        .map_err(|error| StartError::Dist { path: config.dist.display().to_string(), error })?;
    if page.current().is_none() {
        tracing::warn!(dist = %config.dist.display(), "no widget build found: the API runs, the page answers 503");
    }
    let staff_dir = config.dist.join("staff");
    let staff_page = page::LivePage::open(&staff_dir)
        .map_err(|error| StartError::Dist { path: staff_dir.display().to_string(), error })?;
    let origins = security::Origins::parse(&config.allowed_origins).map_err(StartError::BadOrigin)?;
    // Refuse to start rather than serve the page under a weaker policy.
    if let Some(p) = page.current() {
        axum::http::HeaderValue::from_str(&p.csp(&origins.frame_ancestors())).map_err(|_| {
            StartError::BadSetting(
                "the page's Content-Security-Policy cannot be built from these origins".into(),
            )
        })?;
    }

    Ok(AppState {
        live: Arc::new(publish::Live::new(served)),
        page: Arc::new(page),
        staff_page: Arc::new(staff_page),
        db,
        dist: config.dist.clone(),
        origins: Arc::new(origins),
        staff_tokens: Arc::new(staff_tokens),
        client_addr: limits::ClientAddr::from_config(config).map_err(StartError::BadSetting)?,
        max_concurrent: config.max_concurrent_requests,
        request_timeout: std::time::Duration::from_millis(config.request_timeout_ms),
        openapi: Default::default(),
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

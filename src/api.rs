//! The catalogue from the endpoint.

use jazylu_core::Catalogue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadError {
    /// No answer: offline, DNS, CORS, the server down, or the timeout.
    Network,
    /// The server answered with an error status.
    Status(u16),
    /// The answer was not a catalogue this widget understands.
    Invalid,
}

impl LoadError {
    /// For the console: a short word, no personal data.
    pub fn code(self) -> &'static str {
        match self {
            LoadError::Network => "network",
            LoadError::Status(_) => "status",
            LoadError::Invalid => "invalid",
        }
    }
}

/// `GET /api/catalog`. The hosted page preloads the same URL, so this usually resolves from the
/// preload without a round trip.
pub async fn catalogue(base: &str) -> Result<Catalogue, LoadError> {
    match jazylu_web::call("GET", &format!("{base}/api/catalog"), None, &[]).await {
        None => Err(LoadError::Network),
        // The endpoint publishes only catalogues that passed `Catalogue::parse`: the widget
        // reads the published shape and needs no checker of its own.
        Some((200, text)) => jazylu_web::json::read(&text).ok_or(LoadError::Invalid),
        Some((status, _)) => Err(LoadError::Status(status)),
    }
}

//! Calls to the endpoint.

use jazylu_core::Catalogue;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadError {
    /// No answer: offline, DNS, CORS, the server down.
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
/// preload without a second round trip.
pub async fn catalogue(base: &str) -> Result<Catalogue, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response: Response = JsFuture::from(window.fetch_with_str(&format!("{base}/api/catalog")))
        .await
        .map_err(|_| LoadError::Network)?
        .dyn_into()
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| LoadError::Network)?)
        .await
        .map_err(|_| LoadError::Network)?
        .as_string()
        .ok_or(LoadError::Invalid)?;
    Catalogue::parse(&text).map_err(|_| LoadError::Invalid)
}

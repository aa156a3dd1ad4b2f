//! Calls to the endpoint.

use jazylu_core::Catalogue;
use wasm_bindgen::closure::Closure;
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

/// How long a request may take before the visitor is offered a retry instead of a spinner.
const TIMEOUT_MS: i32 = 15_000;

/// `GET /api/catalog`. The hosted page preloads the same URL, so this usually resolves from the
/// preload without a second round trip.
pub async fn catalogue(base: &str) -> Result<Catalogue, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Network)?;
    // A hung connection is aborted (body included), so the visitor sees the retry button.
    let controller = web_sys::AbortController::new().map_err(|_| LoadError::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .unwrap_or(0);
    let text = fetch_text(&window, &format!("{base}/api/catalog"), &init).await;
    window.clear_timeout_with_handle(timer);
    Catalogue::parse(&text?).map_err(|_| LoadError::Invalid)
}

async fn fetch_text(
    window: &web_sys::Window,
    url: &str,
    init: &web_sys::RequestInit,
) -> Result<String, LoadError> {
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
        .await
        .map_err(|_| LoadError::Network)?
        .dyn_into()
        .map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    JsFuture::from(response.text().map_err(|_| LoadError::Network)?)
        .await
        .map_err(|_| LoadError::Network)?
        .as_string()
        .ok_or(LoadError::Invalid)
}

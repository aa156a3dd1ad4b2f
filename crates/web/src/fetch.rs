//! Requests to the endpoint, through gloo-net. Nothing personal goes into a URL: bodies and
//! headers only.

use gloo_net::http::{Method, RequestBuilder};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a request may take before the visitor is offered a retry instead of a spinner.
const TIMEOUT_MS: i32 = 15_000;

/// One request: the status and body of the answer, or `None` when no answer came in time
/// (offline, DNS, CORS, the server down, the timeout).
pub async fn call(
    method: &str,
    url: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> Option<(u16, String)> {
    let window = web_sys::window()?;
    // A hung connection is aborted (its body included), so the visitor sees the retry button.
    let controller = web_sys::AbortController::new().ok()?;
    let method = match method {
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        _ => Method::GET,
    };
    let mut request = RequestBuilder::new(url).method(method).abort_signal(Some(&controller.signal()));
    for (k, v) in headers {
        request = request.header(k, v);
    }
    let request = match body {
        Some(b) => request.body(b.to_string()).ok()?,
        None => request.build().ok()?,
    };
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .unwrap_or(0);
    let answer = async {
        let response = request.send().await.ok()?;
        let text = response.text().await.ok()?;
        Some((response.status(), text))
    }
    .await;
    window.clear_timeout_with_handle(timer);
    answer
}

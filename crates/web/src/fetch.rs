//! Requests to the endpoint. Nothing personal goes into a URL: bodies and headers only.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestInit, Response};

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
    // A hung connection is aborted (body included), so the visitor sees the retry button.
    let controller = web_sys::AbortController::new().ok()?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_signal(Some(&controller.signal()));
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
    }
    let h = Headers::new().ok()?;
    for (k, v) in headers {
        h.set(k, v).ok()?;
    }
    init.set_headers(&h);
    let abort = Closure::once_into_js(move || controller.abort());
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_MS)
        .unwrap_or(0);
    let answer = fetch(&window, url, &init).await;
    window.clear_timeout_with_handle(timer);
    answer
}

async fn fetch(window: &web_sys::Window, url: &str, init: &RequestInit) -> Option<(u16, String)> {
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(url, init)).await.ok()?.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    Some((response.status(), text))
}

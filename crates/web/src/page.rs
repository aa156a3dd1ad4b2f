//! The page around the widget: its language, title and address, focus, and the clock.

use jazylu_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// After a language switch: the document's language and title, and `?lang=` in the address bar
/// so that a reload keeps the language.
pub fn show_lang(lang: Lang, title: &str) {
    set_title(title);
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().set("lang", lang.code());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
    if let Some(html) = window.document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// Drops `#manage=…` from the address once the visitor leaves the manage page.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    if let (Some((page, _)), Ok(history)) = (href.split_once('#'), window.history()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(page));
    }
}

fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// The current instant, from the browser's clock (the zone is the clinic's, applied by core).
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A performance mark, read by scripts/bench.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Moves keyboard focus to the element with this id (it carries `tabindex="-1"`).
pub fn focus(id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// A fresh Idempotency-Key: 128 bits from `crypto.getRandomValues`, never `Math.random`. Without
/// a crypto source (no such browser is supported) the clock and `Math.random` keep keys apart.
pub fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if crypto.and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok()).is_none() {
        let r = js_sys::Math::random().to_bits() ^ (js_sys::Date::now() as u64);
        bytes[..8].copy_from_slice(&r.to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The way in (`data-channel` on the mount element, else the hosted page) and the campaign tags
/// of the page address, as core reads them.
pub fn way_in() -> (String, Vec<(String, String)>) {
    let window = web_sys::window();
    let root = window.as_ref().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("jazylu"));
    let channel = root
        .and_then(|r| r.closest("[data-channel]").ok().flatten())
        .and_then(|e| e.get_attribute("data-channel"));
    let search = window.and_then(|w| w.location().search().ok()).unwrap_or_default();
    jazylu_core::booking::way_in(channel.as_deref(), &search)
}

/// This page in `lang`, for the manage link: only the page and the language (whatever else the
/// address held, a campaign or anything personal, stays out of a link the visitor keeps).
pub fn page_url(lang: Lang) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let (origin, path) = (location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    format!("{origin}{path}?lang={}", lang.code())
}

/// Puts `href` in the address bar without loading it (the page shows it already).
pub fn show_address(href: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

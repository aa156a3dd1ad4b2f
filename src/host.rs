//! What the page hosting the widget tells it: where to mount, which language, which endpoint,
//! and the price list the server already rendered there.

use jazylu_core::Lang;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, UrlSearchParams};

pub struct Host {
    pub root: HtmlElement,
    pub lang: Lang,
    /// Base URL of the endpoint, without a trailing slash; empty for the same origin.
    pub api_base: String,
    /// The server's HTML inside the mount element, shown until the widget has its own data.
    pub prerendered: Option<String>,
    /// A service preselected by `?service=` or `data-service`.
    pub service: Option<String>,
    /// A booking to manage, from a `#manage=REF.TOKEN` link.
    pub manage: Option<(String, String)>,
    /// Where the page sits (`site`, `instagram`…), from `data-channel`.
    pub channel: String,
    /// Whitelisted `utm_*` tags of the page address.
    pub utm: Vec<(String, String)>,
}

impl Host {
    pub fn find() -> Option<Host> {
        let document = web_sys::window()?.document()?;
        let root: HtmlElement = document.get_element_by_id("jazylu")?.dyn_into().ok()?;
        let query = query_params();
        let param = |name: &str| query.as_ref().and_then(|q| q.get(name)).filter(|v| !v.is_empty());
        let attr = |name: &str| root.get_attribute(name).filter(|v| !v.is_empty());

        // The host's choice (?lang= or the attribute), then the browser, then Kazakh: the same
        // order as the server, so the first paint does not change language.
        let lang = param("lang")
            .and_then(|l| Lang::from_tag(&l))
            .or_else(|| attr("data-lang").and_then(|l| Lang::from_tag(&l)))
            .or_else(browser_lang)
            .unwrap_or(Lang::DEFAULT);
        let api_base = attr("data-api").unwrap_or_default().trim_end_matches('/').to_string();
        let service = param("service").or_else(|| attr("data-service"));
        let hash = web_sys::window()?.location().hash().unwrap_or_default();
        let manage = jazylu_core::flow::manage_link(&hash);
        let channel = attr("data-channel").unwrap_or_default();
        let utm = query.as_ref().map_or_else(Vec::new, |q| {
            const KEYS: [&str; 5] = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];
            let pairs: Vec<(&str, String)> = KEYS.iter().filter_map(|k| Some((*k, q.get(k)?))).collect();
            jazylu_core::booking::campaign_tags(pairs.iter().map(|(k, v)| (*k, v.as_str())))
        });

        let html = root.inner_html();
        // A page not served by our server still holds the template's placeholder.
        let prerendered = (!html.trim().is_empty() && !html.starts_with('%')).then_some(html);
        root.set_inner_html("");
        Some(Host { root, lang, api_base, prerendered, service, manage, channel, utm })
    }
}

fn query_params() -> Option<UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()
}

fn browser_lang() -> Option<Lang> {
    let languages = web_sys::window()?.navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|v| v.as_string()).collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

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

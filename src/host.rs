//! What the page hosting the widget tells it: where to mount, which language, which endpoint,
//! and whether the server already rendered the price list there.

use jazylu_core::Lang;
use jazylu_views::SERVER_COPY;
use jazylu_web::tab;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, UrlSearchParams};

pub struct Host {
    pub root: HtmlElement,
    pub lang: Lang,
    /// Base URL of the endpoint, without a trailing slash; empty for the same origin.
    pub api_base: String,
    /// The server's price list is in the page (`#jz-server`): it stays, with its plain links,
    /// until the widget has its own data.
    pub server_copy: bool,
    /// A service preselected by `?service=` or `data-service`.
    pub service: Option<String>,
    /// Its doctor, by `?doctor=` or `data-doctor` (ignored unless they offer that service).
    pub doctor: Option<String>,
    /// A booking to manage: `REF.TOKEN` from a `#manage=…` link (checked by the booking module).
    pub manage: Option<String>,
}

/// The widget takes the page over: the server's copy goes, in the same frame as the widget's own
/// is drawn, so nothing moves.
pub fn drop_server_copy() {
    if let Some(el) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(SERVER_COPY))
    {
        el.remove();
    }
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
        let doctor = param("doctor").or_else(|| attr("data-doctor"));
        let manage = manage_link();

        let server_copy = document.get_element_by_id(SERVER_COPY).is_some();
        if !server_copy {
            // A page not served by our server still holds the template's placeholder.
            root.set_text_content(None);
        }
        Some(Host { root, lang, api_base, server_copy, service, doctor, manage })
    }
}

/// `#manage=…` from the address, which then drops it (so that nothing on the page, a host's
/// analytics say, reads the token there later); the tab keeps it, so a reload stays on it.
fn manage_link() -> Option<String> {
    let hash = web_sys::window()?.location().hash().unwrap_or_default();
    let tab = tab::storage();
    match hash.strip_prefix("#manage=") {
        Some(link) => {
            jazylu_web::clear_fragment();
            if let Some(s) = &tab {
                let _ = s.set_item(tab::MANAGE, link);
            }
            Some(link.to_string())
        }
        None => tab?.get_item(tab::MANAGE).ok()?,
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

//! What the staff pages keep for this tab only: the staff token (never a cookie, never in a URL)
//! and the language chosen.

use jazylu_core::Lang;

const TOKEN: &str = "jazylu-staff-token";
const LANG: &str = "jazylu-staff-lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn token() -> Option<String> {
    storage()?.get_item(TOKEN).ok()?.filter(|t| !t.is_empty())
}

pub fn keep_token(token: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match token {
            Some(t) => s.set_item(TOKEN, t),
            None => s.remove_item(TOKEN),
        };
    }
}

/// The language kept for this tab, else the browser's, else Kazakh.
pub fn lang() -> Lang {
    let kept = storage().and_then(|s| s.get_item(LANG).ok().flatten()).and_then(|l| Lang::from_tag(&l));
    let browser = || {
        let languages = web_sys::window()?.navigator().languages();
        languages.iter().filter_map(|l| l.as_string()).find_map(|l: String| Lang::from_tag(&l))
    };
    kept.or_else(browser).unwrap_or(Lang::DEFAULT)
}

pub fn keep_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG, lang.code());
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
    }
}

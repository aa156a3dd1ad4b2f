//! `GET /embed.js`: the loader a clinic's own site includes (`public/embed.js`), with the words of
//! its button and dialog from the words module, filled in once.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use jazylu_core::Lang;
use std::sync::LazyLock;

const TEMPLATE: &str = include_str!("../../../public/embed.js");
/// What the template holds in place of the words, so that it runs as it is (in English).
const WORDS: &str = "/*%JZ_WORDS%*/ { en: ['Book an appointment', 'Close', 'Online booking'] }";

pub struct Loader {
    pub body: String,
    etag: String,
}

pub static LOADER: LazyLock<Loader> = LazyLock::new(|| {
    let words: serde_json::Map<String, serde_json::Value> =
        Lang::ALL.into_iter().map(|l| (l.code().to_string(), jazylu_i18n::words(l).embed().into())).collect();
    let body = TEMPLATE.replacen(WORDS, &serde_json::Value::Object(words).to_string(), 1);
    let etag = format!("\"{}\"", &crate::store::sha256_hex(body.as_bytes())[..16]);
    Loader { body, etag }
});

/// Revalidated on every use (`no-cache`, answered 304 while unchanged), so a release reaches
/// the clinic's site at once.
pub async fn serve(headers: HeaderMap) -> Response {
    let loader = &*LOADER;
    let etag = HeaderValue::from_str(&loader.etag).unwrap_or(HeaderValue::from_static("\"\""));
    let cache = [(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")), (header::ETAG, etag)];
    if headers.get(header::IF_NONE_MATCH).is_some_and(|v| v.as_bytes() == loader.etag.as_bytes()) {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    let kind = (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8"));
    (cache, [kind], loader.body.clone()).into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_words_replace_the_placeholder() {
        let body = &super::LOADER.body;
        assert!(!body.contains("%JZ_WORDS%"));
        assert!(body.contains(r#""ru":["Записаться к врачу","Закрыть","Онлайн-запись"]"#), "{body}");
    }
}

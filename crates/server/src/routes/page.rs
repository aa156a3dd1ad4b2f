//! `GET /`: the hosted booking page with the price list already in it.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use jazylu_core::Lang;

pub async fn index(State(s): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let Some(page) = s.page.current() else {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "widget_not_built",
            "the widget has not been built; run scripts/run",
        )
        .into_response();
    };
    let lang = choose_lang(uri.query(), &headers);
    let served = s.served();
    let today = served.catalogue.clinic().time_zone.today(chrono::Utc::now());
    let html = page.render(&served.catalogue, lang, today, &s.origins.joined());
    // The origins were checked at start, so this holds; if it did not, the strictest policy.
    let csp = HeaderValue::from_str(&page.csp(&s.origins.frame_ancestors()))
        .unwrap_or(HeaderValue::from_static(crate::security::API_CSP));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
            (header::VARY, HeaderValue::from_static("Accept-Language")),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        html,
    )
        .into_response()
}

/// `GET /staff/`: the staff pages as trunk built them, never framed (and, as every staff answer,
/// never cached: `response_headers`).
pub async fn staff(State(s): State<AppState>) -> Response {
    let Some(page) = s.staff_page.current() else {
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "staff_not_built",
            "the staff pages have not been built; run scripts/build",
        )
        .into_response();
    };
    let csp = HeaderValue::from_str(&page.csp("'none'"))
        .unwrap_or(HeaderValue::from_static(crate::security::API_CSP));
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        page.as_built().to_string(),
    )
        .into_response()
}

/// `?lang=` first (the host page's choice), then the browser's languages, then Kazakh. The widget
/// follows the same order, so its first paint matches ours.
fn choose_lang(query: Option<&str>, headers: &HeaderMap) -> Lang {
    let from_query = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::from_tag);
    let from_browser = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
    };
    from_query.or_else(from_browser).unwrap_or(Lang::DEFAULT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_beats_browser_beats_default() {
        let mut h = HeaderMap::new();
        assert_eq!(choose_lang(None, &h), Lang::Kk);
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("en-US,en;q=0.9"));
        assert_eq!(choose_lang(None, &h), Lang::En);
        assert_eq!(choose_lang(Some("service=x&lang=ru"), &h), Lang::Ru);
        assert_eq!(choose_lang(Some("lang=de"), &h), Lang::En);
    }
}

//! Who may embed the widget and call the API: an allow-list of origins for CORS and framing,
//! plus headers that every response carries.

use axum::http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Origins such as `https://clinic.kz`, checked at start.
pub struct Origins(Vec<String>);

impl Origins {
    pub fn parse(list: &[String]) -> Result<Origins, String> {
        let mut out = Vec::new();
        for raw in list.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
            let origin = raw.trim_end_matches('/');
            let valid = (origin.starts_with("https://") || origin.starts_with("http://"))
                && !origin.contains(['*', ' ', '"', '\''])
                && origin.split("://").nth(1).is_some_and(|h| !h.is_empty() && !h.contains('/'));
            if !valid {
                return Err(raw.to_string());
            }
            out.push(origin.to_string());
        }
        Ok(Origins(out))
    }

    /// The CSP `frame-ancestors` value: ourselves and the allowed sites.
    pub fn frame_ancestors(&self) -> String {
        std::iter::once("'self'".to_string()).chain(self.0.iter().cloned()).collect::<Vec<_>>().join(" ")
    }

    /// CORS for the API: allowed origins only, no credentials (the widget uses no cookies).
    pub fn cors(&self) -> CorsLayer {
        let allowed: Vec<HeaderValue> = self.0.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(allowed))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                axum::http::header::CONTENT_TYPE,
                axum::http::header::AUTHORIZATION,
                HeaderName::from_static("idempotency-key"),
            ])
            // A widget on another site may read how long to wait after a 429.
            .expose_headers([axum::http::header::RETRY_AFTER])
            .max_age(std::time::Duration::from_secs(600))
    }
}

/// Headers on every response.
pub const COMMON_HEADERS: [(&str, &str); 4] = [
    ("x-content-type-options", "nosniff"),
    // No page address (which may carry a booking reference) leaks to other sites.
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    // The widget needs none of these; an injected script gets none either.
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
];

/// JSON is never a document: nothing in it may load or be framed.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

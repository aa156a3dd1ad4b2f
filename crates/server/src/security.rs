//! Who may embed the widget and call the API: an allow-list of origins for CORS and framing,
//! plus headers that every response carries.

use axum::http::{HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Origins such as `https://clinic.kz`, checked at start.
pub struct Origins(Vec<String>);

/// Why an allowed origin was refused: the value and what to write instead.
#[derive(Debug)]
pub struct BadOrigin {
    pub value: String,
    pub why: &'static str,
}

impl Origins {
    pub fn parse(list: &[String]) -> Result<Origins, BadOrigin> {
        let mut out = Vec::new();
        for raw in list.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
            let origin = origin(raw).map_err(|why| BadOrigin { value: raw.to_string(), why })?;
            out.push(origin);
        }
        Ok(Origins(out))
    }

    /// The allowed sites, space-separated: the hosted page names them for its frame script,
    /// which posts to its host only if the host is one of them.
    pub fn joined(&self) -> String {
        self.0.join(" ")
    }

    /// Whether a request from a browser page at `origin` may change anything: an allowed site,
    /// or our own page (its origin names the host it was sent to).
    pub fn permits(&self, origin: &str, host: Option<&str>) -> bool {
        let own = host.is_some_and(|h| origin.split_once("://").is_some_and(|(_, authority)| authority == h));
        own || self.0.iter().any(|o| o == origin)
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

/// An origin as browsers send it, `https://host[:port]`, lowercased; its value goes into CORS and
/// CSP headers as is, so nothing else may pass (a `;` would add a CSP directive).
fn origin(raw: &str) -> Result<String, &'static str> {
    let lower = raw.trim_end_matches('/').to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://").ok_or("it needs a scheme: https://host")?;
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    if !host.is_ascii() {
        return Err("write a non-ASCII name in punycode (https://xn--…)");
    }
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    if host.len() > 253 || !host.split('.').all(label_ok) {
        return Err("only a host name (letters, digits, '-', '.'), an optional port and nothing else");
    }
    if let Some(port) = port {
        // Digits only: `parse` would take a sign.
        if !port.bytes().all(|b| b.is_ascii_digit()) || !port.parse::<u16>().is_ok_and(|p| p > 0) {
            return Err("the port must be a number from 1 to 65535");
        }
    }
    let local = host == "localhost" || host == "127.0.0.1";
    match scheme {
        "https" => {}
        "http" if local => {}
        "http" => return Err("plain http only for localhost and 127.0.0.1: use https"),
        _ => return Err("the scheme must be https"),
    }
    Ok(format!("{scheme}://{rest}"))
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

/// JSON is never a document: nothing in it may load or be framed. Also what a page whose policy
/// cannot be built gets: never a weaker policy.
pub const API_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

#[cfg(test)]
mod tests {
    use super::{origin, Origins};

    #[test]
    fn writes_come_from_allowed_sites_or_our_own_page() {
        let list = Origins::parse(&["https://clinic.kz".to_string()]).expect("valid");
        assert!(list.permits("https://clinic.kz", Some("book.clinic.kz")));
        assert!(list.permits("https://book.clinic.kz", Some("book.clinic.kz")));
        assert!(list.permits("http://127.0.0.1:8080", Some("127.0.0.1:8080")));
        assert!(!list.permits("https://evil.kz", Some("book.clinic.kz")));
        assert!(!list.permits("https://clinic.kz.evil.kz", Some("book.clinic.kz")));
        assert!(!list.permits("null", Some("book.clinic.kz")));
        assert!(!list.permits("https://book.clinic.kz", None));
    }

    #[test]
    fn origins_are_host_and_port_only() {
        for (raw, want) in [
            ("https://clinic.kz", "https://clinic.kz"),
            ("https://Www.Clinic.KZ/", "https://www.clinic.kz"),
            ("https://xn--80aaf1a.kz:8443", "https://xn--80aaf1a.kz:8443"),
            ("http://localhost:3000", "http://localhost:3000"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ] {
            assert_eq!(origin(raw).as_deref(), Ok(want), "{raw}");
        }
        for raw in [
            "https://a.kz;sandbox",
            "https://a.kz sandbox",
            "https://a.kz/path",
            "https://клиника.kz",
            "https://a.kz:99999",
            "https://a.kz:80a",
            "http://a.kz",
            "ftp://a.kz",
            "https://",
            "a.kz",
            "https://-a.kz",
            "https://a..kz",
            "https://*.kz",
            "https://a.kz\"",
        ] {
            assert!(origin(raw).is_err(), "{raw} accepted");
        }
    }
}

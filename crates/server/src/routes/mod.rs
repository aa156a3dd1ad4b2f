//! The routes and the layers around them.

mod api;
mod bookings;
mod page;

use crate::limits::ClientLimit;
use crate::security::COMMON_HEADERS;
use crate::state::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

/// Larger bodies get 413 before any handler reads them.
pub const BODY_LIMIT: usize = 64 * 1024;

pub fn router(state: AppState, limit: ClientLimit) -> Router {
    // What writes or reads a booking is limited per client; the rest is cheap and cached.
    let limited = Router::new()
        .route("/bookings", axum::routing::post(bookings::create))
        .route("/bookings/{reference}", get(bookings::show))
        .route("/bookings/{reference}/cancel", axum::routing::post(bookings::cancel))
        .route_layer(limit);
    let api = Router::new()
        .route("/catalog", get(api::catalog))
        .route("/health", get(api::health))
        .route("/openapi.json", get(api::openapi))
        .route("/availability", get(bookings::availability))
        .merge(limited)
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(state.origins.cors());

    // trunk's hashed files and their .br/.gz twins made by scripts/build.
    let files = ServeDir::new(&state.dist).precompressed_br().precompressed_gzip();

    Router::new()
        .route("/", get(page::index))
        .route("/index.html", get(page::index))
        .nest("/api", api)
        .fallback_service(files)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(15)))
        .layer(middleware::from_fn(crate::error::json_errors))
        .layer(middleware::from_fn(response_headers))
        .layer(CompressionLayer::new())
        .layer(
            // Method, path and status only: query strings and bodies may hold personal data.
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .with_state(state)
}

/// Security headers on everything; long caching for files whose names carry a content hash.
async fn response_headers(req: Request, next: Next) -> Response {
    let hashed = is_hashed_asset(req.uri().path());
    let mut res = next.run(req).await;
    let cache =
        if hashed && res.status().is_success() { "public, max-age=31536000, immutable" } else { "no-cache" };
    let headers = res.headers_mut();
    for (name, value) in COMMON_HEADERS {
        headers.entry(HeaderName::from_static(name)).or_insert(HeaderValue::from_static(value));
    }
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static(cache));
    res
}

/// trunk names its output `name-<16 hex digits>.ext` (or `…_bg.wasm`).
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("").trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, h)| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashed_asset_names() {
        assert!(super::is_hashed_asset("/jazylu-3f2a9c0d1e2b4a5c_bg.wasm"));
        assert!(super::is_hashed_asset("/jazylu-3f2a9c0d1e2b4a5c.js"));
        assert!(!super::is_hashed_asset("/embed.js"));
        assert!(!super::is_hashed_asset("/"));
    }
}

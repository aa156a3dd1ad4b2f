//! The routes and the layers around them.

mod api;
mod bookings;
mod page;
mod staff;

use crate::limits::ClientLimit;
use crate::openapi;
use crate::security::{API_CSP, COMMON_HEADERS};
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::IntoResponse;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tower::ServiceExt;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Larger bodies get 413 before any handler reads them.
pub const BODY_LIMIT: usize = 64 * 1024;
/// A staff draft is a whole catalogue, the clinic's documents in three languages included.
pub const STAFF_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// When a request came in: its booking, if any, is committed only before `Started::deadline`, so
/// a request that was answered 408 never books afterwards.
#[derive(Clone, Copy)]
pub struct Started(pub std::time::Instant);

async fn started(mut req: Request, next: Next) -> Response {
    req.extensions_mut().insert(Started(std::time::Instant::now()));
    next.run(req).await
}

/// The JSON routes, each with its documentation.
fn api(limit: ClientLimit) -> OpenApiRouter<AppState> {
    // What writes or reads a booking is limited per client; the rest is cheap and cached.
    let mut limited = OpenApiRouter::new()
        .routes(routes!(bookings::create))
        .routes(routes!(bookings::show))
        .routes(routes!(bookings::cancel))
        .route_layer(limit);
    openapi::layer_answers(limited.get_openapi_mut(), &[openapi::TOO_MANY]);
    let mut public = OpenApiRouter::new()
        .routes(routes!(api::catalog))
        .routes(routes!(api::health))
        .routes(routes!(api::openapi))
        .routes(routes!(bookings::availability))
        .merge(limited)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT));
    openapi::layer_answers(public.get_openapi_mut(), &[openapi::TOO_LARGE]);
    let mut api = public.nest("/staff", staff_api());
    // What the layers of `router` answer on any route.
    let every = [openapi::TIMEOUT, openapi::INTERNAL, openapi::OVERLOADED, openapi::FOREIGN_SITE];
    openapi::layer_answers(api.get_openapi_mut(), &every);
    api
}

/// `/api/staff/*`: every handler takes `staff::Staff`, so each answers 401 without a valid token
/// and 429 to an address that keeps sending wrong ones.
fn staff_api() -> OpenApiRouter<AppState> {
    let mut staff = OpenApiRouter::new()
        .routes(routes!(staff::catalog::check))
        .routes(routes!(staff::catalog::publish))
        .routes(routes!(staff::catalog::versions))
        .routes(routes!(staff::catalog::restore))
        .routes(routes!(staff::bookings::list))
        .routes(routes!(staff::bookings::export))
        .routes(routes!(staff::bookings::show))
        .routes(routes!(staff::bookings::reveal))
        .routes(routes!(staff::bookings::confirm))
        .routes(routes!(staff::bookings::cancel))
        .routes(routes!(staff::bookings::move_to))
        .routes(routes!(staff::bookings::attendance))
        .routes(routes!(staff::bookings::erase))
        .layer(RequestBodyLimitLayer::new(STAFF_BODY_LIMIT));
    openapi::layer_answers(staff.get_openapi_mut(), &[openapi::TOO_LARGE, openapi::TOO_MANY]);
    staff
}

pub fn router(mut state: AppState, limit: ClientLimit) -> Router {
    let (api, doc) = api(limit).split_for_parts();
    state.openapi = std::sync::Arc::new(openapi::ApiDoc::openapi().nest("/api", doc));
    let api = api
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(middleware::from_fn_with_state(state.clone(), from_allowed_site));
    let cors = state.origins.cors();
    let max_concurrent = state.max_concurrent;
    let timeout = state.request_timeout;

    Router::new()
        .route("/", get(page::index))
        .route("/index.html", get(page::index))
        .route("/embed.js", get(crate::embed::serve))
        .route("/staff", get(|| async { axum::response::Redirect::permanent("/staff/") }))
        .route("/staff/", get(page::staff))
        .nest("/api", api)
        // trunk's hashed files and their .br/.gz twins made by scripts/build.
        .fallback(static_file)
        // No route takes more than a staff draft (the public API's routes take less, above).
        .layer(RequestBodyLimitLayer::new(STAFF_BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(middleware::from_fn(started))
        // A full server says so at once (503) rather than queueing without end.
        .layer(
            tower::ServiceBuilder::new()
                .layer(axum::error_handling::HandleErrorLayer::new(|_: tower::BoxError| async {
                    crate::error::ApiError::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "overloaded",
                        "the server is busy; try again in a moment",
                    )
                }))
                .load_shed()
                // Global: one count for every route (a plain concurrency limit counts per route).
                .layer(tower::limit::GlobalConcurrencyLimitLayer::new(max_concurrent)),
        )
        // A bug in a handler answers 500 instead of dropping the connection (JSON, like every
        // error of a layer: json_errors is outside it).
        .layer(CatchPanicLayer::new())
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
        // Outermost: every answer to an allowed site, errors of the layers above included,
        // carries its CORS headers.
        .layer(cors)
        .with_state(state)
}

/// A browser page on a site not in the allow-list changes nothing (CORS already keeps it from
/// reading answers; this keeps a form post or a no-cors request from booking). Requests with no
/// `Origin` (not from a page: curl, the server's own tests) are not a browser page's.
async fn from_allowed_site(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let reads = matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let origin = req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let host = req.headers().get(header::HOST).and_then(|v| v.to_str().ok());
    match origin {
        Some(origin) if !reads && !s.origins.permits(origin, host) => {
            let a = openapi::FOREIGN_SITE;
            crate::error::ApiError::new(StatusCode::FORBIDDEN, a.code, a.description).into_response()
        }
        _ => next.run(req).await,
    }
}

/// Security headers on everything; long caching for files whose names carry a content hash, and
/// none at all for bookings (their answers carry the manage token).
async fn response_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let hashed = is_hashed_asset(path);
    let api = path.starts_with("/api/");
    // Bookings' answers carry the manage token; staff answers carry patients' data.
    let booking = path == "/api/bookings" || path.starts_with("/api/bookings/") || is_staff(path);
    let mut res = next.run(req).await;
    let cache = match () {
        _ if booking => "no-store",
        _ if hashed && res.status().is_success() => "public, max-age=31536000, immutable",
        _ => "no-cache",
    };
    let headers = res.headers_mut();
    for (name, value) in COMMON_HEADERS {
        headers.entry(HeaderName::from_static(name)).or_insert(HeaderValue::from_static(value));
    }
    if api {
        headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(API_CSP));
    }
    if booking {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    } else {
        headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static(cache));
    }
    res
}

/// The token of `Authorization: Bearer …`, if there is one of at most `max` bytes.
fn bearer(headers: &axum::http::HeaderMap, max: usize) -> Option<String> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    v.strip_prefix("Bearer ").map(|t| t.trim().to_string()).filter(|t| !t.is_empty() && t.len() <= max)
}

/// The staff API and the staff pages: never cached, never framed.
fn is_staff(path: &str) -> bool {
    path.starts_with("/api/staff/") || path == "/staff" || path == "/staff/"
}

/// The built files, except the page template: trunk's `index.html` leaves only through
/// `page::index`, filled in and with the page's CSP, however its name is written
/// (`/%69ndex.html`, `//`, `/./index.html`).
async fn static_file(State(s): State<AppState>, req: Request) -> Response {
    let decoded = percent_encoding::percent_decode_str(req.uri().path()).decode_utf8_lossy();
    let last = decoded.split('/').rfind(|part| !part.is_empty() && *part != ".");
    if last.is_none_or(|name| name.eq_ignore_ascii_case("index.html")) {
        return crate::error::ApiError::not_found().into_response();
    }
    let files = ServeDir::new(&s.dist)
        .append_index_html_on_directories(false)
        .precompressed_br()
        .precompressed_gzip();
    match files.oneshot(req).await {
        Ok(res) => res.map(axum::body::Body::new),
        Err(never) => match never {},
    }
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

//! `/api/*`: JSON only.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// The published catalogue, with an ETag so a returning visitor downloads it only when it changed.
#[utoipa::path(
    get,
    path = "/catalog",
    params(("If-None-Match" = Option<String>, Header, description = "the ETag of a copy the client holds")),
    responses(
        (
            status = 200,
            description = "clinic, categories, doctors, services and holidays",
            body = Object,
            headers(("ETag" = String))
        ),
        (status = 304, description = "the client's copy is current"),
    )
)]
pub async fn catalog(State(s): State<AppState>, headers: HeaderMap) -> Response {
    let served = s.served();
    let etag = format!("\"{}\"", &served.sha256[..32]);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    let etag = HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"\""));
    if fresh {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/json")), (header::ETAG, etag)],
        served.json.clone(),
    )
        .into_response()
}

/// `GET /api/health`: for monitoring and deploy scripts.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`: the server answers and its database too.
    status: &'static str,
    catalogue_sha256: String,
    /// The version served (`GET /api/staff/catalog/versions`).
    catalogue_version: i64,
    services: usize,
    catalogue_publications: i64,
    /// Whether `dist/` holds a widget build (else the page answers 503).
    widget_built: bool,
}

/// Liveness, the database and the widget build.
#[utoipa::path(
    get,
    path = "/health",
    responses((status = 200, description = "all is well", body = Health))
)]
pub async fn health(State(s): State<AppState>) -> Result<Json<Health>, ApiError> {
    let served = s.served();
    let publications: i64 =
        s.db.call(|c| c.query_row("SELECT count(*) FROM catalogue_publications", [], |r| r.get(0)))
            .await
            .map_err(|e| ApiError::internal("health", e))?;
    Ok(Json(Health {
        status: "ok",
        catalogue_sha256: served.sha256.clone(),
        catalogue_version: served.version,
        services: served.catalogue.services().len(),
        catalogue_publications: publications,
        widget_built: s.page.current().is_some(),
    }))
}

pub async fn not_found() -> ApiError {
    ApiError::not_found()
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this method is not allowed here")
}

/// This document: made from the routes and the wire types (`crate::openapi`).
#[utoipa::path(get, path = "/openapi.json", responses((status = 200, description = "OpenAPI 3.1", body = Object)))]
pub async fn openapi(State(s): State<AppState>) -> Response {
    let doc = crate::openapi::served((*s.openapi).clone(), &s.served().catalogue);
    ([(header::CONTENT_TYPE, "application/json")], doc).into_response()
}

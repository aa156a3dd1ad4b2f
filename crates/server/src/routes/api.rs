//! `/api/*`: JSON only.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// The published catalogue, with an ETag so a returning visitor downloads it only when it changed.
pub async fn catalog(State(s): State<AppState>, headers: HeaderMap) -> Response {
    let etag = format!("\"{}\"", &s.catalogue_sha256[..32]);
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
        s.catalogue_json.to_string(),
    )
        .into_response()
}

pub async fn health(State(s): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let publications: i64 =
        s.db.call(|c| c.query_row("SELECT count(*) FROM catalogue_publications", [], |r| r.get(0)))
            .await
            .map_err(|e| ApiError::internal("health", e))?;
    Ok(Json(json!({
        "status": "ok",
        "catalogue_sha256": &*s.catalogue_sha256,
        "services": s.catalogue.services().len(),
        "catalogue_publications": publications,
        "widget_built": s.page.current().is_some(),
    })))
}

pub async fn not_found() -> ApiError {
    ApiError::not_found()
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this method is not allowed here")
}

/// The API described for clients; `tests/openapi.rs` checks it against the routes.
pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], include_str!("../../openapi.json")).into_response()
}

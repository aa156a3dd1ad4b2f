//! The price list's drafts and versions: check a draft, publish it, list the versions, bring an
//! earlier one back. A draft is the body as it is: `text/csv` (the price list from a spreadsheet)
//! or `application/json` (the whole catalogue).

use super::Staff;
use crate::draft::{self, Format, Located, Place};
use crate::error::ApiError;
use crate::publish::{self, PublishError, Served};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use jazylu_api::{CatalogVersion, DraftCheck, DraftProblem, DraftRejected, ErrorBody};

fn format(headers: &HeaderMap) -> Result<Format, ApiError> {
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let kind = kind.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match kind.as_str() {
        "text/csv" => Ok(Format::Csv),
        "application/json" => Ok(Format::Json),
        _ => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the draft as text/csv or application/json",
        )),
    }
}

/// The body as the draft its media type says, checked against the catalogue served now (off the
/// async threads: a whole catalogue takes a while).
async fn checked(s: &AppState, headers: &HeaderMap, body: String) -> Result<draft::Checked, ApiError> {
    let format = format(headers)?;
    let served = s.served();
    tokio::task::spawn_blocking(move || draft::check(format, &body, &served.catalogue))
        .await
        .map_err(|e| ApiError::internal("check draft", e))
}

fn wire(p: Located) -> DraftProblem {
    let (path, row, column) = match p.place {
        Place::Path(path) => (Some(path), None, None),
        Place::Cell { row, column } => (None, Some(row), Some(column).filter(|c| !c.is_empty())),
    };
    DraftProblem { code: p.code.to_string(), path, row, column, detail: p.detail }
}

/// Every problem of a draft, and the catalogue made of what is valid in it.
#[utoipa::path(
    post,
    path = "/catalog/check",
    operation_id = "staff_check_catalog",
    security(("staffToken" = [])),
    request_body(content = String, content_type = "text/csv", description = "the price list (or the catalogue as application/json)"),
    responses(
        (status = 200, description = "the draft's problems (none if it may be published) and its valid part", body = DraftCheck),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 415, description = "unsupported_media_type: text/csv or application/json", body = ErrorBody),
    )
)]
pub async fn check(
    State(s): State<AppState>,
    _: Staff,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let checked = checked(&s, &headers, body).await?;
    let catalogue = checked.valid.map(|c| serde_json::from_str(&c.to_json()).unwrap_or_default());
    Ok(Json(DraftCheck { problems: checked.problems.into_iter().map(wire).collect(), catalogue })
        .into_response())
}

fn version(served: &Served) -> CatalogVersion {
    CatalogVersion {
        id: served.version,
        published_at: String::new(),
        published_by: String::new(),
        restored_from: None,
        sha256: served.sha256.clone(),
        services: served.catalogue.services().len() as u32,
        current: true,
    }
}

/// The version as listed (with who and when).
async fn listed(s: &AppState, served: &Served) -> Result<CatalogVersion, ApiError> {
    let id = served.version;
    let all = all_versions(s, id).await?;
    Ok(all.into_iter().find(|v| v.id == id).unwrap_or_else(|| version(served)))
}

/// Every version, newest first, its time in clinic time like every staff answer.
async fn all_versions(s: &AppState, current: i64) -> Result<Vec<CatalogVersion>, ApiError> {
    let zone = s.served().catalogue.clinic().time_zone.offset();
    let all =
        s.db.call(move |c| publish::versions(c, current))
            .await
            .map_err(|e| ApiError::internal("versions", e))?;
    let in_zone = |v: CatalogVersion| CatalogVersion {
        published_at: crate::inbox::in_zone(&v.published_at, zone),
        ..v
    };
    Ok(all.into_iter().map(in_zone).collect())
}

fn publish_error(e: PublishError) -> Response {
    match e {
        PublishError::DocumentRewritten { document, version, lang } => {
            let body = ErrorBody::new(
                "document_rewritten",
                format!(
                    "the {lang} text of documents.{document} differs from the one published as version {version}: \
                     give the new text a new version"
                ),
            );
            ApiError::with_body(StatusCode::CONFLICT, body).into_response()
        }
        PublishError::Db(e) => ApiError::internal("publish", e).into_response(),
    }
}

/// Publishes a draft that has no problems: `/api/catalog` and the page serve it at once; requests
/// already running finish on the version they started with.
#[utoipa::path(
    put,
    path = "/catalog",
    operation_id = "staff_publish_catalog",
    security(("staffToken" = [])),
    request_body(content = String, content_type = "text/csv", description = "the price list (or the catalogue as application/json)"),
    responses(
        (status = 200, description = "published: the new version, served from now on", body = CatalogVersion),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 409, description = "document_rewritten: a document's text changed under the same version", body = ErrorBody),
        (status = 415, description = "unsupported_media_type: text/csv or application/json", body = ErrorBody),
        (status = 422, description = "catalogue_invalid, with every problem; nothing was published", body = DraftRejected),
    )
)]
pub async fn publish(
    State(s): State<AppState>,
    staff: Staff,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let checked = checked(&s, &headers, body).await?;
    let catalogue = match (checked.problems.is_empty(), checked.valid) {
        (true, Some(c)) => c,
        _ => {
            let rejected = DraftRejected {
                code: "catalogue_invalid".into(),
                message: "the draft has problems; nothing was published".into(),
                problems: checked.problems.into_iter().map(wire).collect(),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, Json(rejected)).into_response());
        }
    };
    let live = s.live.clone();
    let by = staff.label;
    let done =
        s.db.call(move |c| Ok(publish::publish(c, &live, catalogue, &by, Utc::now())))
            .await
            .map_err(|e| ApiError::internal("publish", e))?;
    match done {
        Ok(served) => {
            tracing::info!(version = served.version, "catalogue published");
            Ok(Json(listed(&s, &served).await?).into_response())
        }
        Err(e) => Ok(publish_error(e)),
    }
}

/// Every published version, newest first.
#[utoipa::path(
    get,
    path = "/catalog/versions",
    operation_id = "staff_catalog_versions",
    security(("staffToken" = [])),
    responses(
        (status = 200, description = "newest first; `current` is the one served", body = Vec<CatalogVersion>),
        (status = 401, description = "staff_token_required", body = ErrorBody),
    )
)]
pub async fn versions(State(s): State<AppState>, _: Staff) -> Result<Json<Vec<CatalogVersion>>, ApiError> {
    Ok(Json(all_versions(&s, s.served().version).await?))
}

/// Serves an earlier version again (recorded as a new version that names it).
#[utoipa::path(
    post,
    path = "/catalog/versions/{id}/restore",
    operation_id = "staff_restore_catalog",
    security(("staffToken" = [])),
    params(("id" = i64, Path, minimum = 1)),
    responses(
        (status = 200, description = "restored: the new version, served from now on", body = CatalogVersion),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found: no such version", body = ErrorBody),
        (status = 409, description = "document_rewritten", body = ErrorBody),
    )
)]
pub async fn restore(
    State(s): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let Ok(id) = id.parse::<i64>() else { return Err(ApiError::not_found()) };
    let live = s.live.clone();
    let by = staff.label;
    let done =
        s.db.call(move |c| Ok(publish::restore(c, &live, id, &by, Utc::now())))
            .await
            .map_err(|e| ApiError::internal("restore", e))?;
    match done {
        Ok(Some(served)) => {
            tracing::info!(version = served.version, restored_from = id, "catalogue restored");
            Ok(Json(listed(&s, &served).await?).into_response())
        }
        Ok(None) => Err(ApiError::not_found()),
        Err(e) => Ok(publish_error(e)),
    }
}

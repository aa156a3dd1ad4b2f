//! One error type for the endpoint. Every error leaves as the wire contract's `ErrorBody`, JSON
//! with a stable `code`, never as a bare status or a panic page.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jazylu_api::ErrorBody;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: ErrorBody,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: &'static str) -> ApiError {
        ApiError { status, body: ErrorBody::new(code, message) }
    }

    pub fn with_body(status: StatusCode, body: ErrorBody) -> ApiError {
        ApiError { status, body }
    }

    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such resource")
    }

    pub fn internal(context: &str, err: impl std::fmt::Display) -> ApiError {
        // The detail goes to the log, not to the caller.
        tracing::error!(%context, error = %err, "internal error");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "something went wrong on our side")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body)).into_response()
    }
}

/// A JSON body read into a wire type; a body that is not JSON gets our own error shape
/// (axum's `Json`, with its rejection mapped to stable codes).
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct AppJson<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> ApiError {
        let (status, code, message) = match r {
            JsonRejection::MissingJsonContentType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the body as application/json",
            ),
            JsonRejection::JsonSyntaxError(_) => {
                (StatusCode::BAD_REQUEST, "json_invalid", "the body is not JSON")
            }
            JsonRejection::JsonDataError(_) => {
                (StatusCode::BAD_REQUEST, "json_invalid", "the body is not a JSON object of this shape")
            }
            r if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", "the request body is too large")
            }
            _ => (StatusCode::BAD_REQUEST, "bad_request", "the request body could not be read"),
        };
        ApiError::new(status, code, message)
    }
}

/// Error responses made by layers or the file server (413, 408, a missing file…) get the same JSON
/// body as the handlers' own, so a client never has to parse anything else.
pub async fn json_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let (code, message) = match status {
        StatusCode::BAD_REQUEST => ("bad_request", "the request is malformed"),
        StatusCode::NOT_FOUND => ("not_found", "no such resource"),
        StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "this method is not allowed here"),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "the request took too long"),
        StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "the request body is too large"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported_media_type", "send JSON"),
        StatusCode::TOO_MANY_REQUESTS => ("too_many_requests", "too many requests; try again shortly"),
        s if s.is_server_error() => ("internal", "something went wrong on our side"),
        _ => ("request_failed", "the request could not be handled"),
    };
    ApiError::new(status, code, message).into_response()
}

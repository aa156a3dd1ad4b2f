//! `/api/staff/*`: the price list's drafts and versions, and the booking inbox. Every route takes
//! a `Staff`, so nothing here answers without a valid staff token.

pub mod bookings;
pub mod catalog;

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Who is asking: the label of a valid staff token (what the audit records).
pub struct Staff {
    pub label: String,
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Staff, Response> {
        let token = super::bearer(&parts.headers, 200);
        // No token is no guess: it is refused, but not counted.
        let Some(token) = token else { return Err(unauthorized()) };
        let ip = s.client_addr.of(&parts.headers, &parts.extensions);
        if let Some(wait) = ip.and_then(|ip| s.staff_tokens.refused_for(ip)) {
            let mut res = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                "too many wrong staff tokens from this address; try again after Retry-After seconds",
            )
            .into_response();
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait.as_secs().max(1)));
            return Err(res);
        }
        let tokens = s.staff_tokens.clone();
        let label = tokio::task::spawn_blocking(move || tokens.label_of(&token)).await.ok().flatten();
        match label {
            Some(label) => Ok(Staff { label }),
            None => {
                if let Some(ip) = ip {
                    s.staff_tokens.failed(ip);
                }
                Err(unauthorized())
            }
        }
    }
}

/// No token and a wrong one alike: nothing else is revealed.
fn unauthorized() -> Response {
    let mut res =
        ApiError::new(StatusCode::UNAUTHORIZED, "staff_token_required", "a valid staff token is required")
            .into_response();
    res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"staff\""));
    res
}

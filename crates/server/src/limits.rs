//! Abuse limits: a token bucket per client on the routes that write or read a booking, so that
//! nobody can book out the clinic's horizon or guess manage links at speed. Over the limit a
//! client gets `429 too_many_requests` with `Retry-After`.

use crate::error::ApiError;
use crate::Config;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{header, Extensions, HeaderMap, HeaderName, HeaderValue, Request, Response, StatusCode};
use axum::response::IntoResponse;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

/// Who a request is from: the peer's address, or, behind a trusted reverse proxy, the last
/// address in the header it sets (the one the proxy saw; earlier ones the client may have made up).
#[derive(Clone, Debug)]
pub struct ClientAddr {
    header: Option<HeaderName>,
}

impl ClientAddr {
    /// As configured (`--client-ip-header`), or what is wrong with the setting.
    pub fn from_config(config: &Config) -> Result<ClientAddr, String> {
        let header = match config.client_ip_header.as_deref() {
            Some(h) => Some(
                HeaderName::try_from(h)
                    .map_err(|_| format!("--client-ip-header {h:?} is not a header name"))?,
            ),
            None => None,
        };
        Ok(ClientAddr { header })
    }

    pub fn of(&self, headers: &HeaderMap, extensions: &Extensions) -> Option<IpAddr> {
        let forwarded = || {
            let value = headers.get(self.header.as_ref()?)?.to_str().ok()?;
            value.rsplit(',').next()?.trim().parse().ok()
        };
        forwarded().or_else(|| extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip()))
    }
}

impl KeyExtractor for ClientAddr {
    type Key = IpAddr;

    fn extract<T>(&self, req: &Request<T>) -> Result<IpAddr, GovernorError> {
        self.of(req.headers(), req.extensions()).ok_or(GovernorError::UnableToExtractKey)
    }
}

pub type ClientLimit = GovernorLayer<ClientAddr, governor::middleware::NoOpMiddleware, Body>;

/// The limit as configured, or what is wrong with the settings.
pub fn layer(config: &Config) -> Result<ClientLimit, String> {
    let settings = GovernorConfigBuilder::default()
        .period(Duration::from_millis(config.rate_period_ms))
        .burst_size(config.rate_burst)
        .key_extractor(ClientAddr::from_config(config)?)
        .finish()
        .ok_or("--rate-burst and --rate-period-ms must be above zero")?;
    Ok(GovernorLayer::new(settings).error_handler(refusal))
}

fn refusal(e: GovernorError) -> Response<Body> {
    match e {
        GovernorError::TooManyRequests { wait_time, .. } => {
            let mut res = ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                "too many requests from this address; try again after Retry-After seconds",
            )
            .into_response();
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(wait_time.max(1)));
            res
        }
        GovernorError::UnableToExtractKey => {
            ApiError::new(StatusCode::BAD_REQUEST, "bad_request", "the client's address is unknown")
                .into_response()
        }
        GovernorError::Other { .. } => ApiError::internal("rate limit", "governor").into_response(),
    }
}

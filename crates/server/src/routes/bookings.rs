//! `POST /api/bookings` and `GET /api/availability`: every rule checked again by core, the slot
//! claimed atomically, and nothing personal in logs or URLs.

use crate::error::{ApiError, AppJson};
use crate::replay;
use crate::routes::Started;
use crate::state::AppState;
use crate::store::{self, ClaimError, NewBooking};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use jazylu_api::{
    Availability, BookingRequest, BookingView, BusyTime, Created, ErrorBody, Invalid, SlotTaken, Status,
};
use jazylu_core::availability::{Busy, Window};
use jazylu_core::booking::{Booking, FieldCode};
use jazylu_core::catalogue::past_deadline;
use jazylu_core::catalogue::DocumentKind;
use jazylu_core::clock::parse_instant;
use serde::Deserialize;

fn wire(busy: &[Busy], zone: FixedOffset) -> Vec<BusyTime> {
    busy.iter().map(|b| b.to_wire(zone)).collect()
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WindowQuery {
    /// The first clinic date.
    #[param(required = true, value_type = String, format = Date)]
    from: Option<String>,
    /// How many dates, `from` included: 1 to the booking horizon's (the served document states
    /// the most).
    #[param(required = true, value_type = u32, minimum = 1)]
    days: Option<String>,
}

/// Busy intervals per doctor for the clinic dates from `from` on, `days` of them; no personal
/// data. The window may span the booking horizon (what the widget asks for), no more.
#[utoipa::path(
    get,
    path = "/availability",
    params(WindowQuery),
    responses(
        (status = 200, description = "every doctor's booked time in the window", body = Availability),
        (status = 400, description = "window_invalid", body = ErrorBody),
    )
)]
pub async fn availability(
    State(s): State<AppState>,
    Query(w): Query<WindowQuery>,
) -> Result<Response, ApiError> {
    let served = s.served();
    let zone = served.catalogue.clinic().time_zone.clone();
    let bad = || {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "window_invalid",
            "give from as YYYY-MM-DD and days from 1 to the booking horizon's",
        )
    };
    let (from, days) = (w.from.as_deref().unwrap_or(""), w.days.as_deref().unwrap_or(""));
    let Window { from, to } = Window::parse(from, days, &served.catalogue).ok_or_else(bad)?;
    let start = zone.midnight(from).ok_or_else(bad)?;
    let end = zone.midnight(to).ok_or_else(bad)? + TimeDelta::days(1);
    let busy =
        s.db.call(move |c| store::busy(c, start, end))
            .await
            .map_err(|e| ApiError::internal("availability", e))?;
    let (from, to) = (from.to_string(), to.to_string());
    Ok(Json(Availability { from, to, busy: wire(&busy, zone.offset()) }).into_response())
}

/// `Idempotency-Key`, as the schema states it (read by `idempotency_key`).
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
struct IdempotencyKey {
    /// Made once per review in the widget and sent again with every retry: the same key with the
    /// same body answers what the first request was answered; with another body, 422
    /// idempotency_key_reused.
    #[param(rename = "Idempotency-Key", required = false, value_type = String, pattern = "^[!-~]{8,100}$")]
    key: Option<String>,
}

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(v) = headers.get("idempotency-key") else { return Ok(None) };
    let key = v
        .to_str()
        .ok()
        .map(str::trim)
        .filter(|k| (8..=100).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()));
    key.map(|k| Some(k.to_string())).ok_or_else(|| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_invalid",
            "Idempotency-Key must be 8 to 100 visible ASCII characters",
        )
    })
}

/// Requests an appointment: every rule checked again, the slot claimed atomically.
#[utoipa::path(
    post,
    path = "/bookings",
    operation_id = "create_booking",
    params(IdempotencyKey),
    request_body = BookingRequest,
    responses(
        (status = 201, description = "booked; the manage token is in this answer only", body = Created),
        (status = 400, description = "json_invalid or idempotency_key_invalid", body = ErrorBody),
        (status = 409, description = "slot_taken, with the doctor's fresh busy time", body = ErrorBody),
        (status = 415, description = "unsupported_media_type: send application/json", body = ErrorBody),
        (
            status = 422,
            description = "invalid_booking with every field problem, or idempotency_key_reused",
            body = ErrorBody
        ),
    )
)]
pub async fn create(
    State(s): State<AppState>,
    Extension(Started(started)): Extension<Started>,
    headers: HeaderMap,
    AppJson(form): AppJson<BookingRequest>,
) -> Result<Response, ApiError> {
    let key = idempotency_key(&headers)?;
    // The request as read, so a retry that differs only in spacing or key order is the same.
    let request_sha256 = store::sha256_hex(&serde_json::to_vec(&form).unwrap_or_default());

    let state = s.clone();
    // This version, start to end, even if staff publish another meanwhile.
    let served = s.served();
    let outcome =
        s.db.call(move |conn| {
            let now = Utc::now();
            if let Some(key) = &key {
                if let Some(r) = replay::find(conn, key, now)? {
                    return Ok(if r.request_sha256 == request_sha256 {
                        Outcome::Replay(r.status, r.response)
                    } else {
                        Outcome::KeyReused
                    });
                }
            }
            let cat = &served.catalogue;
            let zone = cat.clinic().time_zone.offset();
            // The requested doctor's busy time on the days around the requested start is all the
            // check needs (and what a 409 sends back); reading more would slow every booking as
            // the table grows.
            let around = parse_instant(&form.start).unwrap_or(now);
            let (from, to) = (around - TimeDelta::days(1), around + TimeDelta::days(1));
            let busy = store::doctor_busy(conn, &form.doctor, from, to)?;
            let booking = match Booking::parse(&form, cat, &busy, now) {
                Ok(b) => b,
                Err(errors) if errors.iter().any(|e| e.code == FieldCode::SlotTaken) => {
                    return Ok(Outcome::Taken(wire(&busy, zone)));
                }
                Err(errors) => return Ok(Outcome::Invalid(errors)),
            };
            let price = booking.price.amount();
            let deadline = cat.clinic().policies.cancel_deadline(booking.slot.start);
            let status = cat.clinic().policies.initial_status();
            let channel = Some(booking.channel.as_str()).filter(|c| !c.is_empty());
            let utm = (!booking.utm.is_empty()).then(|| {
                let tags: serde_json::Map<String, serde_json::Value> =
                    booking.utm.iter().map(|(k, v)| (k.clone(), v.clone().into())).collect();
                serde_json::Value::Object(tags).to_string()
            });
            let new = NewBooking {
                booking: &booking,
                catalogue_id: served.publication,
                price_tenge: price,
                status,
                max_live: cat.clinic().policies.max_live_bookings,
                // A little before the 408, so that the commit never races the answer.
                deadline: started
                    + state.request_timeout.saturating_sub(std::time::Duration::from_millis(100)),
                cancel_deadline: deadline,
                now,
                channel,
                utm: utm.as_deref(),
                documents: DocumentKind::ALL.map(|kind| {
                    let version = cat.documents().get(kind).version.as_str();
                    (kind.code(), version, served.documents.get(kind, booking.lang))
                }),
                idempotency: key.as_deref().map(|k| (k, request_sha256.as_str())),
            };
            let answer = |c: &store::Created| {
                let created = Created {
                    reference: c.reference.clone(),
                    manage_token: c.manage_token.clone(),
                    status: Status::parse(status).unwrap_or(Status::Requested),
                    service: booking.service.to_string(),
                    doctor: booking.slot.doctor.to_string(),
                    start: booking.slot.start.with_timezone(&zone).to_rfc3339(),
                    end: booking.slot.end.with_timezone(&zone).to_rfc3339(),
                    price: i64::from(price),
                    cancel_deadline: deadline.with_timezone(&zone).to_rfc3339(),
                };
                serde_json::to_string(&created).unwrap_or_default()
            };
            match store::claim(conn, &new, answer) {
                Ok((created, response)) => {
                    // The reference identifies nobody; it is what staff and the visitor quote.
                    tracing::info!(reference = %created.reference, "booking created");
                    Ok(Outcome::Created(response))
                }
                Err(ClaimError::SlotTaken) => {
                    Ok(Outcome::Taken(wire(&store::doctor_busy(conn, &form.doctor, from, to)?, zone)))
                }
                Err(ClaimError::Refused(errors)) => Ok(Outcome::Invalid(errors)),
                Err(ClaimError::TooLate) => Ok(Outcome::TooLate),
                Err(ClaimError::Db(e)) => Err(e),
            }
        })
        .await
        .map_err(|e| ApiError::internal("create booking", e))?;

    Ok(match outcome {
        Outcome::Created(body) => json_response(StatusCode::CREATED, body),
        Outcome::Replay(status, body) => {
            json_response(StatusCode::from_u16(status).unwrap_or(StatusCode::CREATED), body)
        }
        Outcome::TooLate => {
            ApiError::new(StatusCode::REQUEST_TIMEOUT, "timeout", "the request took too long").into_response()
        }
        Outcome::KeyReused => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "this Idempotency-Key was used for a different booking",
        )
        .into_response(),
        Outcome::Taken(busy) => {
            ApiError::with_body(StatusCode::CONFLICT, SlotTaken::body(busy)).into_response()
        }
        Outcome::Invalid(errors) => {
            ApiError::with_body(StatusCode::UNPROCESSABLE_ENTITY, Invalid::body(errors)).into_response()
        }
    })
}

enum Outcome {
    Created(String),
    /// Past the request's deadline: the client has had its 408.
    TooLate,
    Replay(u16, String),
    KeyReused,
    Taken(Vec<BusyTime>),
    Invalid(Vec<jazylu_core::booking::FieldError>),
}

fn json_response(status: StatusCode, body: String) -> Response {
    (status, [(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The secret from the manage link, sent as `Authorization: Bearer …` (never in a URL the
/// server sees: the link keeps it in the fragment).
fn manage_token(headers: &HeaderMap) -> Option<String> {
    super::bearer(headers, 100)
}

/// No token, a wrong one and an unknown reference get this one answer, so that nobody learns
/// which references exist.
fn refused() -> Response {
    let mut res = ApiError::new(
        StatusCode::UNAUTHORIZED,
        "booking_not_found",
        "no booking opens with this reference and token",
    )
    .into_response();
    let challenge = axum::http::HeaderValue::from_static("Bearer error=\"invalid_token\"");
    res.headers_mut().insert(axum::http::header::WWW_AUTHENTICATE, challenge);
    res
}

/// The booking as it was promised: its deadline is the stored one, whatever the catalogue says now.
fn view(s: &AppState, b: &store::Stored, now: DateTime<Utc>) -> BookingView {
    let zone = s.served().catalogue.clinic().time_zone.offset();
    BookingView {
        reference: b.reference.clone(),
        status: Status::parse(&b.status).unwrap_or(Status::Requested),
        service: b.service_id.clone(),
        doctor: b.doctor_id.clone(),
        start: b.start.with_timezone(&zone).to_rfc3339(),
        end: b.end.with_timezone(&zone).to_rfc3339(),
        price: b.price_tenge,
        cancel_deadline: b.cancel_deadline.with_timezone(&zone).to_rfc3339(),
        deadline_passed: past_deadline(b.cancel_deadline, now),
        cancelled_late: b.cancelled_late,
        cancelled_by_clinic: b.cancelled_by_clinic,
        moved_by_clinic: b.moved_by_clinic,
    }
}

/// The booking, for its manage link.
#[utoipa::path(
    get,
    path = "/bookings/{reference}",
    operation_id = "show_booking",
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    security(("manageToken" = [])),
    responses(
        (status = 200, description = "the booking", body = BookingView),
        (
            status = 401,
            description = "booking_not_found: no token, a wrong one and an unknown reference alike",
            body = ErrorBody
        ),
    )
)]
pub async fn show(
    State(s): State<AppState>,
    axum::extract::Path(reference): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Some(token) = manage_token(&headers) else { return Ok(refused()) };
    let found =
        s.db.call(move |c| store::find(c, &reference, &token))
            .await
            .map_err(|e| ApiError::internal("find booking", e))?;
    let Some(b) = found else { return Ok(refused()) };
    Ok(Json(view(&s, &b, Utc::now())).into_response())
}

/// Cancels: free before the deadline (start − the clinic's notice), still possible after it but
/// marked late, and the answer says so; the clinic may charge for a late cancellation.
#[utoipa::path(
    post,
    path = "/bookings/{reference}/cancel",
    operation_id = "cancel_booking",
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    security(("manageToken" = [])),
    responses(
        (status = 200, description = "cancelled; `cancelled_late` after the deadline", body = BookingView),
        (status = 401, description = "booking_not_found", body = ErrorBody),
        (status = 409, description = "visit_started: too late to cancel", body = ErrorBody),
    )
)]
pub async fn cancel(
    State(s): State<AppState>,
    axum::extract::Path(reference): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Some(token) = manage_token(&headers) else { return Ok(refused()) };
    let result =
        s.db.call(move |c| {
            let Some(b) = store::find(c, &reference, &token)? else { return Ok(Err(refused())) };
            let now = Utc::now();
            if b.status == "cancelled" {
                return Ok(Ok((b, now)));
            }
            if jazylu_core::booking::visit_started(b.start, now) {
                return Ok(Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "visit_started",
                    "the visit has already started or passed",
                )
                .into_response()));
            }
            let late = past_deadline(b.cancel_deadline, now);
            store::cancel(c, b.id, late, now)?;
            tracing::info!(reference = %b.reference, "booking cancelled");
            Ok(store::find(c, &reference, &token)?.map(|b| (b, now)).ok_or_else(refused))
        })
        .await
        .map_err(|e| ApiError::internal("cancel booking", e))?;
    let (b, now) = match result {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    Ok(Json(view(&s, &b, now)).into_response())
}

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
use chrono::{DateTime, Days, FixedOffset, TimeDelta, Utc};
use jazylu_api::{Availability, BookingRequest, BookingView, BusyTime, Created, Invalid, SlotTaken, Status};
use jazylu_core::availability::Busy;
use jazylu_core::booking::{Booking, FieldCode};
use jazylu_core::catalogue::past_deadline;
use jazylu_core::clock::{parse_date, parse_instant};
use serde::Deserialize;

fn wire(busy: &[Busy], zone: FixedOffset) -> Vec<BusyTime> {
    busy.iter().map(|b| b.to_wire(zone)).collect()
}

#[derive(Deserialize)]
pub struct Window {
    from: Option<String>,
    to: Option<String>,
}

/// Busy intervals per doctor for the clinic dates `from..=to`; no personal data. The window may
/// span the catalogue's booking horizon (what the widget asks for), no more.
pub async fn availability(State(s): State<AppState>, Query(w): Query<Window>) -> Result<Response, ApiError> {
    let zone = s.catalogue.clinic().time_zone.clone();
    let horizon = u64::from(s.catalogue.clinic().policies.horizon_days);
    let bad = || {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "window_invalid",
            "give from and to as YYYY-MM-DD, at most the booking horizon apart",
        )
    };
    let from = w.from.as_deref().and_then(parse_date).ok_or_else(bad)?;
    let to = w.to.as_deref().and_then(parse_date).ok_or_else(bad)?;
    if to < from || from.checked_add_days(Days::new(horizon)).is_some_and(|last| to > last) {
        return Err(bad());
    }
    let start = zone.midnight(from).ok_or_else(bad)?;
    let end = zone.midnight(to).ok_or_else(bad)? + TimeDelta::days(1);
    let busy =
        s.db.call(move |c| store::busy(c, start, end))
            .await
            .map_err(|e| ApiError::internal("availability", e))?;
    let (from, to) = (w.from.unwrap_or_default(), w.to.unwrap_or_default());
    Ok(Json(Availability { from, to, busy: wire(&busy, zone.offset()) }).into_response())
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
            let cat = &state.catalogue;
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
                catalogue_id: state.catalogue_id,
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
                document_version: &state.catalogue_sha256,
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
    let v = headers.get(axum::http::header::AUTHORIZATION)?.to_str().ok()?;
    v.strip_prefix("Bearer ").map(|t| t.trim().to_string()).filter(|t| !t.is_empty() && t.len() <= 100)
}

fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "booking_not_found", "no booking with this reference and token")
}

/// The booking as it was promised: its deadline is the stored one, whatever the catalogue says now.
fn view(s: &AppState, b: &store::Stored, now: DateTime<Utc>) -> BookingView {
    let zone = s.catalogue.clinic().time_zone.offset();
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
    }
}

pub async fn show(
    State(s): State<AppState>,
    axum::extract::Path(reference): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let token = manage_token(&headers).ok_or_else(not_found)?;
    let found =
        s.db.call(move |c| store::find(c, &reference, &token))
            .await
            .map_err(|e| ApiError::internal("find booking", e))?;
    let b = found.ok_or_else(not_found)?;
    Ok(Json(view(&s, &b, Utc::now())).into_response())
}

/// Cancels: free before the deadline (start − the clinic's notice), still possible after it but
/// marked late, and the answer says so; the clinic may charge for a late cancellation.
pub async fn cancel(
    State(s): State<AppState>,
    axum::extract::Path(reference): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let token = manage_token(&headers).ok_or_else(not_found)?;
    let result =
        s.db.call(move |c| {
            let Some(b) = store::find(c, &reference, &token)? else { return Ok(Err(not_found())) };
            let now = Utc::now();
            if b.status == "cancelled" {
                return Ok(Ok((b, now)));
            }
            if jazylu_core::booking::visit_started(b.start, now) {
                return Ok(Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "visit_started",
                    "the visit has already started or passed",
                )));
            }
            let late = past_deadline(b.cancel_deadline, now);
            store::cancel(c, b.id, late, now)?;
            tracing::info!(reference = %b.reference, "booking cancelled");
            Ok(store::find(c, &reference, &token)?.map(|b| (b, now)).ok_or_else(not_found))
        })
        .await
        .map_err(|e| ApiError::internal("cancel booking", e))?;
    let (b, now) = result?;
    Ok(Json(view(&s, &b, now)).into_response())
}

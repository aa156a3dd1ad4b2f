//! The booking inbox: the list by day, one booking in full, and the call centre's actions.

use super::Staff;
use crate::error::{ApiError, AppJson};
use crate::inbox::{self, Filter, Refusal};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{DateTime, TimeDelta, Utc};
use jazylu_api::{CancelByClinic, ErrorBody, Inbox, MarkAttendance, Move, RevealedIin, StaffBooking, Status};
use jazylu_core::catalogue::DoctorId;
use jazylu_core::clock::{parse_date, parse_instant};
use serde::Deserialize;

/// Days the list covers when not told: today and the next 7.
const DEFAULT_DAYS: i64 = 8;
/// The longest list or export, in days.
const MAX_DAYS: i64 = 366;
/// A cancellation's reason, in characters.
const REASON_CHARS: usize = 500;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The first clinic date (default: today).
    #[param(value_type = Option<String>, format = Date)]
    from: Option<String>,
    /// How many dates (default 8).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 366)]
    days: Option<String>,
    #[param(value_type = Option<Status>)]
    status: Option<String>,
    /// A doctor's id.
    #[param(value_type = Option<String>, pattern = "^[a-z0-9_-]{1,64}$")]
    doctor: Option<String>,
}

fn bad_query() -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "query_invalid",
        "from is YYYY-MM-DD, days 1 to 366, status requested, confirmed or cancelled, doctor an id",
    )
}

fn filter(s: &AppState, q: &ListQuery) -> Result<(Filter, String, String), ApiError> {
    let served = s.served();
    let zone = &served.catalogue.clinic().time_zone;
    // A parameter given is a parameter meant: an empty or wrong one is a 400, not the default.
    let from = match q.from.as_deref() {
        Some(f) => parse_date(f).ok_or_else(bad_query)?,
        None => zone.today(Utc::now()),
    };
    let days = match q.days.as_deref() {
        Some(d) => d.parse::<i64>().ok().filter(|d| (1..=MAX_DAYS).contains(d)).ok_or_else(bad_query)?,
        None => DEFAULT_DAYS,
    };
    let status = q.status.as_deref().map(|st| Status::parse(st).ok_or_else(bad_query)).transpose()?;
    let doctor = q.doctor.as_deref().map(|d| DoctorId::parse(d).ok_or_else(bad_query)).transpose()?;
    let to = from + TimeDelta::days(days - 1);
    let start = zone.midnight(from).ok_or_else(bad_query)?;
    let end = zone.midnight(to).ok_or_else(bad_query)? + TimeDelta::days(1);
    let doctor = doctor.map(|d| d.to_string());
    Ok((Filter { from: start, to: end, status, doctor }, from.to_string(), to.to_string()))
}

/// The bookings by day: requests first, then by start; today and the next 7 days unless told.
#[utoipa::path(
    get,
    path = "/bookings",
    operation_id = "staff_list_bookings",
    security(("staffToken" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "the bookings starting on those dates", body = Inbox),
        (status = 400, description = "query_invalid", body = ErrorBody),
        (status = 401, description = "staff_token_required", body = ErrorBody),
    )
)]
pub async fn list(
    State(s): State<AppState>,
    _: Staff,
    Query(q): Query<ListQuery>,
) -> Result<Json<Inbox>, ApiError> {
    let (f, from, to) = filter(&s, &q)?;
    let served = s.served();
    let bookings =
        s.db.call(move |c| inbox::list(c, &f, &served.catalogue))
            .await
            .map_err(|e| ApiError::internal("inbox", e))?;
    Ok(Json(Inbox { from, to, bookings }))
}

/// The same bookings as CSV for a spreadsheet (UTF-8 with a BOM, `;`, formulas neutralised).
#[utoipa::path(
    get,
    path = "/bookings.csv",
    operation_id = "staff_export_bookings",
    security(("staffToken" = [])),
    params(ListQuery),
    responses(
        (status = 200, description = "one row per booking", content_type = "text/csv", body = String),
        (status = 400, description = "query_invalid", body = ErrorBody),
        (status = 401, description = "staff_token_required", body = ErrorBody),
    )
)]
pub async fn export(
    State(s): State<AppState>,
    _: Staff,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let (f, from, to) = filter(&s, &q)?;
    let served = s.served();
    let csv =
        s.db.call(move |c| Ok(crate::export::csv(c, &f, &served.catalogue)))
            .await
            .map_err(|e| ApiError::internal("export", e))?
            .map_err(|e| ApiError::internal("export", e))?;
    let name = format!("attachment; filename=\"bookings-{from}-{to}.csv\"");
    Ok((
        [(header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, name)],
        csv,
    )
        .into_response())
}

fn refusal(r: Refusal) -> ApiError {
    let (status, code, message) = match r {
        Refusal::NotFound => return ApiError::not_found(),
        Refusal::Cancelled => (StatusCode::CONFLICT, "booking_cancelled", "the booking is cancelled"),
        Refusal::Erased => (StatusCode::CONFLICT, "booking_erased", "the person's data were erased"),
        Refusal::Started => {
            (StatusCode::CONFLICT, "visit_started", "the visit has already started or passed")
        }
        Refusal::NotYet => {
            (StatusCode::CONFLICT, "visit_not_yet", "attendance is marked from the visit's day on")
        }
        Refusal::Slot(e) => {
            let status = if e == jazylu_core::availability::SlotError::Taken {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return ApiError::new(status, e.code(), "this time cannot be booked");
        }
        Refusal::Db(e) => return ApiError::internal("staff action", e),
    };
    ApiError::new(status, code, message)
}

async fn detail(s: &AppState, reference: String) -> Result<Json<StaffBooking>, ApiError> {
    let served = s.served();
    s.db.call(move |c| inbox::detail(c, &reference, &served.catalogue))
        .await
        .map_err(|e| ApiError::internal("booking", e))?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// Runs one action in the database, then answers the booking as it is now.
async fn act(
    s: &AppState,
    reference: String,
    action: impl FnOnce(&mut rusqlite::Connection, &jazylu_core::Catalogue, DateTime<Utc>) -> Result<(), Refusal>
        + Send
        + 'static,
) -> Result<Json<StaffBooking>, ApiError> {
    let served = s.served();
    s.db.call(move |c| Ok(action(c, &served.catalogue, Utc::now())))
        .await
        .map_err(|e| ApiError::internal("staff action", e))?
        .map_err(refusal)?;
    detail(s, reference).await
}

/// All of one booking: people (IIN masked), consents, channel and utm, history.
#[utoipa::path(
    get,
    path = "/bookings/{reference}",
    operation_id = "staff_show_booking",
    security(("staffToken" = [])),
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    responses(
        (status = 200, description = "the booking", body = StaffBooking),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
    )
)]
pub async fn show(
    State(s): State<AppState>,
    _: Staff,
    Path(reference): Path<String>,
) -> Result<Json<StaffBooking>, ApiError> {
    detail(&s, reference).await
}

/// The IINs in full; the reveal is recorded in the audit under the token's label.
#[utoipa::path(
    post,
    path = "/bookings/{reference}/iin",
    operation_id = "staff_reveal_iin",
    security(("staffToken" = [])),
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    responses(
        (status = 200, description = "the IINs", body = RevealedIin),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "booking_erased", body = ErrorBody),
    )
)]
pub async fn reveal(
    State(s): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
) -> Result<Json<RevealedIin>, ApiError> {
    let served = s.served();
    let revealed =
        s.db.call(move |c| Ok(inbox::reveal(c, &reference, &staff.label, &served.catalogue, Utc::now())))
            .await
            .map_err(|e| ApiError::internal("reveal", e))?
            .map_err(refusal)?;
    Ok(Json(revealed))
}

/// Confirms a request (a confirmed booking stays so).
#[utoipa::path(
    post,
    path = "/bookings/{reference}/confirm",
    operation_id = "staff_confirm_booking",
    security(("staffToken" = [])),
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    responses(
        (status = 200, description = "confirmed", body = StaffBooking),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "booking_cancelled or booking_erased", body = ErrorBody),
    )
)]
pub async fn confirm(
    State(s): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
) -> Result<Json<StaffBooking>, ApiError> {
    let r = reference.clone();
    act(&s, reference, move |c, cat, now| inbox::confirm(c, &r, &staff.label, cat, now)).await
}

/// Cancelled by the clinic, with a reason; the visitor's manage page says the clinic cancelled.
#[utoipa::path(
    post,
    path = "/bookings/{reference}/cancel",
    operation_id = "staff_cancel_booking",
    security(("staffToken" = [])),
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    request_body = CancelByClinic,
    responses(
        (status = 200, description = "cancelled", body = StaffBooking),
        (status = 400, description = "json_invalid", body = ErrorBody),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "booking_cancelled or booking_erased", body = ErrorBody),
        (status = 415, description = "unsupported_media_type: send application/json", body = ErrorBody),
        (status = 422, description = "reason_invalid: 1 to 500 characters", body = ErrorBody),
    )
)]
pub async fn cancel(
    State(s): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    AppJson(body): AppJson<CancelByClinic>,
) -> Result<Json<StaffBooking>, ApiError> {
    let reason = body.reason.trim().to_string();
    if reason.is_empty() || reason.chars().count() > REASON_CHARS {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "reason_invalid",
            "give a reason of 1 to 500 characters",
        ));
    }
    let r = reference.clone();
    act(&s, reference, move |c, cat, now| inbox::cancel(c, &r, &reason, &staff.label, cat, now)).await
}

/// To another free time or doctor, checked by the booking rules and claimed atomically.
#[utoipa::path(
    post,
    path = "/bookings/{reference}/move",
    operation_id = "staff_move_booking",
    security(("staffToken" = [])),
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    request_body = Move,
    responses(
        (status = 200, description = "moved", body = StaffBooking),
        (status = 400, description = "json_invalid", body = ErrorBody),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "slot_taken, visit_started, booking_cancelled or booking_erased", body = ErrorBody),
        (status = 415, description = "unsupported_media_type: send application/json", body = ErrorBody),
        (status = 422, description = "the slot's problem: doctor_not_for_service, in_the_past, too_soon, beyond_horizon, clinic_closed, outside_hours", body = ErrorBody),
    )
)]
pub async fn move_to(
    State(s): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    AppJson(body): AppJson<Move>,
) -> Result<Json<StaffBooking>, ApiError> {
    let start = parse_instant(&body.start).ok_or_else(|| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "outside_hours", "start is not an RFC 3339 time")
    })?;
    let r = reference.clone();
    act(&s, reference, move |c, cat, now| inbox::move_to(c, &r, &body.doctor, start, &staff.label, cat, now))
        .await
}

/// Arrived or no-show, from the visit's day on.
#[utoipa::path(
    post,
    path = "/bookings/{reference}/attendance",
    operation_id = "staff_mark_attendance",
    security(("staffToken" = [])),
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    request_body = MarkAttendance,
    responses(
        (status = 200, description = "marked", body = StaffBooking),
        (status = 400, description = "json_invalid", body = ErrorBody),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "visit_not_yet, booking_cancelled or booking_erased", body = ErrorBody),
        (status = 415, description = "unsupported_media_type: send application/json", body = ErrorBody),
    )
)]
pub async fn attendance(
    State(s): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
    AppJson(body): AppJson<MarkAttendance>,
) -> Result<Json<StaffBooking>, ApiError> {
    let r = reference.clone();
    act(&s, reference, move |c, cat, now| inbox::mark(c, &r, body.attendance, &staff.label, cat, now)).await
}

/// On withdrawal of consent: the person's data are erased from every booking made for them;
/// times, services and the audit stay.
#[utoipa::path(
    post,
    path = "/bookings/{reference}/erase",
    operation_id = "staff_erase_person",
    security(("staffToken" = [])),
    params(("reference" = String, Path, pattern = "^JZ-[2-9A-Z]{6}$")),
    responses(
        (status = 200, description = "erased", body = StaffBooking),
        (status = 401, description = "staff_token_required", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "booking_erased: already", body = ErrorBody),
    )
)]
pub async fn erase(
    State(s): State<AppState>,
    staff: Staff,
    Path(reference): Path<String>,
) -> Result<Json<StaffBooking>, ApiError> {
    let r = reference.clone();
    act(&s, reference, move |c, cat, now| {
        inbox::erase(c, &r, &staff.label, cat, now).map(|n| {
            tracing::info!(bookings = n, "a person's data erased");
        })
    })
    .await
}

//! Free appointment slots: which starts each doctor can still take for a service, and whether one
//! requested start can be booked.
//!
//! Everything is reckoned in clinic time, the catalogue's fixed offset, never the device's zone.
//! No I/O: callers pass in "now" and the busy intervals. `free_slots` shows the widget what to
//! offer; `check_slot` is what the server asks before it accepts a booking. Both rest on the same
//! day grid and the same tests, so a start is accepted exactly when it would have been offered.
//!
//! The lists here are short (a handful of doctors, a few dozen slots a day), and the code stays
//! away from std's sort and maps: they would add kilobytes to the wasm for nothing. Output comes
//! out in order by construction.

use crate::catalogue::{Catalogue, Doctor, DoctorId, Service};
use crate::clock::midnight;
use crate::clock::Span;
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, TimeDelta, Utc};
use std::fmt;

/// A doctor's appointment or other booked time, as the endpoint reports it (no personal data).
/// Half-open, `[start, end)`; an interval with `end <= start` is empty and blocks nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    pub doctor: DoctorId,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Busy {
    /// Whether this keeps `doctor` from `[from, to)`: their own, non-empty, and overlapping.
    pub fn blocks(&self, doctor: &DoctorId, from: DateTime<Utc>, to: DateTime<Utc>) -> bool {
        &self.doctor == doctor && self.start < self.end && self.start < to && from < self.end
    }
}

impl Busy {
    /// A busy interval as the endpoint sends it; `None` if it does not read.
    pub fn from_wire(b: &jazylu_api::BusyTime) -> Option<Busy> {
        let at = crate::clock::parse_instant;
        Some(Busy { doctor: DoctorId::parse(&b.doctor)?, start: at(&b.start)?, end: at(&b.end)? })
    }

    /// As the endpoint sends it, in clinic time.
    pub fn to_wire(&self, zone: chrono::FixedOffset) -> jazylu_api::BusyTime {
        jazylu_api::BusyTime {
            doctor: self.doctor.to_string(),
            start: self.start.with_timezone(&zone).to_rfc3339(),
            end: self.end.with_timezone(&zone).to_rfc3339(),
        }
    }
}

/// Whom the visitor wants to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DoctorChoice {
    /// Whichever of the service's doctors is free.
    Any,
    /// This doctor only; no slots at all if they do not provide the service.
    One(DoctorId),
}

/// A bookable start for one doctor; the visit is `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slot {
    pub doctor: DoctorId,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Why a requested start cannot be booked; `code()` gives a stable snake_case string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlotError {
    /// The service is not in this catalogue (for instance, a stale id).
    UnknownService,
    /// The doctor does not provide the service, or is not in the catalogue.
    DoctorNotForService,
    /// The start is before now.
    InThePast,
    /// The start is less than the clinic's minimum notice after now.
    TooSoon,
    /// The start's clinic date is more than the booking horizon after today.
    BeyondHorizon,
    /// A holiday, or a date on which the doctor does not work at all.
    ClinicClosed,
    /// Not one of the doctor's slot starts that day: off the grid, or the visit would not fit
    /// before a break or the end of the hours.
    OutsideHours,
    /// The visit overlaps the doctor's booked time.
    Taken,
}

impl SlotError {
    pub fn code(self) -> &'static str {
        match self {
            SlotError::UnknownService => "unknown_service",
            SlotError::DoctorNotForService => "doctor_not_for_service",
            SlotError::InThePast => "in_the_past",
            SlotError::TooSoon => "too_soon",
            SlotError::BeyondHorizon => "beyond_horizon",
            SlotError::ClinicClosed => "clinic_closed",
            SlotError::OutsideHours => "outside_hours",
            SlotError::Taken => "slot_taken",
        }
    }
}

impl SlotError {
    /// The same code as a field problem of a booking request.
    pub fn field_code(self) -> jazylu_api::FieldCode {
        use jazylu_api::FieldCode as C;
        match self {
            SlotError::UnknownService => C::UnknownService,
            SlotError::DoctorNotForService => C::DoctorNotForService,
            SlotError::InThePast => C::InThePast,
            SlotError::TooSoon => C::TooSoon,
            SlotError::BeyondHorizon => C::BeyondHorizon,
            SlotError::ClinicClosed => C::ClinicClosed,
            SlotError::OutsideHours => C::OutsideHours,
            SlotError::Taken => C::SlotTaken,
        }
    }
}

impl fmt::Display for SlotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The free slots of `service` on the clinic dates `from..=to` (both inclusive), ordered by start
/// and, at equal starts, by the doctor's position in `service.doctors`.
///
/// A slot starts at the start of one of the doctor's working spans of that date or a whole number
/// of visit lengths after it, and the whole visit fits inside that span. Holidays have none. A
/// slot starts at least the minimum notice after `now`, lies on or before the last date of the
/// booking horizon, and overlaps none of its doctor's `busy` intervals. A service that is not in
/// `cat` has no slots.
pub fn free_slots(
    cat: &Catalogue,
    service: &Service,
    doctor: &DoctorChoice,
    busy: &[Busy],
    now: DateTime<Utc>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Slot> {
    let Some(rules) = Rules::new(cat, service, now) else {
        return Vec::new();
    };
    // Before today every start is past; after the horizon nothing may be booked.
    let (from, to) = (from.max(rules.today), to.min(rules.last_day));
    if from > to {
        return Vec::new();
    }
    let mut lists = Vec::new();
    for id in &service.doctors {
        if matches!(doctor, DoctorChoice::One(one) if one != id) {
            continue;
        }
        if let Some(d) = cat.doctor(id.as_str()) {
            lists.push(rules.doctor_slots(d, busy, from, to));
        }
    }
    merge(lists)
}

/// Whether `doctor` can see a visitor for `service` starting at `start`: the slot, or the first
/// reason against it. `Ok` exactly when `free_slots` for that doctor and that clinic date offers
/// `start`.
pub fn check_slot(
    cat: &Catalogue,
    service: &Service,
    doctor: &DoctorId,
    start: DateTime<Utc>,
    busy: &[Busy],
    now: DateTime<Utc>,
) -> Result<Slot, SlotError> {
    let rules = Rules::new(cat, service, now).ok_or(SlotError::UnknownService)?;
    let doc = match cat.doctor(doctor.as_str()) {
        Some(d) if service.doctors.contains(doctor) => d,
        _ => return Err(SlotError::DoctorNotForService),
    };
    if start < now {
        return Err(SlotError::InThePast);
    }
    if !rules.early_enough(start) {
        return Err(SlotError::TooSoon);
    }
    let date = start.with_timezone(&rules.offset).date_naive();
    if date > rules.last_day {
        return Err(SlotError::BeyondHorizon);
    }
    let spans = day_spans(cat, doc, date);
    if spans.is_empty() {
        return Err(SlotError::ClinicClosed);
    }
    let midnight = midnight(rules.offset, date).ok_or(SlotError::OutsideHours)?;
    let end = grid(&spans, rules.minutes)
        .filter_map(|m| rules.visit_at(midnight, m))
        .find(|(s, _)| *s == start)
        .map(|(_, e)| e)
        .ok_or(SlotError::OutsideHours)?;
    if busy.iter().any(|b| b.blocks(doctor, start, end)) {
        return Err(SlotError::Taken);
    }
    Ok(Slot { doctor: doctor.clone(), start, end })
}

/// What `free_slots` and `check_slot` share, worked out once from the catalogue and "now".
struct Rules<'a> {
    cat: &'a Catalogue,
    offset: FixedOffset,
    /// The visit length in minutes, which is also the step between starts.
    minutes: u16,
    visit: TimeDelta,
    /// The first instant that may still be booked; `None` when it lies beyond what chrono can
    /// represent, and so nothing may be.
    earliest: Option<DateTime<Utc>>,
    /// The clinic's date now.
    today: NaiveDate,
    /// The last clinic date that may be booked.
    last_day: NaiveDate,
}

impl<'a> Rules<'a> {
    /// `None` when `service` is not in the catalogue.
    fn new(cat: &'a Catalogue, service: &Service, now: DateTime<Utc>) -> Option<Rules<'a>> {
        cat.service(service.id.as_str())?;
        let clinic = cat.clinic();
        let policies = &clinic.policies;
        // VisitMinutes is 5..=60; the guard only keeps `step_by` away from zero.
        let minutes = u16::from(service.duration.get()).max(1);
        let today = clinic.time_zone.today(now);
        Some(Rules {
            cat,
            offset: clinic.time_zone.offset(),
            minutes,
            visit: TimeDelta::try_minutes(i64::from(minutes))?,
            earliest: TimeDelta::try_minutes(i64::from(policies.min_notice_min))
                .and_then(|notice| now.checked_add_signed(notice)),
            today,
            last_day: today
                .checked_add_days(Days::new(u64::from(policies.horizon_days)))
                .unwrap_or(NaiveDate::MAX),
        })
    }

    fn early_enough(&self, start: DateTime<Utc>) -> bool {
        self.earliest.is_some_and(|e| start >= e)
    }

    /// The visit that starts `m` minutes after the clinic midnight `midnight`.
    fn visit_at(&self, midnight: DateTime<Utc>, m: u16) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let start = midnight.checked_add_signed(TimeDelta::try_minutes(i64::from(m))?)?;
        Some((start, start.checked_add_signed(self.visit)?))
    }

    /// One doctor's free slots on the dates `from..=to` (already within today..=last_day), in
    /// order.
    fn doctor_slots(&self, doctor: &Doctor, busy: &[Busy], from: NaiveDate, to: NaiveDate) -> Vec<Slot> {
        let mut out = Vec::new();
        let (Some(window_start), Some(window_end)) =
            (midnight(self.offset, from), to.succ_opt().and_then(|d| midnight(self.offset, d)))
        else {
            return out;
        };
        let taken = merged_busy(busy, &doctor.id, window_start, window_end);
        // Starts only grow, so the first taken interval that may still matter only moves on.
        let mut next = 0;
        let mut date = from;
        loop {
            let spans = day_spans(self.cat, doctor, date);
            if let Some(day0) = midnight(self.offset, date).filter(|_| !spans.is_empty()) {
                for (start, end) in grid(&spans, self.minutes).filter_map(|m| self.visit_at(day0, m)) {
                    while taken.get(next).is_some_and(|&(_, e)| e <= start) {
                        next += 1;
                    }
                    let free = taken.get(next).is_none_or(|&(s, _)| end <= s);
                    if free && self.early_enough(start) {
                        out.push(Slot { doctor: doctor.id.clone(), start, end });
                    }
                }
            }
            match date.succ_opt() {
                Some(d) if date < to => date = d,
                _ => break,
            }
        }
        out
    }
}

/// A doctor's working spans on a clinic date, in order: none on a holiday, else the exception for
/// that date if there is one (empty on a day off), else the weekly hours of that weekday.
fn day_spans(cat: &Catalogue, doctor: &Doctor, date: NaiveDate) -> Vec<Span> {
    if cat.is_holiday(date) {
        return Vec::new();
    }
    match doctor.exceptions.iter().find(|e| e.date() == date) {
        Some(e) => e.spans(),
        None => doctor.schedule.spans_on(date.weekday()),
    }
}

/// The slot starts of a day, in minutes since midnight and in order: each span's start and every
/// `step` minutes after it, as long as a visit of `step` minutes still ends within the span.
fn grid(spans: &[Span], step: u16) -> impl Iterator<Item = u16> + '_ {
    spans.iter().flat_map(move |s| {
        let (start, end) = (s.start().minutes(), s.end().minutes());
        (start..end).step_by(usize::from(step)).take_while(move |m| m + step <= end)
    })
}

/// The non-empty busy intervals of `doctor` that reach into `[from, to)`, ordered and merged
/// where they overlap or touch, so that they are disjoint and increasing.
fn merged_busy(
    busy: &[Busy],
    doctor: &DoctorId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut sorted: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for b in busy {
        if b.blocks(doctor, from, to) {
            let at = sorted.partition_point(|x| x.0 <= b.start);
            sorted.insert(at, (b.start, b.end));
        }
    }
    let mut merged: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(sorted.len());
    for (s, e) in sorted {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The days with a free slot, in clinic time (`zone`), in order and each once.
pub fn free_days(slots: &[Slot], zone: FixedOffset) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = slots.iter().map(|s| s.start.with_timezone(&zone).date_naive()).collect();
    days.dedup();
    days
}

/// The months a calendar of `free` days shows (each as its first day): from this month to the
/// last free day's, without a month that has no free day.
pub fn calendar_months(today: NaiveDate, free: &[NaiveDate]) -> Vec<NaiveDate> {
    let Some(&last) = free.last() else { return Vec::new() };
    let mut months = Vec::new();
    let mut start = today.with_day(1).unwrap_or(today);
    while start <= last {
        let next = start.checked_add_months(chrono::Months::new(1)).unwrap_or(last + Days::new(1));
        if free.iter().any(|d| *d >= start && *d < next) {
            months.push(start);
        }
        start = next;
    }
    months
}

/// Merges per-doctor lists (each ordered by start, given in the order of `service.doctors`) into
/// one ordered by start and, at equal starts, by list.
fn merge(lists: Vec<Vec<Slot>>) -> Vec<Slot> {
    if lists.len() <= 1 {
        return lists.into_iter().next().unwrap_or_default();
    }
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    let mut heads: Vec<_> = lists.into_iter().map(|l| l.into_iter().peekable()).collect();
    loop {
        let mut best: Option<(usize, DateTime<Utc>)> = None;
        for (i, h) in heads.iter_mut().enumerate() {
            if let Some(s) = h.peek() {
                // Strictly earlier only: at equal starts the earlier doctor keeps its place.
                if best.is_none_or(|(_, b)| s.start < b) {
                    best = Some((i, s.start));
                }
            }
        }
        match best.and_then(|(i, _)| heads.get_mut(i)).and_then(Iterator::next) {
            Some(slot) => out.push(slot),
            None => break,
        }
    }
    out
}

/// The clinic dates a request for the doctors' busy time covers: from `from` to `to`, at most
/// as many as a booking may fall on (`Policies::window_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Window {
    /// The whole booking horizon from the clinic's today: what the widget asks for.
    pub fn horizon(cat: &Catalogue, now: DateTime<Utc>) -> Window {
        let today = cat.clinic().time_zone.today(now);
        let days = cat.clinic().policies.window_days();
        Window { from: today, to: today.checked_add_days(Days::new(u64::from(days - 1))).unwrap_or(today) }
    }

    /// `from` as `YYYY-MM-DD` and `days`, 1 to the catalogue's `window_days`, as a request gives them.
    pub fn parse(from: &str, days: &str, cat: &Catalogue) -> Option<Window> {
        let from = crate::clock::parse_date(from)?;
        let days =
            days.parse::<u32>().ok().filter(|d| (1..=cat.clinic().policies.window_days()).contains(d))?;
        Some(Window { from, to: from.checked_add_days(Days::new(u64::from(days - 1)))? })
    }

    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

#[cfg(test)]
mod tests;

//! A booking the visitor holds: made (the endpoint's `201`, with the manage token) or looked up
//! for the manage page (the token is the visitor's own).

use crate::booking::visit_started;
use crate::catalogue::{past_deadline, Catalogue};
use crate::clock::parse_instant;
use crate::confirmation::{ics_data_url, CalendarEvent};
use crate::{Lang, Tenge};
use chrono::{DateTime, Utc};
use jazylu_api::{BookingView, Created, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub reference: String,
    /// The secret that opens the manage page; travels in the link's fragment, never to a log.
    pub token: String,
    pub status: Status,
    pub service: String,
    pub doctor: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub price: i64,
    pub cancel_deadline: DateTime<Utc>,
    pub cancelled_late: bool,
    /// The clinic cancelled it, or moved it to the time and doctor above.
    pub by_clinic: ByClinic,
}

/// What the clinic did to a booking, as its manage page says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ByClinic {
    #[default]
    Nothing,
    Cancelled,
    Moved,
}

impl Receipt {
    /// The price the booking was made at.
    pub fn price(&self) -> Option<Tenge> {
        Tenge::new(self.price)
    }

    /// Whether the visitor may still cancel: not cancelled, and the visit not started.
    pub fn cancellable(&self, now: DateTime<Utc>) -> bool {
        self.status != Status::Cancelled && !visit_started(self.start, now)
    }

    /// Whether cancelling now comes after the deadline the visitor was given.
    pub fn past_deadline(&self, now: DateTime<Utc>) -> bool {
        past_deadline(self.cancel_deadline, now)
    }

    /// The add-to-calendar file of this booking as a `data:` URL: the service at the clinic, its
    /// address, and the first-visit rule with the reference.
    pub fn calendar_url(&self, cat: &Catalogue, lang: Lang, now: DateTime<Utc>) -> String {
        let w = jazylu_i18n::words(lang);
        let clinic = cat.clinic();
        let name = cat.service(&self.service).map_or("", |s| s.name.get(lang));
        let first = cat.phrased(lang).confirmation.iter().take(2).cloned().collect::<Vec<_>>().join(" ");
        ics_data_url(&CalendarEvent {
            reference: &self.reference,
            start: self.start,
            end: self.end,
            title: &format!("{name} — {}", clinic.name.get(lang)),
            location: clinic.address.get(lang),
            description: &format!("{first} {}: {}", w.reference, self.reference),
            created: now,
        })
    }

    /// The answer to `POST /api/bookings`; `None` if its times do not read.
    pub fn created(c: Created) -> Option<Receipt> {
        Some(Receipt {
            start: parse_instant(&c.start)?,
            end: parse_instant(&c.end)?,
            cancel_deadline: parse_instant(&c.cancel_deadline)?,
            reference: c.reference,
            token: c.manage_token,
            status: c.status,
            service: c.service,
            doctor: c.doctor,
            price: c.price,
            cancelled_late: false,
            by_clinic: ByClinic::Nothing,
        })
    }

    /// The answer to `GET /api/bookings/{ref}` (or its cancel), opened with `token`.
    pub fn viewed(v: BookingView, token: String) -> Option<Receipt> {
        Some(Receipt {
            start: parse_instant(&v.start)?,
            end: parse_instant(&v.end)?,
            cancel_deadline: parse_instant(&v.cancel_deadline)?,
            reference: v.reference,
            token,
            status: v.status,
            service: v.service,
            doctor: v.doctor,
            price: v.price,
            cancelled_late: v.cancelled_late,
            by_clinic: match (v.cancelled_by_clinic, v.moved_by_clinic) {
                (true, _) => ByClinic::Cancelled,
                (false, true) => ByClinic::Moved,
                _ => ByClinic::Nothing,
            },
        })
    }
}

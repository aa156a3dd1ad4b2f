//! What the embedding page may learn of a visit, for its analytics: the way through the booking,
//! never who the patient is (no name, phone, IIN or anything else typed).

use super::{Failure, Flow, Net, Step};
use crate::clock::Instant;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The widget shows the clinic's prices.
    Viewed,
    ServiceSelected {
        service: String,
    },
    SlotSelected {
        service: String,
        doctor: String,
        start: DateTime<Utc>,
    },
    Submitted {
        reference: String,
    },
    /// A stable code only: a field's (`iin_checksum`), `slot_taken`, or the request's (`network`).
    Failed {
        code: &'static str,
    },
}

impl Event {
    /// The DOM event's type, and the `type` of the message a frame posts.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Viewed => "jazylu:viewed",
            Event::ServiceSelected { .. } => "jazylu:service-selected",
            Event::SlotSelected { .. } => "jazylu:slot-selected",
            Event::Submitted { .. } => "jazylu:submitted",
            Event::Failed { .. } => "jazylu:failed",
        }
    }

    /// The event's fields, each a string.
    pub fn detail(&self) -> Vec<(&'static str, String)> {
        match self {
            Event::Viewed => vec![],
            Event::ServiceSelected { service } => vec![("service", service.clone())],
            Event::SlotSelected { service, doctor, start } => {
                vec![
                    ("service", service.clone()),
                    ("doctor", doctor.clone()),
                    ("start", Instant(*start).to_string()),
                ]
            }
            Event::Submitted { reference } => vec![("reference", reference.clone())],
            Event::Failed { code } => vec![("code", (*code).to_string())],
        }
    }
}

impl Failure {
    pub fn code(self) -> &'static str {
        match self {
            Failure::Network => "network",
            Failure::Server => "server",
            Failure::NotFound => "not_found",
            Failure::VisitStarted => "visit_started",
            Failure::TooMany => "too_many_requests",
        }
    }
}

impl Flow {
    /// The time just chosen, if any.
    pub fn slot_event(&self) -> Option<Event> {
        let (doctor, start) = self.slot.clone()?;
        Some(Event::SlotSelected { service: self.form.service.clone(), doctor, start })
    }

    /// What the endpoint's answer to the booking came to: its reference, or why it failed.
    pub fn outcome(&self) -> Option<Event> {
        if self.step == Step::Done {
            let reference = self.receipt.as_ref()?.reference.clone();
            return Some(Event::Submitted { reference });
        }
        let code = match (&self.net, self.errors.first(), self.slot_notice) {
            (Net::Failed(why), ..) => why.code(),
            (_, Some(e), _) => e.code.as_str(),
            (_, None, Some(notice)) => notice.as_str(),
            _ => return None,
        };
        Some(Event::Failed { code })
    }
}

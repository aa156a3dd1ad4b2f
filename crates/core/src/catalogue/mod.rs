//! The clinic's published catalogue: clinic, categories, doctors, services, holidays.
//!
//! A `Catalogue` is made by `Catalogue::parse`, which reports every problem of the file at once,
//! so every value inside one is known to be valid. It serialises back to the same document
//! shape, which is what `GET /api/catalog` serves. `Deserialize` reads that published shape back
//! and trusts it (the widget's side: the endpoint publishes only what passed `parse`); anything
//! else goes through `parse`.

mod check;
mod problem;
mod read;
mod schedule;

pub use problem::{Problem, ProblemCode};
pub use schedule::{Exception, ScheduleEntry, WeeklySchedule};

use crate::clock::{iso_date, ClinicZone};
use crate::ident::Bin;
use crate::money::Tenge;
use crate::phone::Phone;
use crate::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A text in each of the widget's languages, none of them blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    kk: String,
    ru: String,
    en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Lower-case ASCII letters, digits, `-` and `_`, 1 to 64 of them: safe in URLs,
            /// HTML attributes and file names.
            pub fn parse(s: &str) -> Option<Self> {
                let ok = (1..=64).contains(&s.len())
                    && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
                ok.then(|| Self(s.to_string()))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(CategoryId);
id_type!(DoctorId);
id_type!(ServiceId);

/// Length of one visit: 5 to 60 minutes [public offer 3.2].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VisitMinutes(u8);

impl VisitMinutes {
    pub const RANGE: std::ops::RangeInclusive<i64> = 5..=60;

    pub fn new(n: i64) -> Option<VisitMinutes> {
        Self::RANGE.contains(&n).then_some(VisitMinutes(n as u8))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policies {
    pub cancel_notice_hours: u32,
    pub late_grace_min: u32,
    pub first_visit_arrive_early_min: u32,
    /// How long before a slot's start booking closes.
    pub min_notice_min: u32,
    /// How many days ahead a visitor may book.
    pub horizon_days: u32,
    /// Bookings are `confirmed` at once instead of `requested`.
    pub auto_confirm: bool,
    /// Live future bookings one patient (by IIN), or one contact phone, may hold at a time.
    pub max_live_bookings: u32,
}

/// Whether `now` comes after a free-cancellation deadline; at the deadline itself it is free.
pub fn past_deadline(deadline: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> bool {
    now > deadline
}

impl Policies {
    /// The clinic dates a booking may fall on, today and the horizon's last day included: what
    /// the widget asks the doctors' busy time for, and the most `GET /api/availability` answers.
    pub fn window_days(&self) -> u32 {
        self.horizon_days.saturating_add(1)
    }

    /// The last moment to cancel or move a visit free of charge [public offer 3.9].
    pub fn cancel_deadline(&self, start: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
        start - chrono::TimeDelta::hours(i64::from(self.cancel_notice_hours))
    }

    /// Whether cancelling at `now` comes after the deadline: still allowed, but the clinic may
    /// charge for it. At the deadline itself it is still free.
    pub fn is_late(&self, start: chrono::DateTime<chrono::Utc>, now: chrono::DateTime<chrono::Utc>) -> bool {
        past_deadline(self.cancel_deadline(start), now)
    }

    /// The numbers the rules summary quotes to the visitor.
    pub fn quoted(&self) -> jazylu_i18n::Rules {
        jazylu_i18n::Rules {
            cancel_notice_hours: self.cancel_notice_hours,
            late_grace_min: self.late_grace_min,
            first_visit_arrive_early_min: self.first_visit_arrive_early_min,
        }
    }

    /// The status of a new booking: a request the call centre confirms, unless the clinic
    /// confirms online bookings at once.
    pub fn initial_status(&self) -> &'static str {
        if self.auto_confirm {
            "confirmed"
        } else {
            "requested"
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clinic {
    pub name: Text,
    pub bin: Bin,
    pub address: Text,
    pub phones: Vec<Phone>,
    pub whatsapp: Option<Phone>,
    /// The clinic's full public offer, linked from the consent checkbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_url: Option<String>,
    pub time_zone: ClinicZone,
    pub working_hours: WeeklySchedule,
    pub call_centre_hours: WeeklySchedule,
    pub policies: Policies,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: CategoryId,
    pub name: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doctor {
    pub id: DoctorId,
    pub name: Text,
    pub specialty: Text,
    pub schedule: WeeklySchedule,
    pub exceptions: Vec<Exception>,
}

/// A time-limited lower price; both dates count, in clinic time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promo {
    pub price: Tenge,
    #[serde(with = "iso_date")]
    pub from: NaiveDate,
    #[serde(with = "iso_date")]
    pub until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: ServiceId,
    pub category: CategoryId,
    pub name: Text,
    pub price: Tenge,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promo: Option<Promo>,
    #[serde(rename = "duration_min")]
    pub duration: VisitMinutes,
    pub doctors: Vec<DoctorId>,
    pub needs_informed_consent: bool,
}

/// What a service costs on a given day: the promotional price while a promotion runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PriceOn<'a> {
    pub now: Tenge,
    /// The regular price, struck through next to `now`, while a promotion runs.
    pub promo: Option<&'a Promo>,
    pub regular: Tenge,
}

impl Service {
    pub fn price_on(&self, date: NaiveDate) -> PriceOn<'_> {
        match &self.promo {
            Some(p) if p.from <= date && date <= p.until => {
                PriceOn { now: p.price, promo: Some(p), regular: self.price }
            }
            _ => PriceOn { now: self.price, promo: None, regular: self.price },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    /// A sample that the clinic is meant to replace; the widget says so.
    sample: bool,
    clinic: Clinic,
    categories: Vec<Category>,
    doctors: Vec<Doctor>,
    services: Vec<Service>,
    /// Days the clinic is closed, per year as written.
    #[serde(
        serialize_with = "schedule::serialize_holidays",
        deserialize_with = "schedule::deserialize_holidays"
    )]
    holidays: Vec<(i32, Vec<NaiveDate>)>,
}

impl Catalogue {
    /// Parses a catalogue document (JSON) and reports every problem at once.
    pub fn parse(json: &str) -> Result<Catalogue, Vec<Problem>> {
        check::check(json)
    }

    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and numbers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn is_sample(&self) -> bool {
        self.sample
    }

    pub fn clinic(&self) -> &Clinic {
        &self.clinic
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    pub fn doctors(&self) -> &[Doctor] {
        &self.doctors
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id.as_str() == id)
    }

    pub fn doctor(&self, id: &str) -> Option<&Doctor> {
        self.doctors.iter().find(|d| d.id.as_str() == id)
    }

    pub fn services_in<'a>(&'a self, category: &'a CategoryId) -> impl Iterator<Item = &'a Service> + 'a {
        self.services.iter().filter(move |s| &s.category == category)
    }

    /// What `service` costs for a visit starting at `start`: promotions count by the visit's
    /// clinic date.
    pub fn price_at<'a>(&self, service: &'a Service, start: chrono::DateTime<chrono::Utc>) -> PriceOn<'a> {
        service.price_on(self.clinic.time_zone.today(start))
    }

    /// The consent to personal-data processing with this clinic as its operator.
    pub fn consent_text(&self, w: &jazylu_i18n::Words, lang: Lang) -> String {
        let phone = self.clinic.phones.first().map(|p| p.to_string()).unwrap_or_default();
        w.personal_data(&jazylu_i18n::Operator {
            name: self.clinic.name.get(lang),
            bin: self.clinic.bin.as_str(),
            phone: &phone,
        })
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.iter().any(|(_, days)| days.contains(&date))
    }
}

#[cfg(test)]
mod tests;

//! The clinic's published catalogue: clinic, its documents, categories, doctors, services,
//! holidays.
//!
//! A `Catalogue` is made by `Catalogue::parse`, which reports every problem of the file at once,
//! so every value inside one is known to be valid. It serialises back to the same document
//! shape, which is what `GET /api/catalog` serves. `Deserialize` reads that published shape back
//! and trusts it (the widget's side: the endpoint publishes only what passed `parse`); anything
//! else goes through `parse`.

mod call_centre;
mod check;
mod draft;
mod phrased;
mod problem;
mod read;
mod schedule;

pub use draft::{entry_of, Draft};
pub use phrased::{Phrased, Texts};
pub use problem::{Problem, ProblemCode};
pub use schedule::{Exception, ScheduleEntry, WeeklySchedule};

use crate::clock::{iso_date, ClinicZone};
use crate::ident::Bin;
use crate::money::Tenge;
use crate::phone::Phone;
use crate::Lang;
use chrono::NaiveDate;
use jazylu_i18n::{Facts, Video};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A text in each of the widget's languages, none of them blank.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    // The facts below are for the texts only. The server phrases them into the catalogue's
    // `texts`; the widget reads those, so it does not read these (`skip_deserializing` keeps
    // their parsing out of the wasm) and they are not visible outside core.
    /// How much later than booked a doctor may start [public offer 3.7].
    #[serde(skip_deserializing)]
    pub(crate) max_delay_min: u32,
    /// Video in the clinic [public offer 2.3, 3.8].
    #[serde(skip_deserializing)]
    pub(crate) video_recording: Video,
    /// The footage may appear in the clinic's advertising [public offer 5.1.8].
    #[serde(skip_deserializing)]
    pub(crate) footage_in_advertising: bool,
    #[serde(skip_deserializing)]
    pub(crate) insurance_accepted: bool,
    /// Calls with the call centre may be recorded.
    #[serde(skip_deserializing)]
    pub(crate) calls_recorded: bool,
    /// A repeat visit within the calendar month costs what the first did [public offer 4.4].
    #[serde(skip_deserializing)]
    pub(crate) repeat_visit_same_price: bool,
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

/// The clinic's licence for medical activity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Licence {
    pub number: String,
    #[serde(with = "iso_date")]
    pub date: NaiveDate,
}

/// Where complaints go and how soon the clinic answers [public offer 9.1-9.3].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Complaints {
    pub whatsapp: Phone,
    pub answer_working_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clinic {
    /// The name on the sign and the price list.
    pub name: Text,
    /// The legal entity: the data operator and the party to the offer. This, the licence, the
    /// complaints and the data location are for the texts only, like the policies' facts.
    #[serde(skip_deserializing)]
    pub(crate) legal_name: Text,
    pub bin: Bin,
    #[serde(skip_deserializing)]
    pub(crate) licence: Licence,
    pub address: Text,
    pub phones: Vec<Phone>,
    pub whatsapp: Option<Phone>,
    #[serde(skip_deserializing)]
    pub(crate) complaints: Complaints,
    /// Where the booking database is, as a place name [Law 94-V art. 12].
    #[serde(skip_deserializing)]
    pub(crate) data_location: Text,
    pub time_zone: ClinicZone,
    pub working_hours: WeeklySchedule,
    pub call_centre_hours: WeeklySchedule,
    pub policies: Policies,
}

/// A version of a document as the clinic names it ("2026-11-01"): what a booking's client
/// claims it showed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Version(String);

impl Version {
    pub const MAX_CHARS: usize = 32;

    /// 1 to 32 ASCII letters, digits, `.`, `-` and `_`.
    pub fn parse(s: &str) -> Option<Version> {
        let ok = (1..=Self::MAX_CHARS).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        ok.then(|| Version(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One of the clinic's documents: its full text in each language, and where the clinic
/// publishes it, if anywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub version: Version,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub text: Text,
}

impl Document {
    /// Longest text per language, in characters.
    pub const MAX_CHARS: usize = 60_000;
}

/// The two acts a visitor accepts when booking [public offer 1.2, 1.3].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Documents {
    pub offer: Document,
    pub personal_data: Document,
}

/// Which of the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    Offer,
    PersonalData,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 2] = [DocumentKind::Offer, DocumentKind::PersonalData];

    /// As the database and the wire name it.
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::Offer => "offer",
            DocumentKind::PersonalData => "personal_data",
        }
    }
}

impl Documents {
    pub fn get(&self, kind: DocumentKind) -> &Document {
        match kind {
            DocumentKind::Offer => &self.offer,
            DocumentKind::PersonalData => &self.personal_data,
        }
    }
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
    documents: Documents,
    categories: Vec<Category>,
    doctors: Vec<Doctor>,
    services: Vec<Service>,
    /// Days the clinic is closed, per year as written.
    #[serde(
        serialize_with = "schedule::serialize_holidays",
        deserialize_with = "schedule::deserialize_holidays"
    )]
    holidays: Vec<(i32, Vec<NaiveDate>)>,
    /// The facts phrased in each language: made by `parse`, published with the catalogue.
    #[serde(default)]
    texts: Texts,
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

    /// The sentences about the clinic in `lang`.
    pub fn phrased(&self, lang: Lang) -> &Phrased {
        self.texts.get(lang)
    }

    pub fn documents(&self) -> &Documents {
        &self.documents
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

    /// The clinic's facts in `lang`, for the words to phrase (on the server: the widget has
    /// the phrased `texts` instead).
    pub(crate) fn facts(&self, lang: Lang) -> Facts<'_> {
        let c = &self.clinic;
        let p = &c.policies;
        Facts {
            legal_name: c.legal_name.get(lang),
            bin: c.bin.as_str(),
            address: c.address.get(lang),
            licence: &c.licence.number,
            licence_date: c.licence.date,
            phone: c.phones.first().map(Phone::to_string).unwrap_or_default(),
            whatsapp: c.whatsapp.as_ref().map(Phone::to_string),
            complaints_whatsapp: c.complaints.whatsapp.to_string(),
            complaints_working_days: c.complaints.answer_working_days,
            data_location: c.data_location.get(lang),
            cancel_notice_hours: p.cancel_notice_hours,
            late_grace_min: p.late_grace_min,
            first_visit_arrive_early_min: p.first_visit_arrive_early_min,
            max_delay_min: p.max_delay_min,
            video: p.video_recording,
            footage_in_advertising: p.footage_in_advertising,
            insurance_accepted: p.insurance_accepted,
            calls_recorded: p.calls_recorded,
            repeat_visit_same_price: p.repeat_visit_same_price,
        }
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.iter().any(|(_, days)| days.contains(&date))
    }
}

#[cfg(test)]
mod tests;

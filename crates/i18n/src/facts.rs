//! What the texts say about a clinic, as values: every number, name and yes-or-no comes from the
//! clinic's catalogue (core fills `Facts` in), and each language only phrases them. A second
//! clinic with other policies gets other sentences, not PRO-ЛОР's.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether the clinic records video in its rooms, and with sound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Video {
    #[default]
    None,
    Silent,
    WithSound,
}

/// The clinic's facts that the rules summary, the consent summary and the footer phrase.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    /// The data operator: the legal entity, not the trade name.
    pub legal_name: &'a str,
    pub bin: &'a str,
    pub address: &'a str,
    pub licence: &'a str,
    pub licence_date: NaiveDate,
    /// Phones as shown ("+7 700 204 10 70").
    pub phone: String,
    pub whatsapp: Option<String>,
    pub complaints_whatsapp: String,
    pub complaints_working_days: u32,
    /// Where the database is, as a place name ("Almaty, Kazakhstan").
    pub data_location: &'a str,
    pub cancel_notice_hours: u32,
    pub late_grace_min: u32,
    pub first_visit_arrive_early_min: u32,
    /// A doctor may start an appointment up to this much later, never earlier.
    pub max_delay_min: u32,
    pub video: Video,
    pub footage_in_advertising: bool,
    pub insurance_accepted: bool,
    pub calls_recorded: bool,
    /// A repeat visit to the same specialist within the calendar month costs what the first did.
    pub repeat_visit_same_price: bool,
}

/// One rule of the clinic's offer worth knowing before an appointment. A rule a clinic's facts
/// make moot (no video) has no sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Cancel,
    Late,
    Delay,
    FirstVisit,
    Bring,
    Minor,
    Payment,
    Insurance,
    VisitKinds,
    PriceOnDay,
    InformedConsent,
    Video,
    Calls,
    Reschedule,
}

impl Rule {
    /// The summary of the offer on the consents step, in this order.
    pub const SUMMARY: [Rule; 14] = [
        Rule::Cancel,
        Rule::Reschedule,
        Rule::Late,
        Rule::Delay,
        Rule::FirstVisit,
        Rule::Bring,
        Rule::Minor,
        Rule::Payment,
        Rule::Insurance,
        Rule::VisitKinds,
        Rule::PriceOnDay,
        Rule::InformedConsent,
        Rule::Video,
        Rule::Calls,
    ];
    /// What the confirmation repeats.
    pub const ON_CONFIRMATION: [Rule; 4] = [Rule::FirstVisit, Rule::Bring, Rule::Payment, Rule::Reschedule];
}

/// One point of the personal-data consent, summarised in the project's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentPoint {
    Operator,
    Data,
    Purpose,
    Recipients,
    Location,
    WhatsApp,
    Video,
    Term,
    Withdrawal,
    Representative,
}

impl ConsentPoint {
    pub const ALL: [ConsentPoint; 10] = [
        ConsentPoint::Operator,
        ConsentPoint::Data,
        ConsentPoint::Purpose,
        ConsentPoint::Recipients,
        ConsentPoint::Location,
        ConsentPoint::WhatsApp,
        ConsentPoint::Video,
        ConsentPoint::Term,
        ConsentPoint::Withdrawal,
        ConsentPoint::Representative,
    ];
}

//! The catalogue file as written by the clinic: loose types (strings, signed numbers) so that
//! every mistake reaches the checker and comes back with its path, instead of stopping serde at
//! the first one. Unknown fields are refused, so a misspelt key is not silently ignored.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    #[serde(default)]
    pub sample: bool,
    pub clinic: ClinicDoc,
    #[serde(default)]
    pub categories: Vec<CategoryDoc>,
    #[serde(default)]
    pub doctors: Vec<DoctorDoc>,
    #[serde(default)]
    pub services: Vec<ServiceDoc>,
    /// Days the clinic is closed, keyed by year ("2026": ["2026-12-16", …]).
    #[serde(default)]
    pub holidays: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextDoc {
    pub kk: Option<String>,
    pub ru: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClinicDoc {
    pub name: TextDoc,
    pub bin: String,
    pub address: TextDoc,
    pub phones: Vec<String>,
    pub whatsapp: Option<String>,
    pub time_zone: String,
    pub working_hours: Vec<ScheduleEntryDoc>,
    pub call_centre_hours: Vec<ScheduleEntryDoc>,
    #[serde(default)]
    pub policies: PoliciesDoc,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntryDoc {
    pub days: Vec<String>,
    pub hours: String,
    #[serde(default)]
    pub breaks: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionDoc {
    pub date: String,
    /// Absent: the doctor does not work that day. Present: replaces the weekly hours.
    pub hours: Option<String>,
    #[serde(default)]
    pub breaks: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PoliciesDoc {
    pub cancel_notice_hours: i64,
    pub late_grace_min: i64,
    pub first_visit_arrive_early_min: i64,
    pub min_notice_min: i64,
    pub horizon_days: i64,
    pub auto_confirm: bool,
}

impl Default for PoliciesDoc {
    /// The public offer's rules: cancel 10 h ahead, 5 min late grace, first visit 10 min early.
    fn default() -> Self {
        PoliciesDoc {
            cancel_notice_hours: 10,
            late_grace_min: 5,
            first_visit_arrive_early_min: 10,
            min_notice_min: 60,
            horizon_days: 30,
            auto_confirm: false,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDoc {
    pub id: String,
    pub name: TextDoc,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoctorDoc {
    pub id: String,
    pub name: TextDoc,
    pub specialty: TextDoc,
    pub schedule: Vec<ScheduleEntryDoc>,
    #[serde(default)]
    pub exceptions: Vec<ExceptionDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDoc {
    pub id: String,
    pub category: String,
    pub name: TextDoc,
    pub price: i64,
    pub promo: Option<PromoDoc>,
    pub duration_min: i64,
    pub doctors: Vec<String>,
    #[serde(default)]
    pub needs_informed_consent: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromoDoc {
    pub price: i64,
    pub from: String,
    pub until: String,
}

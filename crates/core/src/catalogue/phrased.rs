//! The sentences made from the clinic's facts, in each language: the offer's summary, the
//! consent's, the footer. The server phrases them once when it reads the catalogue and publishes
//! them with it, so the widget shows them without carrying the phrasing code (6 KB of its gzip
//! budget, `docs/benchmarks.md`); the server's page shows the same sentences.

use super::Catalogue;
use crate::Lang;
use jazylu_i18n::{words, Rule};
use serde::{Deserialize, Serialize};

/// What the widget says about the clinic in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phrased {
    /// The offer's main terms, above its box (`Rule::SUMMARY`).
    pub offer: Vec<String>,
    /// What the confirmation repeats (`Rule::ON_CONFIRMATION`).
    pub confirmation: Vec<String>,
    /// The first visit and what to bring, for the calendar file.
    pub first_visit: String,
    /// The personal-data consent, point by point.
    pub consent: Vec<String>,
    /// The legal entity, BIN and licence.
    pub legal: String,
    pub complaints: String,
    /// "Клиника работает: Пн–Пт 08:00–19:00; Сб 09:00–15:00".
    pub clinic_hours: String,
    pub call_centre_hours: String,
}

/// `Phrased` for each language, in `Lang::ALL`'s order (a list reads with less code than an
/// object in the widget).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Texts(Vec<Phrased>);

impl Texts {
    pub fn get(&self, lang: Lang) -> &Phrased {
        const NONE: &Phrased = &Phrased {
            offer: Vec::new(),
            confirmation: Vec::new(),
            first_visit: String::new(),
            consent: Vec::new(),
            legal: String::new(),
            complaints: String::new(),
            clinic_hours: String::new(),
            call_centre_hours: String::new(),
        };
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        self.0.get(i).unwrap_or(NONE)
    }

    /// Phrases `cat`'s facts in every language.
    pub(super) fn of(cat: &Catalogue) -> Texts {
        let one = |lang: Lang| {
            let (w, f) = (words(lang), cat.facts(lang));
            let clinic = cat.clinic();
            Phrased {
                offer: w.rules(&f, &Rule::SUMMARY),
                confirmation: w.rules(&f, &Rule::ON_CONFIRMATION),
                first_visit: w.rules(&f, &[Rule::FirstVisit, Rule::Bring]).join(" "),
                consent: w.consent_points(&f),
                legal: w.legal(&f),
                complaints: w.complaints(&f),
                clinic_hours: format!("{}: {}", w.clinic_hours, clinic.working_hours.shown(w)),
                call_centre_hours: format!("{}: {}", w.call_centre_hours, clinic.call_centre_hours.shown(w)),
            }
        };
        Texts(Lang::ALL.into_iter().map(one).collect())
    }
}

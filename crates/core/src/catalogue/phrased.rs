//! The sentences made from the clinic's facts, in each language: the offer's summary, the
//! consent's, the footer. The server phrases them once when it reads the catalogue and publishes
//! them with it, so the widget shows them without carrying the phrasing code (6 KB of its gzip
//! budget, `docs/benchmarks.md`); the server's page shows the same sentences.

use super::Catalogue;
use crate::Lang;
use jazylu_i18n::{words, Rule};
use serde::{Deserialize, Serialize};

/// What the widget says about the clinic in one language. Published as a list of its fields in
/// this order, which the widget reads with less code than an object (`docs/benchmarks.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Phrased {
    /// The offer's main terms, above its box (`Rule::SUMMARY`).
    pub offer: Vec<String>,
    /// What the confirmation repeats (`Rule::ON_CONFIRMATION`): the first visit and what to
    /// bring come first, and the calendar file says those two.
    pub confirmation: Vec<String>,
    /// The personal-data consent, point by point.
    pub consent: Vec<String>,
    /// Under the price list: the clinic's and the call centre's hours, complaints, the legal
    /// entity with its BIN and licence.
    pub about: Vec<String>,
}

impl Serialize for Phrased {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (&self.offer, &self.confirmation, &self.consent, &self.about).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Phrased {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Phrased, D::Error> {
        let (offer, confirmation, consent, about) =
            <(Vec<String>, Vec<String>, Vec<String>, Vec<String>)>::deserialize(d)?;
        Ok(Phrased { offer, confirmation, consent, about })
    }
}

/// `Phrased` for each language, in `Lang::ALL`'s order (a list reads with less code than an
/// object in the widget).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Texts(Vec<Phrased>);

impl Texts {
    pub fn get(&self, lang: Lang) -> &Phrased {
        const NONE: &Phrased =
            &Phrased { offer: Vec::new(), confirmation: Vec::new(), consent: Vec::new(), about: Vec::new() };
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
                consent: w.consent_points(&f),
                about: vec![
                    format!("{}: {}", w.clinic_hours(), clinic.working_hours.shown(w)),
                    format!("{}: {}", w.call_centre_hours(), clinic.call_centre_hours.shown(w)),
                    w.complaints(&f),
                    w.legal(&f),
                ],
            }
        };
        Texts(Lang::ALL.into_iter().map(one).collect())
    }
}

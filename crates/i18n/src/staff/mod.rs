//! The staff pages' words: the price-list draft and its preview, publishing, and the booking
//! inbox. Only the staff app links them; the visitor's widget never does.

mod en;
mod kk;
mod ru;

use crate::Lang;

pub struct StaffWords {
    pub lang: Lang,
    pub title: &'static str,
    pub sign_in_title: &'static str,
    pub token_label: &'static str,
    pub token_hint: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub token_wrong: &'static str,
    pub too_many: &'static str,
    pub network: &'static str,
    pub failed: &'static str,
    pub working: &'static str,
    pub tab_prices: &'static str,
    pub tab_bookings: &'static str,
    pub draft_title: &'static str,
    pub choose_file: &'static str,
    pub drop_here: &'static str,
    pub no_problems: &'static str,
    /// "{n} problems: fix them in the file and choose it again."
    pub problems_found: &'static str,
    pub row: &'static str,
    pub column: &'static str,
    pub preview_title: &'static str,
    pub preview_none: &'static str,
    pub prices_on: &'static str,
    pub phone_width: &'static str,
    pub desktop_width: &'static str,
    pub publish: &'static str,
    /// "Published: version {n}. Visitors see it now."
    pub published: &'static str,
    pub versions_title: &'static str,
    pub version: &'static str,
    pub published_by: &'static str,
    pub services: &'static str,
    pub current: &'static str,
    pub restore: &'static str,
    /// "Version {n} is served again."
    pub restored: &'static str,
    pub print: &'static str,
    pub bookings_title: &'static str,
    pub from: &'static str,
    pub days: &'static str,
    pub status: &'static str,
    pub doctor: &'static str,
    pub all: &'static str,
    pub export_csv: &'static str,
    pub no_bookings: &'static str,
    pub time: &'static str,
    pub service: &'static str,
    pub patient: &'static str,
    pub phone: &'static str,
    pub call_due: &'static str,
    pub open: &'static str,
    pub close: &'static str,
    pub requested: &'static str,
    pub confirmed: &'static str,
    pub cancelled: &'static str,
    pub arrived: &'static str,
    pub no_show: &'static str,
    pub erased: &'static str,
    pub iin: &'static str,
    pub show_iin: &'static str,
    pub birth_date: &'static str,
    pub address: &'static str,
    pub representative: &'static str,
    pub consents: &'static str,
    pub channel: &'static str,
    pub history: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
    pub reason: &'static str,
    pub move_to: &'static str,
    pub new_start: &'static str,
    pub mark_arrived: &'static str,
    pub mark_no_show: &'static str,
    pub erase: &'static str,
    pub erase_sure: &'static str,
    pub done: &'static str,
    /// Problem codes phrased; others fall back to `problem_other`.
    pub problems: &'static [(&'static str, &'static str)],
    pub problem_other: &'static str,
    /// Refusals of the staff API, by code.
    pub refusals: &'static [(&'static str, &'static str)],
    /// What happened to a booking, by the history's codes.
    pub actions: &'static [(&'static str, &'static str)],
    /// Who, when the visitor did it (staff are named by their token's label).
    pub visitor: &'static str,
    /// The two documents consented to: the offer, the personal-data consent.
    pub documents: [&'static str; 2],
    /// Who gave a consent: the patient, or their representative.
    pub given_by: [&'static str; 2],
}

impl StaffWords {
    /// A draft problem's code in these words.
    pub fn problem(&self, code: &str) -> &'static str {
        self.problems.iter().find(|(c, _)| *c == code).map_or(self.problem_other, |(_, t)| t)
    }

    /// A refusal's code in these words (`failed` for one not listed).
    pub fn refusal(&self, code: &str) -> &'static str {
        self.refusals.iter().find(|(c, _)| *c == code).map_or(self.failed, |(_, t)| t)
    }

    /// A history entry's action in these words (the code itself for one not listed).
    pub fn action<'a>(&self, code: &'a str) -> &'a str {
        self.actions.iter().find(|(c, _)| *c == code).map_or(code, |(_, t)| t)
    }

    /// A consent record's document (`offer`, `personal_data`) and giver (`patient`,
    /// `representative`) in these words.
    pub fn consent<'a>(&self, document: &'a str, given_by: &'a str) -> (&'a str, &'a str) {
        let doc = match document {
            "offer" => self.documents[0],
            "personal_data" => self.documents[1],
            other => other,
        };
        let who = match given_by {
            "patient" => self.given_by[0],
            "representative" => self.given_by[1],
            other => other,
        };
        (doc, who)
    }

    pub fn status(&self, code: &str) -> &'static str {
        match code {
            "confirmed" => self.confirmed,
            "cancelled" => self.cancelled,
            "arrived" => self.arrived,
            "no_show" => self.no_show,
            _ => self.requested,
        }
    }
}

pub fn staff_words(lang: Lang) -> &'static StaffWords {
    match lang {
        Lang::Kk => &kk::WORDS,
        Lang::Ru => &ru::WORDS,
        Lang::En => &en::WORDS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_phrases_the_same_codes() {
        let codes = |lang| {
            let w = staff_words(lang);
            (
                w.problems.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
                w.refusals.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
            )
        };
        assert_eq!(codes(Lang::Kk), codes(Lang::En));
        assert_eq!(codes(Lang::Ru), codes(Lang::En));
        for lang in Lang::ALL {
            let w = staff_words(lang);
            assert!(
                w.problems_found.contains("{n}") && w.published.contains("{n}") && w.restored.contains("{n}")
            );
            assert!(w.problems.iter().chain(w.refusals).chain(w.actions).all(|(_, t)| !t.is_empty()));
        }
    }
}

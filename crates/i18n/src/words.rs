//! Every word the visitor sees, as one struct: each language fills it in its own file (`kk.rs`,
//! `ru.rs`, `en.rs`), so a text or a form missing in one language does not compile. What depends
//! on a number, a date or a code is a function of the language's own (plurals, cases, suffixes).

use crate::facts::{ConsentPoint, Facts, Rule};
use crate::Lang;
use chrono::{NaiveDate, Weekday};
use jazylu_api::FieldCode;

pub struct Words {
    pub lang: Lang,
    pub prices_title: &'static str,
    pub prices_in_tenge: &'static str,
    pub book: &'static str,
    pub min: &'static str,
    pub regular_price: &'static str,
    pub offer_price: &'static str,
    pub needs_informed_consent: &'static str,
    pub sample_notice: &'static str,
    pub language: &'static str,
    pub clinic_address: &'static str,
    pub clinic_phone: &'static str,
    pub message_whatsapp: &'static str,
    pub loading_prices: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub back_to_prices: &'static str,
    pub opening_booking: &'static str,
    pub booking_failed: &'static str,
    pub clinic_time: &'static str,
    pub consent_offer: &'static str,
    pub consent_personal_data: &'static str,
    /// The same box when a legal representative books: for themself and for the patient.
    pub consent_personal_data_both: &'static str,
    pub steps: [&'static str; 5],
    pub back: &'static str,
    pub next: &'static str,
    pub choose_doctor: &'static str,
    pub any_doctor: &'static str,
    pub choose_day: &'static str,
    pub choose_time: &'static str,
    pub no_times_day: &'static str,
    pub no_times_at_all: &'static str,
    pub loading_times: &'static str,
    pub times_failed: &'static str,
    pub patient: &'static str,
    pub surname: &'static str,
    pub given_name: &'static str,
    pub patronymic: &'static str,
    pub iin: &'static str,
    pub iin_hint: &'static str,
    pub birth_date: &'static str,
    pub phone: &'static str,
    pub phone_hint: &'static str,
    pub birth_date_hint: &'static str,
    pub phone_optional_hint: &'static str,
    pub your_visit: &'static str,
    pub address: &'static str,
    /// The WhatsApp box: ticking it is consent to results going through a foreign service.
    pub whatsapp_results: &'static str,
    pub as_representative: &'static str,
    pub representative: &'static str,
    pub minor_note: &'static str,
    pub relation: &'static str,
    pub relations: [&'static str; 4],
    pub choose: &'static str,
    pub guarantee: &'static str,
    pub consents: &'static str,
    pub representative_consents: &'static str,
    /// Opens the offer's full text in place.
    pub read_offer: &'static str,
    /// The offer at the clinic's own address.
    pub offer_elsewhere: &'static str,
    pub read_consent: &'static str,
    /// Above the offer's summary.
    pub offer_summary: &'static str,
    /// Above the consent's summary.
    pub consent_summary: &'static str,
    /// Next to the required fields' mark, once per form.
    pub required_legend: &'static str,
    /// The footer's link to the offer.
    pub public_offer: &'static str,
    pub review: &'static str,
    pub service: &'static str,
    pub doctor: &'static str,
    pub when: &'static str,
    pub price: &'static str,
    pub fix_fields: &'static str,
    pub sending: &'static str,
    pub send_failed: &'static str,
    pub server_failed: &'static str,
    pub too_many_requests: &'static str,
    pub late_booking: &'static str,
    pub received: &'static str,
    pub confirmed: &'static str,
    pub reference: &'static str,
    pub call_soon: &'static str,
    pub call_at: &'static str,
    pub today: &'static str,
    pub tomorrow: &'static str,
    pub free_cancel_until: &'static str,
    pub deadline_passed: &'static str,
    pub add_to_calendar: &'static str,
    pub manage_link: &'static str,
    pub book_another: &'static str,
    pub your_booking: &'static str,
    pub status_requested: &'static str,
    pub status_confirmed: &'static str,
    pub status_cancelled: &'static str,
    pub cancelled_late: &'static str,
    pub cancelled_by_clinic: &'static str,
    pub moved_by_clinic: &'static str,
    pub cancel: &'static str,
    pub cancel_sure: &'static str,
    pub cancel_yes: &'static str,
    /// Next to "Yes, cancel": leaves the booking as it is.
    pub keep_booking: &'static str,
    pub late_cancel_warning: &'static str,
    pub not_found: &'static str,
    pub visit_started: &'static str,
    pub loading_booking: &'static str,
    pub(crate) weekdays: [&'static str; 7],
    pub(crate) weekdays_short: [&'static str; 7],
    pub(crate) weekdays_on: [&'static str; 7],
    pub(crate) months: [&'static str; 12],
    /// The message next to a field for a problem code.
    pub(crate) field_message: fn(FieldCode) -> &'static str,
    /// "3 свободных окна" under a day of the picker.
    pub(crate) free_slots: fn(u32) -> String,
    /// "среда, 2 декабря 2026".
    pub(crate) date: fn(&Words, NaiveDate) -> String,
    /// "декабрь 2026", above a month of the day picker.
    pub(crate) month_year: fn(&Words, NaiveDate) -> String,
    /// "Шаг 2 из 5".
    pub(crate) step_of: fn(usize, usize) -> String,
    /// "в понедельник после 09:00": when the call centre calls back.
    pub(crate) call_after: fn(&str, u32, u32) -> String,
    /// "Акция до 31 декабря".
    pub(crate) offer_until: fn(NaiveDate) -> String,
    /// "10 часов", "1 hour", as after «за» (Russian accusative).
    pub(crate) hours: fn(u32) -> String,
    /// "5 минут", "1 минуту", as after «на», «за».
    pub(crate) minutes: fn(u32) -> String,
}

impl Words {
    /// "Mo" … "Su", the day picker's column heads.
    pub fn weekdays_short(&self) -> &[&'static str; 7] {
        &self.weekdays_short
    }

    pub fn weekday(&self, d: Weekday) -> &'static str {
        self.weekdays[d.num_days_from_monday() as usize]
    }

    /// "on Monday", for when the call centre calls back.
    pub fn on_weekday(&self, d: Weekday) -> &'static str {
        self.weekdays_on[d.num_days_from_monday() as usize]
    }

    pub fn month(&self, date: NaiveDate) -> &'static str {
        use chrono::Datelike;
        self.months[date.month0() as usize]
    }

    pub fn field_message(&self, code: FieldCode) -> &'static str {
        (self.field_message)(code)
    }

    // What is phrased from a clinic's facts is called by language rather than held as fields, so
    // that only the server, which phrases them once per catalogue, carries that code; the widget
    // reads the sentences from the published catalogue (`jazylu_core::catalogue::Phrased`).

    /// The consent's summary, point by point [Law 94-V art. 8]; a point the clinic's facts make
    /// moot is left out.
    pub fn consent_points(&self, facts: &Facts<'_>) -> Vec<String> {
        ConsentPoint::ALL.into_iter().filter_map(|p| self.consent_point(p, facts)).collect()
    }

    pub fn consent_point(&self, point: ConsentPoint, facts: &Facts<'_>) -> Option<String> {
        match self.lang {
            Lang::Kk => crate::kk::consent_point(point, facts),
            Lang::Ru => crate::ru::consent_point(point, facts),
            Lang::En => crate::en::consent_point(point, facts),
        }
    }

    /// The sentences of `rules` that the clinic's facts call for, in that order.
    pub fn rules(&self, facts: &Facts<'_>, rules: &[Rule]) -> Vec<String> {
        rules.iter().filter_map(|r| self.rule(*r, facts)).collect()
    }

    /// One rule of the offer in our own words; `None` where the facts make it moot.
    pub fn rule(&self, rule: Rule, facts: &Facts<'_>) -> Option<String> {
        match self.lang {
            Lang::Kk => crate::kk::rule(rule, facts),
            Lang::Ru => crate::ru::rule(rule, facts),
            Lang::En => crate::en::rule(rule, facts),
        }
    }

    /// The legal entity, its BIN and licence, for the footer.
    pub fn legal(&self, facts: &Facts<'_>) -> String {
        match self.lang {
            Lang::Kk => crate::kk::legal(facts),
            Lang::Ru => crate::ru::legal(facts),
            Lang::En => crate::en::legal(facts),
        }
    }

    /// Where complaints go and how soon they are answered.
    pub fn complaints(&self, facts: &Facts<'_>) -> String {
        match self.lang {
            Lang::Kk => crate::kk::complaints(facts),
            Lang::Ru => crate::ru::complaints(facts),
            Lang::En => crate::en::complaints(facts),
        }
    }

    pub fn free_slots(&self, n: u32) -> String {
        (self.free_slots)(n)
    }

    /// Opening hours, "Пн–Пт 08:00–19:00; Сб 09:00–15:00": each entry's weekdays (runs of
    /// three or more joined by a dash) and its hours.
    pub fn week_hours<'a>(&self, entries: impl IntoIterator<Item = (&'a [Weekday], String)>) -> String {
        let mut out = String::new();
        for (days, hours) in entries {
            // Monday first, whatever order the catalogue lists them in.
            let mut on = [false; 7];
            for d in days {
                on[d.num_days_from_monday() as usize] = true;
            }
            let mut runs: Vec<String> = Vec::new();
            let mut i = 0;
            while i < 7 {
                if !on[i] {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j + 1 < 7 && on[j + 1] {
                    j += 1;
                }
                let (a, b) = (self.weekdays_short[i], self.weekdays_short[j]);
                match j - i {
                    0 => runs.push(a.to_string()),
                    1 => runs.extend([a.to_string(), b.to_string()]),
                    _ => runs.push(format!("{a}–{b}")),
                }
                i = j + 1;
            }
            if !out.is_empty() {
                out.push_str("; ");
            }
            out.push_str(&format!("{} {hours}", runs.join(", ")));
        }
        out
    }

    pub fn date(&self, d: NaiveDate) -> String {
        (self.date)(self, d)
    }

    pub fn month_year(&self, d: NaiveDate) -> String {
        (self.month_year)(self, d)
    }

    /// A visit's length, short: "20 мин".
    pub fn duration(&self, minutes: u32) -> String {
        format!("{minutes}\u{a0}{}", self.min)
    }

    pub fn step_of(&self, n: usize, total: usize) -> String {
        (self.step_of)(n, total)
    }

    /// When the call centre calls back: "сегодня", "завтра" or "в понедельник", then after
    /// `hour:minute` of that clinic date.
    pub fn call_back_at(&self, date: NaiveDate, today: NaiveDate, hour: u32, minute: u32) -> String {
        use chrono::Datelike;
        let day = if date == today {
            self.today
        } else if Some(date) == today.succ_opt() {
            self.tomorrow
        } else {
            self.on_weekday(date.weekday())
        };
        self.call_after(day, hour, minute)
    }

    /// `day` ("завтра", "в понедельник") after `hour:minute`.
    pub fn call_after(&self, day: &str, hour: u32, minute: u32) -> String {
        (self.call_after)(day, hour, minute)
    }

    pub fn offer_until(&self, d: NaiveDate) -> String {
        (self.offer_until)(d)
    }

    pub fn hours(&self, n: u32) -> String {
        (self.hours)(n)
    }

    pub fn minutes(&self, n: u32) -> String {
        (self.minutes)(n)
    }

    /// The page title: the clinic, then what the page shows.
    pub fn page_title(&self, clinic: &str) -> String {
        format!("{clinic} — {}", self.prices_title)
    }

    /// The page's description for search engines and link previews: the clinic, where it is,
    /// and what the page offers.
    pub fn page_description(&self, clinic: &str, address: &str) -> String {
        let offers = match self.lang {
            Lang::Kk => crate::kk::PAGE_OFFERS,
            Lang::Ru => crate::ru::PAGE_OFFERS,
            Lang::En => crate::en::PAGE_OFFERS,
        };
        format!("{clinic}, {address}. {offers}")
    }

    /// The words of the host page's loader: its button, its dialog's close button, and the
    /// frame's title (served in `/embed.js`, never in the widget).
    pub fn embed(&self) -> [&'static str; 3] {
        match self.lang {
            Lang::Kk => crate::kk::EMBED,
            Lang::Ru => crate::ru::EMBED,
            Lang::En => crate::en::EMBED,
        }
    }

    /// Before the clinic's opening hours (phrased on the server only, like the facts).
    pub fn clinic_hours(&self) -> &'static str {
        match self.lang {
            Lang::Kk => crate::kk::CLINIC_HOURS,
            Lang::Ru => crate::ru::CLINIC_HOURS,
            Lang::En => crate::en::CLINIC_HOURS,
        }
    }

    pub fn call_centre_hours(&self) -> &'static str {
        match self.lang {
            Lang::Kk => crate::kk::CALL_CENTRE_HOURS,
            Lang::Ru => crate::ru::CALL_CENTRE_HOURS,
            Lang::En => crate::en::CALL_CENTRE_HOURS,
        }
    }
}

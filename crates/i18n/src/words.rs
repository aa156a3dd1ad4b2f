//! Every word the visitor sees, as one struct: each language fills it in its own file (`kk.rs`,
//! `ru.rs`, `en.rs`), so a text or a form missing in one language does not compile. What depends
//! on a number, a date or a code is a function of the language's own (plurals, cases, suffixes).

use crate::Lang;
use chrono::{NaiveDate, Weekday};
use jazylu_api::FieldCode;

/// The clinic as the consent text names it: the data operator.
pub struct Operator<'a> {
    pub name: &'a str,
    pub bin: &'a str,
    pub phone: &'a str,
}

/// The clinic's policy numbers that the rules summary quotes.
#[derive(Clone, Copy)]
pub struct Rules {
    pub cancel_notice_hours: u32,
    pub late_grace_min: u32,
    pub first_visit_arrive_early_min: u32,
}

pub struct Words {
    pub lang: Lang,
    pub prices_title: &'static str,
    /// What the hosted page offers, for its `<meta name="description">` after the clinic's name.
    pub page_offers: &'static str,
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
    pub steps: [&'static str; 5],
    pub back: &'static str,
    pub next: &'static str,
    pub choose_doctor: &'static str,
    pub any_doctor: &'static str,
    pub choose_day: &'static str,
    pub choose_time: &'static str,
    pub no_times_day: &'static str,
    pub no_times_at_all: &'static str,
    pub free: &'static str,
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
    pub has_whatsapp: &'static str,
    pub as_representative: &'static str,
    pub representative: &'static str,
    pub minor_note: &'static str,
    pub relation: &'static str,
    pub relations: [&'static str; 4],
    pub choose: &'static str,
    pub guarantee: &'static str,
    pub consents: &'static str,
    pub representative_consents: &'static str,
    pub offer_text: &'static str,
    pub read_consent: &'static str,
    pub before_visit: &'static str,
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
    pub cancel: &'static str,
    pub cancel_sure: &'static str,
    pub cancel_yes: &'static str,
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
    /// The consent to personal-data processing, readable in place [Law 94-V].
    pub(crate) personal_data: fn(&Operator<'_>) -> String,
    /// The offer's rules worth knowing before a visit, in our own words; `FIRST_VISIT_RULE` and
    /// `PAYMENT_RULE` index into them.
    pub(crate) rules: fn(Rules) -> Vec<String>,
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

/// Where `rules` puts the first-visit rule and the payment rule, which the confirmation repeats.
pub const FIRST_VISIT_RULE: usize = 2;
pub const PAYMENT_RULE: usize = 3;

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

    pub fn personal_data(&self, operator: &Operator<'_>) -> String {
        (self.personal_data)(operator)
    }

    pub fn rules(&self, rules: Rules) -> Vec<String> {
        (self.rules)(rules)
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
        format!("{clinic}, {address}. {}", self.page_offers)
    }
}

//! Dates in each language, with the clinic's words for them: weekdays and months from each
//! language's table, the case each phrase needs (Russian genitive «2 декабря» but nominative
//! «декабрь 2026»; Kazakh dative before «дейін»).

use crate::words::Words;
use chrono::{Datelike, NaiveDate};

/// "01.11.2021", as dates are written on Kazakhstan's documents.
pub fn dotted(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{}", d.day(), d.month(), d.year())
}

pub fn kk_date(w: &Words, d: NaiveDate) -> String {
    format!("{} ж. {} {}, {}", d.year(), d.day(), w.month(d), w.weekday(d.weekday()))
}

pub fn ru_date(w: &Words, d: NaiveDate) -> String {
    format!("{}, {} {} {}", w.weekday(d.weekday()), d.day(), w.month(d), d.year())
}

pub fn en_date(w: &Words, d: NaiveDate) -> String {
    ru_date(w, d)
}

pub fn kk_month_year(w: &Words, d: NaiveDate) -> String {
    format!("{} ж. {}", d.year(), w.month(d))
}

/// The table holds the genitive; a month named alone takes the nominative.
pub fn ru_month_year(_: &Words, d: NaiveDate) -> String {
    const NOMINATIVE: [&str; 12] = [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ];
    format!("{} {}", NOMINATIVE[d.month0() as usize], d.year())
}

pub fn en_month_year(w: &Words, d: NaiveDate) -> String {
    format!("{} {}", w.month(d), d.year())
}

pub fn kk_offer_until(d: NaiveDate) -> String {
    const DATIVE: [&str; 12] = [
        "қаңтарға",
        "ақпанға",
        "наурызға",
        "сәуірге",
        "мамырға",
        "маусымға",
        "шілдеге",
        "тамызға",
        "қыркүйекке",
        "қазанға",
        "қарашаға",
        "желтоқсанға",
    ];
    format!("Акция {} {} дейін", d.day(), DATIVE[d.month0() as usize])
}

pub fn ru_offer_until(d: NaiveDate) -> String {
    format!("Акция до {} {}", d.day(), crate::ru::WORDS.month(d))
}

pub fn en_offer_until(d: NaiveDate) -> String {
    format!("Offer ends {} {}", d.day(), crate::en::WORDS.month(d))
}

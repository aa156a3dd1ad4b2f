//! What a booking says about a person: names, birth date, address. Each type is made only by
//! `parse`, which trims what was typed and refuses it with a stable code.

use crate::clock::parse_date;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Why a typed value was refused: stable codes, defined with the wire contract. The widget
/// turns them into words next to the field, the API returns them in 422 responses.
pub use jazylu_api::FieldCode;

/// "20.05.1995" (day and month may have one digit).
fn parse_dotted(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(number(y, 4..=4)? as i32, number(m, 1..=2)?, number(d, 1..=2)?)
}

/// Trims and folds runs of spaces into one.
fn tidy(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters of the Kazakh, Russian and Latin alphabets.
fn is_name_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('А'..='я').contains(&c)
        || matches!(
            c,
            'Ё' | 'ё'
                | 'Ә'
                | 'ә'
                | 'Ғ'
                | 'ғ'
                | 'Қ'
                | 'қ'
                | 'Ң'
                | 'ң'
                | 'Ө'
                | 'ө'
                | 'Ұ'
                | 'ұ'
                | 'Ү'
                | 'ү'
                | 'Һ'
                | 'һ'
                | 'І'
                | 'і'
        )
}

/// One part of a person's name: a surname, a given name or a patronymic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct NamePart(String);

impl NamePart {
    pub const MAX_CHARS: usize = 60;

    /// Letters, spaces, hyphens and apostrophes ("Әбілқайыр", "Анна-Мария", "O'Neil").
    pub fn parse(input: &str) -> Result<NamePart, FieldCode> {
        let s = tidy(input);
        if s.is_empty() {
            return Err(FieldCode::Required);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(FieldCode::TooLong);
        }
        let allowed = s.chars().all(|c| is_name_letter(c) || matches!(c, ' ' | '-' | '\'' | '’'));
        if !allowed || !s.chars().any(is_name_letter) {
            return Err(FieldCode::NameChars);
        }
        Ok(NamePart(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A date of birth: a real date, not in the future, at most 120 years ago.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BirthDate(#[serde(with = "crate::clock::iso_date")] NaiveDate);

impl BirthDate {
    pub const MAX_AGE: u32 = 120;

    /// `input` as "DD.MM.YYYY" (as Kazakh documents write it, and the widget asks for it) or
    /// "YYYY-MM-DD"; `today` is the clinic's date.
    pub fn parse(input: &str, today: NaiveDate) -> Result<BirthDate, FieldCode> {
        let s = input.trim();
        if s.is_empty() {
            return Err(FieldCode::Required);
        }
        let date = parse_date(s).or_else(|| parse_dotted(s)).ok_or(FieldCode::DateInvalid)?;
        if date > today {
            return Err(FieldCode::BirthDateFuture);
        }
        let born = BirthDate(date);
        if born.age_on(today) > Self::MAX_AGE {
            return Err(FieldCode::BirthDateTooOld);
        }
        Ok(born)
    }

    /// "20.05.1995", as the widget shows it.
    pub fn dotted(self) -> String {
        use chrono::Datelike;
        format!("{:02}.{:02}.{}", self.0.day(), self.0.month(), self.0.year())
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Under 18 on `day`: booked, and consented for, by a legal representative [public offer 1.1].
    pub fn is_minor_on(self, day: NaiveDate) -> bool {
        self.age_on(day) < ADULT_AGE
    }

    /// Full years on `day` (a birthday on 29 February counts from 1 March in other years).
    pub fn age_on(self, day: NaiveDate) -> u32 {
        let years = day.year() - self.0.year();
        let before_birthday = (day.month(), day.day()) < (self.0.month(), self.0.day());
        (years - i32::from(before_birthday)).max(0) as u32
    }
}

/// Age from which a patient books alone [public offer 1.1].
pub const ADULT_AGE: u32 = 18;

/// Where the patient lives, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Address(String);

impl Address {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(input: &str) -> Result<Address, FieldCode> {
        let s = tidy(input);
        if s.is_empty() {
            return Err(FieldCode::Required);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(FieldCode::TooLong);
        }
        Ok(Address(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn names_in_three_alphabets() {
        for ok in [
            "Әбілқайыр",
            "Нұрсұлтан",
            "Жұмабаева",
            "Анна-Мария",
            "O'Neil",
            "Ғалым",
            "Һәйдар",
            "Іңкәр",
            "Ёлкин",
            "Smith",
        ] {
            assert_eq!(NamePart::parse(ok).map(|n| n.0), Ok(ok.to_string()), "{ok}");
        }
        assert_eq!(NamePart::parse("  Алия   Бекқызы  ").map(|n| n.0), Ok("Алия Бекқызы".into()));
    }

    #[test]
    fn names_refused_with_codes() {
        assert_eq!(NamePart::parse("   "), Err(FieldCode::Required));
        assert_eq!(NamePart::parse("R2-D2"), Err(FieldCode::NameChars));
        assert_eq!(NamePart::parse("<script>"), Err(FieldCode::NameChars));
        assert_eq!(NamePart::parse("--"), Err(FieldCode::NameChars));
        assert_eq!(NamePart::parse(&"а".repeat(61)), Err(FieldCode::TooLong));
        assert!(NamePart::parse(&"а".repeat(60)).is_ok());
    }

    #[test]
    fn birth_dates() {
        let today = day(2026, 11, 25);
        assert_eq!(BirthDate::parse("2026-11-26", today), Err(FieldCode::BirthDateFuture));
        assert_eq!(BirthDate::parse("1905-11-25", today), Err(FieldCode::BirthDateTooOld), "121 today");
        assert!(BirthDate::parse("1905-11-26", today).is_ok(), "120, a day before turning 121");
        assert_eq!(BirthDate::parse("25.11.2000", today).map(|b| b.dotted()), Ok("25.11.2000".into()));
        assert_eq!(BirthDate::parse("5.1.2000", today).map(|b| b.dotted()), Ok("05.01.2000".into()));
        assert_eq!(BirthDate::parse("2000/11/25", today), Err(FieldCode::DateInvalid));
        assert_eq!(BirthDate::parse("31.02.2000", today), Err(FieldCode::DateInvalid));
        assert_eq!(BirthDate::parse("25.11.00", today), Err(FieldCode::DateInvalid));
        assert_eq!(BirthDate::parse("", today), Err(FieldCode::Required));
        assert!(BirthDate::parse("2026-11-25", today).is_ok(), "born today");
    }

    #[test]
    fn age_counts_full_years_on_the_day() {
        let born = BirthDate::parse("2008-12-01", day(2026, 11, 25)).expect("valid");
        assert_eq!(born.age_on(day(2026, 11, 30)), 17);
        assert_eq!(born.age_on(day(2026, 12, 1)), 18);
        let leap = BirthDate::parse("2008-02-29", day(2026, 11, 25)).expect("valid");
        assert_eq!(leap.age_on(day(2026, 2, 28)), 17);
        assert_eq!(leap.age_on(day(2026, 3, 1)), 18);
    }

    #[test]
    fn addresses() {
        assert_eq!(Address::parse("  Қаскелең,  Абай 12 ").map(|a| a.0), Ok("Қаскелең, Абай 12".into()));
        assert_eq!(Address::parse(""), Err(FieldCode::Required));
        assert_eq!(Address::parse(&"x".repeat(201)), Err(FieldCode::TooLong));
    }
}

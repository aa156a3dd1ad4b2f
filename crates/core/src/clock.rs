//! Clinic time: times of day, spans, dates, weekdays and the clinic's time zone.
//! Everything a visitor sees is in clinic time, never the device's.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Minutes since midnight, 00:00..=24:00 (24:00 only ends a span).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// "HH:MM", 00:00 to 24:00.
    pub fn parse(s: &str) -> Option<TimeOfDay> {
        let (h, m) = s.trim().split_once(':')?;
        let (h, m) = (digits(h, 2)? as u16, digits(m, 2)? as u16);
        let total = h * 60 + m;
        (m < 60 && total <= 24 * 60).then_some(TimeOfDay(total))
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// A non-empty span of one day, `start < end`, written "09:00-13:00".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Span {
    start: TimeOfDay,
    end: TimeOfDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanError {
    Format,
    Reversed,
}

impl Span {
    pub fn parse(s: &str) -> Result<Span, SpanError> {
        let (a, b) = s.split_once('-').ok_or(SpanError::Format)?;
        let start = TimeOfDay::parse(a).ok_or(SpanError::Format)?;
        let end = TimeOfDay::parse(b).ok_or(SpanError::Format)?;
        Span::new(start, end).ok_or(SpanError::Reversed)
    }

    /// `None` unless `start < end`.
    pub fn new(start: TimeOfDay, end: TimeOfDay) -> Option<Span> {
        (start < end).then_some(Span { start, end })
    }

    pub fn start(self) -> TimeOfDay {
        self.start
    }

    pub fn end(self) -> TimeOfDay {
        self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl TryFrom<String> for Span {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Span::parse(&s).map_err(|e| format!("{e:?}"))
    }
}

impl From<Span> for String {
    fn from(s: Span) -> String {
        s.to_string()
    }
}

/// "YYYY-MM-DD", a real calendar date.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(y, 4)? as i32, digits(m, 2)?, digits(d, 2)?)
}

/// Exactly `n` ASCII digits (no sign, no spaces: `str::parse` would take "+1").
fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// Displays a date as "YYYY-MM-DD" without chrono's formatting machinery (smaller wasm).
pub struct IsoDate(pub NaiveDate);

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike;
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

/// Displays an instant as RFC 3339 in UTC to the minute, "2026-11-27T04:00Z" (what
/// `parse_instant` reads back; slots are whole minutes).
pub struct Instant(pub DateTime<Utc>);

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Timelike;
        let t = self.0;
        write!(f, "{}T{:02}:{:02}Z", IsoDate(t.date_naive()), t.hour(), t.minute())
    }
}

/// An instant written as RFC 3339 with minutes and an offset: "2026-11-27T09:00:00+05:00",
/// "2026-11-27T04:00Z". Seconds are optional and fractions are refused (slots are whole minutes).
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    let (date, rest) = s.split_once('T')?;
    let date = parse_date(date)?;
    let (time, offset_min) = if let Some(t) = rest.strip_suffix('Z') {
        (t, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (t, off) = rest.split_at(at);
        let sign = if off.starts_with('-') { -1 } else { 1 };
        let (h, m) = off.get(1..)?.split_once(':')?;
        let (h, m) = (digits(h, 2)?, digits(m, 2)?);
        if m >= 60 {
            return None;
        }
        (t, sign * (h * 60 + m) as i32)
    };
    // Byte positions are safe to slice only once the text is known to be ASCII.
    let (hm, seconds) = match (time.len(), time.is_ascii()) {
        (5, true) => (time, 0),
        (8, true) if time.as_bytes()[5] == b':' => (&time[..5], digits(&time[6..], 2).filter(|s| *s < 60)?),
        _ => return None,
    };
    let minutes = TimeOfDay::parse(hm).filter(|t| t.minutes() < 24 * 60)?.minutes();
    let naive = date.and_hms_opt(u32::from(minutes / 60), u32::from(minutes % 60), seconds)?;
    let offset = FixedOffset::east_opt(offset_min * 60)?;
    Some(naive.and_local_timezone(offset).single()?.with_timezone(&Utc))
}

/// Serde adapter for dates as "YYYY-MM-DD".
pub mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&super::IsoDate(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_date(&s).ok_or_else(|| serde::de::Error::custom("expected a date YYYY-MM-DD"))
    }
}

/// `#[serde(with = "instant")]`: an RFC 3339 instant, read by `parse_instant`.
pub mod instant {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&super::Instant(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        let s = String::deserialize(d)?;
        super::parse_instant(&s).ok_or_else(|| serde::de::Error::custom("expected an RFC 3339 instant"))
    }
}

/// The instant a date begins at a fixed offset (no panic on out-of-range dates).
pub fn midnight(offset: FixedOffset, date: NaiveDate) -> Option<DateTime<Utc>> {
    let local_minus_utc = chrono::TimeDelta::try_seconds(i64::from(offset.local_minus_utc()))?;
    date.and_time(chrono::NaiveTime::MIN).and_utc().checked_sub_signed(local_minus_utc)
}

/// Weekday keys as written in the catalogue.
pub const WEEKDAY_KEYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

pub fn parse_weekday(s: &str) -> Option<Weekday> {
    WEEKDAY_KEYS.iter().find(|(k, _)| *k == s).map(|(_, d)| *d)
}

pub fn weekday_key(d: Weekday) -> &'static str {
    WEEKDAY_KEYS[d.num_days_from_monday() as usize].0
}

/// The clinic's time zone. Kazakhstan has kept one zone, UTC+5 without daylight saving, since
/// 2024-03-01; a table of its IANA names is all the widget needs, and it spares the wasm a full
/// time-zone database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClinicZone {
    name: &'static str,
    offset: FixedOffset,
}

const KNOWN_ZONES: &[(&str, i32)] = &[
    ("Asia/Almaty", 5),
    ("Asia/Qostanay", 5),
    ("Asia/Aqtobe", 5),
    ("Asia/Aqtau", 5),
    ("Asia/Atyrau", 5),
    ("Asia/Oral", 5),
    ("Asia/Qyzylorda", 5),
];

impl ClinicZone {
    pub fn parse(name: &str) -> Option<ClinicZone> {
        let &(name, hours) = KNOWN_ZONES.iter().find(|(n, _)| *n == name)?;
        Some(ClinicZone { name, offset: FixedOffset::east_opt(hours * 3600)? })
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// The instant a clinic date begins.
    pub fn midnight(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        midnight(self.offset, date)
    }

    /// The clinic's calendar date at an instant.
    pub fn today(&self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.offset).date_naive()
    }
}

impl<'de> Deserialize<'de> for ClinicZone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ClinicZone, D::Error> {
        let name = String::deserialize(d)?;
        ClinicZone::parse(&name).ok_or_else(|| serde::de::Error::custom("a Kazakhstan time zone"))
    }
}

impl Serialize for ClinicZone {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_spans() {
        assert_eq!(TimeOfDay::parse("09:30").map(TimeOfDay::minutes), Some(570));
        assert_eq!(TimeOfDay::parse("24:00").map(TimeOfDay::minutes), Some(1440));
        for bad in ["9:30", "24:01", "12:60", "ab:cd", "1230", "+9:30", "09:+5"] {
            assert_eq!(TimeOfDay::parse(bad), None, "{bad}");
        }
        assert_eq!(Span::parse("09:00-13:00").map(|s| s.to_string()), Ok("09:00-13:00".into()));
        assert_eq!(Span::parse("13:00-09:00"), Err(SpanError::Reversed));
        assert_eq!(Span::parse("13:00-13:00"), Err(SpanError::Reversed));
        assert_eq!(Span::parse("13:00"), Err(SpanError::Format));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2026-2-1"), None);
        assert_eq!(parse_date("2026-02-01x"), None);
        assert_eq!(parse_date("2026-+1-05"), None, "no signs");
    }

    #[test]
    fn instants_with_offsets() {
        let want = DateTime::from_timestamp(1_795_752_000, 0);
        assert_eq!(want.map(|d| d.to_rfc3339()), Some("2026-11-27T04:00:00+00:00".into()));
        assert_eq!(parse_instant("2026-11-27T09:00:00+05:00"), want);
        assert_eq!(parse_instant("2026-11-27T09:00+05:00"), want);
        assert_eq!(parse_instant("2026-11-27T04:00:00Z"), want);
        assert_eq!(parse_instant("2026-11-26T23:00-05:00"), want);
        for bad in [
            "2026-11-27 09:00+05:00",
            "2026-11-27T09:00",
            "2026-11-27T24:00Z",
            "2026-11-27T09:00:00.5Z",
            "2026-11-27T9:00Z",
            "2026-11-27T09:00+5",
            "2026-11-27T09:00+05:99",
            "2026-11-27T09:00:+5Z",
            // Multi-byte text where digits are expected must not panic (it reaches the endpoint).
            "2026-11-27T09:00é0Z",
            "2026-11-27T0é:0Z",
            "2026-11-27T09:00+é",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn clinic_date_is_utc_plus_5() {
        let zone = ClinicZone::parse("Asia/Almaty").expect("known zone");
        // 19:30 UTC on 25 Nov is 00:30 on 26 Nov in the clinic.
        let now = DateTime::from_timestamp(1_795_635_000, 0).expect("valid instant");
        assert_eq!(now.to_rfc3339(), "2026-11-25T19:30:00+00:00");
        assert_eq!(zone.today(now), NaiveDate::from_ymd_opt(2026, 11, 26).expect("date"));
        assert_eq!(ClinicZone::parse("Europe/Moscow"), None);
        let day = NaiveDate::from_ymd_opt(2026, 11, 26).expect("date");
        assert_eq!(zone.midnight(day).map(|t| t.to_rfc3339()), Some("2026-11-25T19:00:00+00:00".into()));
    }
}

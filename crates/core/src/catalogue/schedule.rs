//! Weekly hours with breaks, and dated exceptions to them.

use crate::clock::{iso_date, parse_date, parse_weekday, weekday_key, IsoDate, Span};
use chrono::{NaiveDate, Weekday};
use serde::de::Error as _;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One line of a weekly schedule: on these days, these hours, minus these breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleEntry {
    #[serde(serialize_with = "serialize_days", deserialize_with = "deserialize_days")]
    pub(super) days: Vec<Weekday>,
    pub(super) hours: Span,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) breaks: Vec<Span>,
}

/// A week of working hours. Entries of one weekday never overlap and breaks lie inside the hours:
/// `Catalogue::parse` makes sure of both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WeeklySchedule(pub(super) Vec<ScheduleEntry>);

impl WeeklySchedule {
    /// The working spans of a weekday, breaks taken out, in order.
    /// "Пн–Пт 08:00–19:00; Сб 09:00–15:00", for the visitor.
    pub fn shown(&self, w: &jazylu_i18n::Words) -> String {
        w.week_hours(self.0.iter().map(|e| (e.days.as_slice(), e.hours.to_string().replace('-', "–"))))
    }

    pub fn spans_on(&self, day: Weekday) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        for s in self.0.iter().filter(|e| e.days.contains(&day)).flat_map(|e| subtract(e.hours, &e.breaks)) {
            insert_sorted(&mut spans, s);
        }
        spans
    }

    pub fn entries(&self) -> &[ScheduleEntry] {
        &self.0
    }
}

/// A date on which a doctor's weekly hours do not apply: a day off, or other hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exception {
    #[serde(with = "iso_date")]
    pub(super) date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) hours: Option<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) breaks: Vec<Span>,
}

impl Exception {
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The working spans of that date; empty on a day off.
    pub fn spans(&self) -> Vec<Span> {
        self.hours.map(|h| subtract(h, &self.breaks)).unwrap_or_default()
    }
}

/// `hours` with the (non-overlapping, contained) breaks cut out.
fn subtract(hours: Span, breaks: &[Span]) -> Vec<Span> {
    let mut sorted = Vec::with_capacity(breaks.len());
    for b in breaks {
        insert_sorted(&mut sorted, *b);
    }
    let mut out = Vec::new();
    let mut from = hours.start();
    for b in sorted {
        out.extend(Span::new(from, b.start()));
        from = b.end();
    }
    out.extend(Span::new(from, hours.end()));
    out
}

/// Keeps spans ordered by start. The lists are a handful long; std's sort would add kilobytes
/// of wasm for nothing.
fn insert_sorted(spans: &mut Vec<Span>, s: Span) {
    let at = spans.partition_point(|x| x.start() <= s.start());
    spans.insert(at, s);
}

fn serialize_days<S: Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(days.len()))?;
    for d in days {
        seq.serialize_element(weekday_key(*d))?;
    }
    seq.end()
}

fn deserialize_days<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
    let keys = Vec::<String>::deserialize(d)?;
    keys.iter().map(|k| parse_weekday(k).ok_or_else(|| D::Error::custom("a weekday key"))).collect()
}

/// The published holidays, per year (trusted: `Catalogue::parse` checked them).
pub(super) fn deserialize_holidays<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Vec<(i32, Vec<NaiveDate>)>, D::Error> {
    struct Years;
    impl<'de> serde::de::Visitor<'de> for Years {
        type Value = Vec<(i32, Vec<NaiveDate>)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("holidays per year")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((year, days)) = map.next_entry::<String, Vec<String>>()? {
                let year = year.parse().map_err(|_| A::Error::custom("a year"))?;
                let days: Option<Vec<NaiveDate>> = days.iter().map(|d| parse_date(d)).collect();
                out.push((year, days.ok_or_else(|| A::Error::custom("a date"))?));
            }
            Ok(out)
        }
    }
    d.deserialize_map(Years)
}

pub(super) fn serialize_holidays<S: Serializer>(
    holidays: &[(i32, Vec<NaiveDate>)],
    s: S,
) -> Result<S::Ok, S::Error> {
    struct Dates<'a>(&'a [NaiveDate]);
    impl Serialize for Dates<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(Some(self.0.len()))?;
            for d in self.0 {
                seq.serialize_element(&format_args!("{}", IsoDate(*d)))?;
            }
            seq.end()
        }
    }
    let mut map = s.serialize_map(Some(holidays.len()))?;
    for (year, dates) in holidays {
        map.serialize_entry(&year.to_string(), &Dates(dates))?;
    }
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(s: &str) -> Span {
        Span::parse(s).expect("valid span in test")
    }

    #[test]
    fn breaks_are_cut_out_of_the_hours() {
        let week = WeeklySchedule(vec![ScheduleEntry {
            days: vec![Weekday::Mon, Weekday::Tue],
            hours: span("09:00-18:00"),
            breaks: vec![span("15:00-15:15"), span("13:00-14:00")],
        }]);
        let mon: Vec<String> = week.spans_on(Weekday::Mon).iter().map(Span::to_string).collect();
        assert_eq!(mon, ["09:00-13:00", "14:00-15:00", "15:15-18:00"]);
        assert!(week.spans_on(Weekday::Sun).is_empty());
    }

    #[test]
    fn a_break_at_the_edge_leaves_no_empty_span() {
        assert_eq!(subtract(span("09:00-12:00"), &[span("09:00-10:00")]), vec![span("10:00-12:00")]);
    }
}

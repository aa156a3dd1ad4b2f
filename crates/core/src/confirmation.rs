//! What the confirmation tells the visitor beyond the booking itself: when the call centre will
//! call back, and the add-to-calendar file.

use crate::catalogue::Catalogue;
use crate::clock::{Span, TimeOfDay};
use chrono::{DateTime, Datelike, Days, NaiveDate, Timelike, Utc, Weekday};
use std::fmt::Write;

/// When the call centre confirms a request [public offer 3.3: outside its hours, requests are
/// handled in the first working hours].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callback {
    /// The call centre is working now.
    Soon,
    /// It opens on this clinic date at this time.
    At { date: NaiveDate, weekday: Weekday, time: TimeOfDay },
}

/// The call centre's next working moment at or after `now`, within two weeks (holidays skipped).
pub fn callback(cat: &Catalogue, now: DateTime<Utc>) -> Option<Callback> {
    let clinic = cat.clinic();
    let local = now.with_timezone(&clinic.time_zone.offset());
    let today = local.date_naive();
    let minute = local.hour() * 60 + local.minute();
    for ahead in 0..14 {
        let date = today.checked_add_days(Days::new(ahead))?;
        if cat.is_holiday(date) {
            continue;
        }
        let spans: Vec<Span> = clinic.call_centre_hours.spans_on(date.weekday());
        for span in spans {
            let (start, end) = (u32::from(span.start().minutes()), u32::from(span.end().minutes()));
            if ahead == 0 && start <= minute && minute < end {
                return Some(Callback::Soon);
            }
            if ahead > 0 || minute < start {
                return Some(Callback::At { date, weekday: date.weekday(), time: span.start() });
            }
        }
    }
    None
}

/// What goes into the calendar file.
pub struct CalendarEvent<'a> {
    pub reference: &'a str,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub title: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub created: DateTime<Utc>,
}

/// An iCalendar (RFC 5545) file with one event. Times are written in UTC (`…Z`), which every
/// calendar shows correctly in the visitor's own zone; the description names clinic time.
/// When the call centre calls back, in words ("в понедельник после 09:00"); `None` while it
/// is working (it calls soon).
pub fn callback_words(cat: &Catalogue, now: DateTime<Utc>, w: &jazylu_i18n::Words) -> Option<String> {
    let Some(Callback::At { date, time, .. }) = callback(cat, now) else { return None };
    let m = u32::from(time.minutes());
    Some(w.call_back_at(date, cat.clinic().time_zone.today(now), m / 60, m % 60))
}

/// The calendar file as a `data:` URL for a download link (everything but unreserved
/// characters percent-encoded).
pub fn ics_data_url(e: &CalendarEvent<'_>) -> String {
    let file = ics(e);
    let mut out = String::from("data:text/calendar;charset=utf-8,");
    for b in file.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn ics(e: &CalendarEvent<'_>) -> String {
    let stamp = |t: DateTime<Utc>| {
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    };
    let mut out = String::new();
    let mut line = |s: String| {
        fold(&mut out, &s);
    };
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Jazylu//Booking//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("BEGIN:VEVENT".into());
    line(format!("UID:{}@jazylu", escape(e.reference)));
    line(format!("DTSTAMP:{}", stamp(e.created)));
    line(format!("DTSTART:{}", stamp(e.start)));
    line(format!("DTEND:{}", stamp(e.end)));
    line(format!("SUMMARY:{}", escape(e.title)));
    line(format!("LOCATION:{}", escape(e.location)));
    line(format!("DESCRIPTION:{}", escape(e.description)));
    line("END:VEVENT".into());
    line("END:VCALENDAR".into());
    out
}

/// Text values escape backslash, semicolon, comma and newlines [RFC 5545 3.3.11].
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines end in CRLF and are folded at 75 octets without splitting a character [RFC 5545 3.1].
fn fold(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    let _ = out.write_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_instant;

    fn cat() -> Catalogue {
        Catalogue::parse(include_str!("../../../data/catalogue.sample.json")).expect("valid")
    }

    fn at(s: &str) -> DateTime<Utc> {
        parse_instant(s).expect("instant")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn during_call_centre_hours_the_call_comes_soon() {
        assert_eq!(callback(&cat(), at("2026-11-25T10:30:00+05:00")), Some(Callback::Soon));
    }

    #[test]
    fn before_opening_it_is_today_at_nine() {
        let nine = TimeOfDay::parse("09:00").expect("time");
        assert_eq!(
            callback(&cat(), at("2026-11-25T07:15:00+05:00")),
            Some(Callback::At { date: day(2026, 11, 25), weekday: Weekday::Wed, time: nine })
        );
    }

    #[test]
    fn friday_evening_and_the_weekend_wait_for_monday() {
        let nine = TimeOfDay::parse("09:00").expect("time");
        let monday = Some(Callback::At { date: day(2026, 11, 30), weekday: Weekday::Mon, time: nine });
        assert_eq!(callback(&cat(), at("2026-11-27T17:00:00+05:00")), monday);
        assert_eq!(callback(&cat(), at("2026-11-29T12:00:00+05:00")), monday);
    }

    #[test]
    fn holidays_are_skipped() {
        // 16 December 2026 (Wednesday) is a holiday: a request on the evening of the 15th waits
        // for the 17th.
        let nine = TimeOfDay::parse("09:00").expect("time");
        assert_eq!(
            callback(&cat(), at("2026-12-15T18:00:00+05:00")),
            Some(Callback::At { date: day(2026, 12, 17), weekday: Weekday::Thu, time: nine })
        );
    }

    #[test]
    fn the_calendar_file_has_utc_times_escapes_and_folded_lines() {
        let event = CalendarEvent {
            reference: "JZ-7K3Q9M",
            start: at("2026-11-27T09:00:00+05:00"),
            end: at("2026-11-27T09:20:00+05:00"),
            title: "Повторный приём ЛОР-врача",
            location: "г. Каскелен, ул. Барибаева, 67А",
            description: "Приходите за 10 минут; время Алматы (UTC+5); при себе удостоверение личности.",
            created: at("2026-11-25T10:00:00+05:00"),
        };
        let text = ics(&event);
        assert!(text.contains("\r\nDTSTART:20261127T040000Z\r\n"));
        assert!(text.contains("\r\nDTEND:20261127T042000Z\r\n"));
        assert!(text.contains("LOCATION:г. Каскелен\\, ул. Барибаева\\, 67А\r\n"));
        assert!(text.contains("UID:JZ-7K3Q9M@jazylu\r\n"));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "line of {} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(
            "DESCRIPTION:Приходите за 10 минут\\; время Алматы (UTC+5)\\; при себе удостоверение личности."
        ));
    }
}

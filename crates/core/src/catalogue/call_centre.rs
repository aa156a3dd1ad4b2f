//! When the call centre calls a request back: at once while it is open, else when it next opens
//! (its weekly hours, closed on the clinic's holidays).

use super::Catalogue;
use chrono::{DateTime, Datelike, TimeDelta, Utc};

/// How far ahead an opening is looked for; a call centre closed for longer has no hours.
const LOOK_AHEAD_DAYS: i64 = 14;

impl Catalogue {
    /// For a request that came in at `at`: `None` while the call centre is open, else the moment
    /// it next opens, which is when the patient is due a call.
    pub fn call_due(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let zone = &self.clinic.time_zone;
        let today = zone.today(at);
        for d in 0..=LOOK_AHEAD_DAYS {
            let date = today + TimeDelta::days(d);
            if self.is_holiday(date) {
                continue;
            }
            let midnight = zone.midnight(date)?;
            for span in self.clinic.call_centre_hours.spans_on(date.weekday()) {
                let open = midnight + TimeDelta::minutes(i64::from(span.start().minutes()));
                let close = midnight + TimeDelta::minutes(i64::from(span.end().minutes()));
                if at < open {
                    return Some(open);
                }
                if at < close {
                    return None;
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::clock::parse_instant;
    use crate::Catalogue;

    const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");

    fn due(at: &str) -> Option<String> {
        let cat = Catalogue::parse(SAMPLE).expect("valid");
        let at = parse_instant(at).expect("instant");
        cat.call_due(at).map(|t| t.with_timezone(&cat.clinic().time_zone.offset()).to_rfc3339())
    }

    #[test]
    fn open_hours_mean_a_call_now_and_closed_ones_the_next_opening() {
        // The sample's call centre: Monday to Friday, 09:00-17:00.
        // Wednesday 2026-12-02, midday: open.
        assert_eq!(due("2026-12-02T12:00:00+05:00"), None);
        // The same Wednesday at 23:30: due when it opens on Thursday.
        let thursday = Some("2026-12-03T09:00:00+05:00".to_string());
        assert_eq!(due("2026-12-02T23:30:00+05:00"), thursday);
        // Early on Thursday, before opening: the same morning; at closing time, Friday's.
        assert_eq!(due("2026-12-03T03:00:00+05:00"), thursday);
        assert_eq!(due("2026-12-03T17:00:00+05:00").as_deref(), Some("2026-12-04T09:00:00+05:00"));
        // Friday evening: Monday.
        assert_eq!(due("2026-12-04T18:00:00+05:00").as_deref(), Some("2026-12-07T09:00:00+05:00"));
    }

    #[test]
    fn holidays_are_skipped() {
        // 16 December is Independence Day: a request the evening before waits for the 17th.
        assert_eq!(due("2026-12-15T23:30:00+05:00").as_deref(), Some("2026-12-17T09:00:00+05:00"));
    }
}

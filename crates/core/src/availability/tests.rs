//! Free slots on the sample catalogue, with "now" fixed at Wednesday 2026-11-25 09:00 clinic time
//! (04:00 UTC), and properties over random busy intervals, instants and services.

use super::*;
use crate::catalogue::ServiceId;
use crate::clock::parse_date;
use chrono::Timelike;
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");

/// Kazakhstan's single zone, written out here rather than taken from the catalogue.
const UTC_PLUS_5: i64 = 5 * 60;

fn cat() -> Catalogue {
    Catalogue::parse(SAMPLE).expect("sample is valid")
}

fn service<'a>(cat: &'a Catalogue, id: &str) -> &'a Service {
    cat.service(id).expect("service in the sample")
}

fn doc(id: &str) -> DoctorId {
    DoctorId::parse(id).expect("valid doctor id")
}

fn day(s: &str) -> NaiveDate {
    parse_date(s).expect("valid date in test")
}

/// An instant written in clinic time, "2026-11-25 09:00".
fn at(s: &str) -> DateTime<Utc> {
    let (d, t) = s.split_once(' ').expect("date and time");
    let (h, m) = t.split_once(':').expect("hh:mm");
    let local = day(d).and_hms_opt(h.parse().expect("hour"), m.parse().expect("minute"), 0).expect("time");
    local.and_utc() - TimeDelta::minutes(UTC_PLUS_5)
}

/// Wednesday 2026-11-25, 09:00 in the clinic.
fn now() -> DateTime<Utc> {
    at("2026-11-25 09:00")
}

fn clinic_local(t: DateTime<Utc>) -> chrono::NaiveDateTime {
    t.naive_utc() + TimeDelta::minutes(UTC_PLUS_5)
}

fn hhmm(t: DateTime<Utc>) -> String {
    let l = clinic_local(t);
    format!("{:02}:{:02}", l.hour(), l.minute())
}

/// The clinic times of the slots, "HH:MM".
fn times(slots: &[Slot]) -> Vec<String> {
    slots.iter().map(|s| hhmm(s.start)).collect()
}

/// "HH:MM doctor" for each slot.
fn named(slots: &[Slot]) -> Vec<String> {
    slots.iter().map(|s| format!("{} {}", hhmm(s.start), s.doctor)).collect()
}

/// "HH:MM" from `first` to `last` inclusive, every `step` minutes.
fn every(first: &str, last: &str, step: u16) -> Vec<String> {
    let min = |t: &str| crate::clock::TimeOfDay::parse(t).expect("time").minutes();
    (min(first)..=min(last))
        .step_by(usize::from(step))
        .map(|m| format!("{:02}:{:02}", m / 60, m % 60))
        .collect()
}

fn one(id: &str) -> DoctorChoice {
    DoctorChoice::One(doc(id))
}

fn slots_on(
    cat: &Catalogue,
    svc: &str,
    who: &DoctorChoice,
    busy: &[Busy],
    now: DateTime<Utc>,
    d: &str,
) -> Vec<Slot> {
    free_slots(cat, service(cat, svc), who, busy, now, day(d), day(d))
}

fn busy(doctor: &str, from: &str, to: &str) -> Busy {
    Busy { doctor: doc(doctor), start: at(from), end: at(to) }
}

#[test]
fn zhumabayeva_repeat_visits_on_thursday_fill_the_day_around_the_break() {
    let cat = cat();
    let slots = slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], now(), "2026-11-26");
    let mut expected = every("09:00", "12:40", 20);
    expected.extend(every("14:00", "17:40", 20));
    assert_eq!(times(&slots), expected);
    assert!(slots.iter().all(|s| s.doctor.as_str() == "zhumabayeva"));
    assert!(slots.iter().all(|s| s.end - s.start == TimeDelta::minutes(20)));
}

#[test]
fn clinic_time_is_utc_plus_5() {
    let cat = cat();
    assert_eq!(now().to_rfc3339(), "2026-11-25T04:00:00+00:00");
    let slots = slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], now(), "2026-11-26");
    let first = slots.first().expect("a slot");
    assert_eq!(first.start.to_rfc3339(), "2026-11-26T04:00:00+00:00");
    assert_eq!(first.end.to_rfc3339(), "2026-11-26T04:20:00+00:00");
    // The last afternoon slot, 17:40-18:00 in the clinic, is 12:40-13:00 UTC.
    let last = slots.last().expect("a slot");
    assert_eq!(last.start.to_rfc3339(), "2026-11-26T12:40:00+00:00");
    assert_eq!(last.end.to_rfc3339(), "2026-11-26T13:00:00+00:00");
}

#[test]
fn a_visit_that_would_run_past_the_end_of_a_span_is_not_offered() {
    let cat = cat();
    // Akhmetov on Fridays: 13:00-16:00 and 16:30-19:00. 20-minute visits fit 13:00..15:40 exactly;
    // after the break 16:30 + 7 * 20 = 18:50 would end at 19:10.
    let slots = slots_on(&cat, "visit-repeat", &one("akhmetov"), &[], now(), "2026-11-27");
    let mut expected = every("13:00", "15:40", 20);
    expected.extend(every("16:30", "18:30", 20));
    assert_eq!(times(&slots), expected);
    // Kassymova's Tuesday morning after the break is 11:30-14:00: 20-minute visits up to 13:30.
    let slots = slots_on(&cat, "nasal-lavage", &one("kassymova"), &[], now(), "2026-12-01");
    let mut expected = every("08:00", "10:40", 20);
    expected.extend(every("11:30", "13:30", 20));
    assert_eq!(times(&slots), expected);
}

#[test]
fn a_busy_interval_removes_exactly_the_slots_it_overlaps() {
    let cat = cat();
    let busy = [
        busy("zhumabayeva", "2026-11-26 10:10", "2026-11-26 10:50"),
        busy("zhumabayeva", "2026-11-26 12:00", "2026-11-26 12:20"),
        // Another doctor's appointment and an empty interval block nothing.
        busy("akhmetov", "2026-11-26 09:00", "2026-11-26 18:00"),
        busy("zhumabayeva", "2026-11-26 15:10", "2026-11-26 15:10"),
    ];
    let slots = slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &busy, now(), "2026-11-26");
    let mut expected = every("09:00", "12:40", 20);
    expected.retain(|t| !["10:00", "10:20", "10:40", "12:00"].contains(&t.as_str()));
    expected.extend(every("14:00", "17:40", 20));
    assert_eq!(times(&slots), expected);
    // Half-open: 09:40-10:00 and 11:00-11:20 touch the busy time and stay.
    assert!(times(&slots).contains(&"09:40".to_string()));
    assert!(times(&slots).contains(&"11:00".to_string()));
    // What is offered can be booked: the endpoint's check agrees, empty interval included.
    let visit = service(&cat, "visit-repeat");
    for s in &slots {
        assert_eq!(check_slot(&cat, visit, &s.doctor, s.start, &busy, now()), Ok(s.clone()), "{:?}", s.start);
    }
}

#[test]
fn overlapping_and_nested_busy_intervals_block_their_whole_union() {
    let cat = cat();
    let busy = [
        busy("zhumabayeva", "2026-11-26 09:00", "2026-11-26 11:00"),
        busy("zhumabayeva", "2026-11-26 09:30", "2026-11-26 09:50"),
        busy("zhumabayeva", "2026-11-26 10:50", "2026-11-26 11:30"),
        busy("zhumabayeva", "2026-11-26 11:30", "2026-11-26 11:45"),
    ];
    let slots = slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &busy, now(), "2026-11-26");
    assert_eq!(times(&slots).first().map(String::as_str), Some("12:00"));
    assert_eq!(slots.len(), 24 - 9);
}

#[test]
fn min_notice_cuts_todays_early_slots() {
    let cat = cat();
    // Now 09:00, an hour's notice: the first slot today is 10:00.
    let slots = slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], now(), "2026-11-25");
    assert_eq!(times(&slots).first().map(String::as_str), Some("10:00"));
    assert_eq!(slots.len(), 24 - 3);
    // Five minutes later 10:00 is too soon as well.
    let slots =
        slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], at("2026-11-25 09:05"), "2026-11-25");
    assert_eq!(times(&slots).first().map(String::as_str), Some("10:20"));
    // After 17:00 nothing is left today, and yesterday has nothing at all.
    assert!(slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], at("2026-11-25 16:41"), "2026-11-25")
        .is_empty());
    assert!(slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], now(), "2026-11-24").is_empty());
}

#[test]
fn the_horizon_ends_30_days_after_today() {
    let cat = cat();
    let svc = service(&cat, "visit-repeat");
    let slots = free_slots(&cat, svc, &DoctorChoice::Any, &[], now(), day("2026-11-25"), day("2027-01-31"));
    let last = slots.last().expect("slots");
    assert_eq!(clinic_local(last.start).date(), day("2026-12-25"));
    assert_eq!(named(std::slice::from_ref(last)), ["18:30 akhmetov"]);
    // Saturday 26 December would have Akhmetov's slots, a day later.
    assert!(slots_on(&cat, "visit-repeat", &DoctorChoice::Any, &[], now(), "2026-12-26").is_empty());
    let later = at("2026-11-26 09:00");
    assert_eq!(
        times(&slots_on(&cat, "visit-repeat", &DoctorChoice::Any, &[], later, "2026-12-26")).first(),
        Some(&"09:00".to_string())
    );
}

#[test]
fn the_holiday_of_16_december_has_no_slots() {
    let cat = cat();
    for svc in cat.services() {
        let slots =
            free_slots(&cat, svc, &DoctorChoice::Any, &[], now(), day("2026-12-16"), day("2026-12-16"));
        assert!(slots.is_empty(), "{}", svc.id);
    }
    // The Wednesday after is an ordinary day.
    assert_eq!(slots_on(&cat, "visit-repeat", &DoctorChoice::Any, &[], now(), "2026-12-23").len(), 24 + 16);
}

#[test]
fn the_exception_of_31_december_replaces_the_weekly_hours() {
    let cat = cat();
    let now = at("2026-12-20 09:00");
    let slots = slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], now, "2026-12-31");
    assert_eq!(times(&slots), every("09:00", "12:40", 20));
    // The Thursday before keeps the weekly hours.
    assert_eq!(slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], now, "2026-12-24").len(), 24);
}

#[test]
fn any_doctor_is_the_union_with_each_slot_naming_its_doctor() {
    let cat = cat();
    // Friday: Zhumabayeva 09:00-13:00 and 14:00-18:00, Akhmetov 13:00-16:00 and 16:30-19:00.
    let any = slots_on(&cat, "visit-repeat", &DoctorChoice::Any, &[], now(), "2026-11-27");
    let zh = slots_on(&cat, "visit-repeat", &one("zhumabayeva"), &[], now(), "2026-11-27");
    let ak = slots_on(&cat, "visit-repeat", &one("akhmetov"), &[], now(), "2026-11-27");
    assert_eq!(any.len(), zh.len() + ak.len());
    let around_the_break: Vec<String> = named(&any).into_iter().skip(11).take(8).collect();
    assert_eq!(
        around_the_break,
        [
            "12:40 zhumabayeva",
            "13:00 akhmetov",
            "13:20 akhmetov",
            "13:40 akhmetov",
            "14:00 zhumabayeva",
            "14:00 akhmetov",
            "14:20 zhumabayeva",
            "14:20 akhmetov",
        ]
    );
    let tail: Vec<String> = named(&any).into_iter().rev().take(3).collect();
    assert_eq!(tail, ["18:30 akhmetov", "18:10 akhmetov", "17:50 akhmetov"]);
}

#[test]
fn a_doctor_who_does_not_provide_the_service_has_no_slots() {
    let cat = cat();
    assert!(slots_on(&cat, "visit-repeat", &one("kassymova"), &[], now(), "2026-11-26").is_empty());
    assert!(slots_on(&cat, "visit-repeat", &one("nobody"), &[], now(), "2026-11-26").is_empty());
    // She does provide children's visits on Thursdays.
    assert!(!slots_on(&cat, "visit-child", &one("kassymova"), &[], now(), "2026-11-26").is_empty());
}

#[test]
fn an_empty_or_reversed_window_has_no_slots() {
    let cat = cat();
    let svc = service(&cat, "visit-repeat");
    assert!(free_slots(&cat, svc, &DoctorChoice::Any, &[], now(), day("2026-11-27"), day("2026-11-26"))
        .is_empty());
}

#[test]
fn check_slot_accepts_an_offered_start() {
    let cat = cat();
    let svc = service(&cat, "visit-repeat");
    let got = check_slot(&cat, svc, &doc("zhumabayeva"), at("2026-11-26 14:00"), &[], now());
    let want =
        Slot { doctor: doc("zhumabayeva"), start: at("2026-11-26 14:00"), end: at("2026-11-26 14:20") };
    assert_eq!(got, Ok(want));
    // Exactly the minimum notice is enough, and so is the last day of the horizon.
    assert!(check_slot(&cat, svc, &doc("zhumabayeva"), at("2026-11-25 10:00"), &[], now()).is_ok());
    assert!(check_slot(&cat, svc, &doc("zhumabayeva"), at("2026-12-25 17:40"), &[], now()).is_ok());
}

#[test]
fn check_slot_names_every_reason() {
    let cat = cat();
    let svc = service(&cat, "visit-repeat");
    let zh = doc("zhumabayeva");
    let check = |doctor: &DoctorId, start: &str, busy: &[Busy]| {
        check_slot(&cat, svc, doctor, at(start), busy, now()).map_err(SlotError::code)
    };

    let mut stale = svc.clone();
    stale.id = ServiceId::parse("visit-old").expect("valid id");
    let unknown = check_slot(&cat, &stale, &zh, at("2026-11-26 09:00"), &[], now());
    assert_eq!(unknown.map_err(SlotError::code), Err("unknown_service"));

    assert_eq!(check(&doc("kassymova"), "2026-11-26 09:00", &[]), Err("doctor_not_for_service"));
    assert_eq!(check(&doc("nobody"), "2026-11-26 09:00", &[]), Err("doctor_not_for_service"));
    assert_eq!(check(&zh, "2026-11-24 09:00", &[]), Err("in_the_past"));
    assert_eq!(check(&zh, "2026-11-25 08:59", &[]), Err("in_the_past"));
    assert_eq!(check(&zh, "2026-11-25 09:20", &[]), Err("too_soon"));
    assert_eq!(check(&zh, "2026-11-25 09:59", &[]), Err("too_soon"));
    assert_eq!(check(&zh, "2026-12-28 09:00", &[]), Err("beyond_horizon"));
    assert_eq!(check(&zh, "2026-12-16 09:00", &[]), Err("clinic_closed"));
    assert_eq!(check(&zh, "2026-11-28 09:00", &[]), Err("clinic_closed"));
    assert_eq!(check(&zh, "2026-11-26 09:10", &[]), Err("outside_hours"));
    assert_eq!(check(&zh, "2026-11-26 13:00", &[]), Err("outside_hours"));
    assert_eq!(check(&zh, "2026-11-26 08:40", &[]), Err("outside_hours"));
    assert_eq!(check(&zh, "2026-11-26 18:00", &[]), Err("outside_hours"));
    assert_eq!(check(&doc("akhmetov"), "2026-11-27 18:50", &[]), Err("outside_hours"));
    let off_by_seconds = at("2026-11-26 09:00") + TimeDelta::seconds(30);
    assert_eq!(
        check_slot(&cat, svc, &zh, off_by_seconds, &[], now()).map_err(SlotError::code),
        Err("outside_hours")
    );
    let taken = [busy("zhumabayeva", "2026-11-26 09:10", "2026-11-26 09:30")];
    assert_eq!(check(&zh, "2026-11-26 09:00", &taken), Err("slot_taken"));
    assert_eq!(check(&zh, "2026-11-26 09:20", &taken), Err("slot_taken"));
    assert!(check(&zh, "2026-11-26 09:40", &taken).is_ok());
    assert!(check(&doc("akhmetov"), "2026-11-27 13:00", &taken).is_ok());
}

#[test]
fn check_slot_reports_the_first_reason_in_order() {
    let cat = cat();
    let svc = service(&cat, "visit-repeat");
    let check = |doctor: &str, start: &str| {
        let busy = [busy(doctor, "2026-01-01 00:00", "2028-01-01 00:00")];
        check_slot(&cat, svc, &doc(doctor), at(start), &busy, now()).map_err(SlotError::code)
    };
    // Each start also fails every later test.
    assert_eq!(check("kassymova", "2026-11-24 09:10"), Err("doctor_not_for_service"));
    assert_eq!(check("zhumabayeva", "2026-11-25 08:10"), Err("in_the_past"));
    assert_eq!(check("zhumabayeva", "2026-11-25 09:10"), Err("too_soon"));
    assert_eq!(check("zhumabayeva", "2026-12-26 09:10"), Err("beyond_horizon"));
    assert_eq!(check("zhumabayeva", "2026-12-16 09:10"), Err("clinic_closed"));
    assert_eq!(check("zhumabayeva", "2026-11-26 09:10"), Err("outside_hours"));
    assert_eq!(check("zhumabayeva", "2026-11-26 09:00"), Err("slot_taken"));
}

#[test]
fn error_codes_are_stable() {
    let all = [
        (SlotError::UnknownService, "unknown_service"),
        (SlotError::DoctorNotForService, "doctor_not_for_service"),
        (SlotError::InThePast, "in_the_past"),
        (SlotError::TooSoon, "too_soon"),
        (SlotError::BeyondHorizon, "beyond_horizon"),
        (SlotError::ClinicClosed, "clinic_closed"),
        (SlotError::OutsideHours, "outside_hours"),
        (SlotError::Taken, "slot_taken"),
    ];
    for (e, code) in all {
        assert_eq!(e.code(), code);
        assert_eq!(e.to_string(), code);
    }
}

// ---- Properties ----------------------------------------------------------------------------

/// 2026-11-20 00:00 UTC (05:00 in the clinic): the random instants lie in the 40 days after it,
/// which take in the holiday of 16 December and the exception of 31 December.
fn base() -> DateTime<Utc> {
    at("2026-11-20 05:00")
}

#[derive(Debug, Clone)]
struct Case {
    service: usize,
    /// 0 = any doctor, else the catalogue's doctor `choice - 1` (who may not provide the service).
    choice: usize,
    now: DateTime<Utc>,
    from: NaiveDate,
    to: NaiveDate,
    busy: Vec<Busy>,
    /// Requested starts for `check_slot`, each with a doctor of the catalogue.
    requests: Vec<(DoctorId, DateTime<Utc>)>,
}

const SPAN_MIN: i64 = 40 * 24 * 60;

fn case() -> impl Strategy<Value = Case> {
    let doctors: Vec<DoctorId> = cat().doctors().iter().map(|d| d.id.clone()).collect();
    let n_services = cat().services().len();
    (
        0..n_services,
        0..=doctors.len(),
        (0..SPAN_MIN, 0..60i64),
        (-2i64..=3, 0u64..=35),
        // Busy time spread over the 40 days, and more of it crowded into the next three, where
        // intervals overlap, nest and touch.
        prop::collection::vec((0..doctors.len(), -24 * 60..SPAN_MIN, 1i64..=180), 0..15),
        prop::collection::vec((0..doctors.len(), -12 * 60..3 * 24 * 60i64, 1i64..=240), 0..25),
        prop::collection::vec((0..doctors.len(), -24 * 60..SPAN_MIN / 5), 0..40),
    )
        .prop_map(move |(service, choice, (now_min, now_sec), (from_off, len), wide, near, requests)| {
            let now = base() + TimeDelta::minutes(now_min) + TimeDelta::seconds(now_sec);
            let today = clinic_local(now).date();
            let from = today + TimeDelta::days(from_off);
            let to = from + Days::new(len);
            let wide = wide.into_iter().map(|(d, start, len)| (d, base() + TimeDelta::minutes(start), len));
            // On 5-minute marks, like the slots, so that some intervals touch them exactly.
            let near =
                near.into_iter().map(|(d, start, len)| (d, now + TimeDelta::minutes(start / 5 * 5), len));
            let busy = wide
                .chain(near)
                .map(|(d, start, len)| Busy {
                    doctor: doctors[d].clone(),
                    start,
                    end: start + TimeDelta::minutes(len),
                })
                .collect();
            // Starts on 5-minute marks, so that many of them fall on some doctor's grid.
            let requests = requests
                .into_iter()
                .map(|(d, k)| (doctors[d].clone(), base() + TimeDelta::minutes(5 * k)))
                .collect();
            Case { service, choice, now, from, to, busy, requests }
        })
}

impl Case {
    fn service<'a>(&self, cat: &'a Catalogue) -> &'a Service {
        &cat.services()[self.service]
    }

    fn choice(&self, cat: &Catalogue) -> DoctorChoice {
        match self.choice {
            0 => DoctorChoice::Any,
            i => DoctorChoice::One(cat.doctors()[i - 1].id.clone()),
        }
    }

    fn slots(&self, cat: &Catalogue) -> Vec<Slot> {
        free_slots(cat, self.service(cat), &self.choice(cat), &self.busy, self.now, self.from, self.to)
    }
}

fn position(svc: &Service, d: &DoctorId) -> usize {
    svc.doctors.iter().position(|x| x == d).expect("slot doctor provides the service")
}

/// The doctor's working spans on a date, holidays included, from the catalogue's own accessors.
fn working_spans(cat: &Catalogue, doctor: &DoctorId, date: NaiveDate) -> Vec<Span> {
    let d = cat.doctor(doctor.as_str()).expect("known doctor");
    match d.exceptions.iter().find(|e| e.date() == date) {
        Some(e) => e.spans(),
        None => d.schedule.spans_on(date.weekday()),
    }
}

fn time_of_day(minutes: u16) -> crate::clock::TimeOfDay {
    crate::clock::TimeOfDay::parse(&format!("{:02}:{:02}", minutes / 60, minutes % 60)).expect("time of day")
}

/// Every slot by brute force: each minute of each span of each date of the window, tested against
/// each rule directly.
fn oracle(cat: &Catalogue, c: &Case) -> Vec<Slot> {
    let svc = c.service(cat);
    let dur = i64::from(svc.duration.get());
    let policies = &cat.clinic().policies;
    let earliest = c.now + TimeDelta::minutes(i64::from(policies.min_notice_min));
    let last_day = clinic_local(c.now).date() + Days::new(u64::from(policies.horizon_days));
    let mut out: Vec<(usize, Slot)> = Vec::new();
    for (pos, id) in svc.doctors.iter().enumerate() {
        if let DoctorChoice::One(one) = c.choice(cat) {
            if &one != id {
                continue;
            }
        }
        for date in c.from.iter_days().take_while(|d| *d <= c.to) {
            if cat.is_holiday(date) || date > last_day {
                continue;
            }
            for span in working_spans(cat, id, date) {
                let (s, e) = (i64::from(span.start().minutes()), i64::from(span.end().minutes()));
                for m in s..e {
                    if (m - s) % dur != 0 || m + dur > e {
                        continue;
                    }
                    let start =
                        date.and_time(chrono::NaiveTime::MIN).and_utc() + TimeDelta::minutes(m - UTC_PLUS_5);
                    let end = start + TimeDelta::minutes(dur);
                    let taken = c.busy.iter().any(|b| &b.doctor == id && b.start < end && start < b.end);
                    if start >= earliest && !taken {
                        out.push((pos, Slot { doctor: id.clone(), start, end }));
                    }
                }
            }
        }
    }
    out.sort_by_key(|(pos, s)| (s.start, *pos));
    out.into_iter().map(|(_, s)| s).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn prop_no_slot_overlaps_busy_time_of_its_doctor(c in case()) {
        let cat = cat();
        for s in c.slots(&cat) {
            for b in c.busy.iter().filter(|b| b.doctor == s.doctor) {
                let overlap = b.start < s.end && s.start < b.end;
                prop_assert!(!overlap, "{} {} overlaps {}..{}", s.doctor, s.start, b.start, b.end);
            }
        }
    }

    #[test]
    fn prop_slots_lie_on_the_grid_inside_a_span_of_their_doctor(c in case()) {
        let cat = cat();
        let svc = c.service(&cat);
        let dur = u16::from(svc.duration.get());
        for s in c.slots(&cat) {
            prop_assert!(svc.doctors.contains(&s.doctor));
            prop_assert_eq!(s.end - s.start, TimeDelta::minutes(i64::from(dur)));
            let (l, e) = (clinic_local(s.start), clinic_local(s.end));
            let date = l.date();
            prop_assert!(!cat.is_holiday(date), "slot on holiday {}", date);
            prop_assert_eq!(l.second(), 0);
            let start_min = (l.hour() * 60 + l.minute()) as u16;
            let end_min = if e.date() == date { (e.hour() * 60 + e.minute()) as u16 } else { 24 * 60 };
            let visit = Span::new(time_of_day(start_min), time_of_day(end_min)).expect("non-empty visit");
            let spans = working_spans(&cat, &s.doctor, date);
            let home = spans.iter().find(|sp| sp.contains(visit));
            prop_assert!(home.is_some(), "{} {} not inside {:?}", s.doctor, visit, spans);
            let home = home.expect("checked");
            prop_assert_eq!((start_min - home.start().minutes()) % dur, 0, "off the grid: {}", visit);
        }
    }

    #[test]
    fn prop_no_slot_starts_before_now_plus_notice(c in case()) {
        let cat = cat();
        let earliest = c.now + TimeDelta::minutes(i64::from(cat.clinic().policies.min_notice_min));
        for s in c.slots(&cat) {
            prop_assert!(s.start >= earliest, "{} before {}", s.start, earliest);
        }
    }

    #[test]
    fn prop_no_slot_beyond_the_horizon_or_outside_the_dates(c in case()) {
        let cat = cat();
        let today = clinic_local(c.now).date();
        let last = today + Days::new(u64::from(cat.clinic().policies.horizon_days));
        for s in c.slots(&cat) {
            let date = clinic_local(s.start).date();
            prop_assert!(date <= last, "{} after {}", date, last);
            prop_assert!(c.from <= date && date <= c.to, "{} outside {}..={}", date, c.from, c.to);
        }
    }

    #[test]
    fn prop_any_is_the_ordered_union_of_each_doctor(c in case()) {
        let cat = cat();
        let svc = c.service(&cat);
        let any = free_slots(&cat, svc, &DoctorChoice::Any, &c.busy, c.now, c.from, c.to);
        let mut union: Vec<Slot> = Vec::new();
        for d in &svc.doctors {
            union.extend(free_slots(&cat, svc, &DoctorChoice::One(d.clone()), &c.busy, c.now, c.from, c.to));
        }
        union.sort_by_key(|s| (s.start, position(svc, &s.doctor)));
        prop_assert_eq!(&any, &union);
        for w in any.windows(2) {
            let key = |s: &Slot| (s.start, position(svc, &s.doctor));
            prop_assert!(key(&w[0]) < key(&w[1]), "out of order: {:?} then {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn prop_free_slots_equal_a_brute_force_search(c in case()) {
        let cat = cat();
        prop_assert_eq!(c.slots(&cat), oracle(&cat, &c));
    }

    #[test]
    fn prop_check_slot_agrees_with_free_slots(c in case()) {
        let cat = cat();
        let svc = c.service(&cat);
        // Every offered slot is accepted as it is.
        for s in c.slots(&cat) {
            prop_assert_eq!(check_slot(&cat, svc, &s.doctor, s.start, &c.busy, c.now), Ok(s.clone()));
        }
        // Each start that would be offered if no time were booked is accepted exactly when it is
        // still offered with the busy time.
        for d in &svc.doctors {
            let who = DoctorChoice::One(d.clone());
            let offered = free_slots(&cat, svc, &who, &c.busy, c.now, c.from, c.to);
            for s in free_slots(&cat, svc, &who, &[], c.now, c.from, c.to) {
                let got = check_slot(&cat, svc, d, s.start, &c.busy, c.now);
                match offered.contains(&s) {
                    true => prop_assert_eq!(got, Ok(s)),
                    false => prop_assert_eq!(got, Err(SlotError::Taken)),
                }
            }
        }
        // Any other start is accepted exactly when that doctor's day offers it.
        for (d, start) in &c.requests {
            let date = clinic_local(*start).date();
            let offered = free_slots(&cat, svc, &DoctorChoice::One(d.clone()), &c.busy, c.now, date, date);
            let offer = offered.iter().find(|s| s.start == *start).cloned();
            let got = check_slot(&cat, svc, d, *start, &c.busy, c.now);
            prop_assert_eq!(got.clone().ok(), offer, "{} at {}: {:?}", d, start, got);
        }
    }
}

#[test]
fn reads_busy_time_as_the_endpoint_sends_it() {
    let instant = |s| crate::clock::parse_instant(s).expect("instant");
    let text = r#"{"from": "2026-11-27", "to": "2026-11-27", "busy": [
        {"doctor": "zhumabayeva", "start": "2026-11-27T09:00:00+05:00", "end": "2026-11-27T09:30:00+05:00"},
        {"doctor": "Bad Id", "start": "2026-11-27T09:00:00+05:00", "end": "2026-11-27T09:30:00+05:00"}]}"#;
    let answer: jazylu_api::Availability = serde_json::from_str(text).expect("json");
    let busy: Vec<Busy> = answer.busy.iter().filter_map(Busy::from_wire).collect();
    let one = Busy {
        doctor: doc("zhumabayeva"),
        start: instant("2026-11-27T04:00Z"),
        end: instant("2026-11-27T04:30Z"),
    };
    assert_eq!(busy, vec![one.clone()]);
    let zone = chrono::FixedOffset::east_opt(5 * 3600).expect("zone");
    assert_eq!(Busy::from_wire(&one.to_wire(zone)), Some(one));
}

#[test]
fn calendar_shows_only_months_with_a_free_day() {
    let d = |s: &str| parse_date(s).expect("date");
    let today = d("2026-11-25");
    assert_eq!(calendar_months(today, &[]), Vec::<NaiveDate>::new());
    assert_eq!(calendar_months(today, &[d("2026-11-26"), d("2026-11-30")]), [d("2026-11-01")]);
    // December has nothing free: not shown, January is.
    assert_eq!(
        calendar_months(today, &[d("2026-11-30"), d("2027-01-04")]),
        [d("2026-11-01"), d("2027-01-01")]
    );
    // Nothing left this month: the calendar starts with the next.
    assert_eq!(calendar_months(today, &[d("2026-12-01")]), [d("2026-12-01")]);
}

#[test]
fn free_days_are_clinic_days_in_order_each_once() {
    let c = cat();
    let s = service(&c, "endoscopy");
    let slots = free_slots(&c, s, &DoctorChoice::Any, &[], now(), day("2026-11-25"), day("2027-01-31"));
    assert!(slots.len() > 1);
    let zone = c.clinic().time_zone.offset();
    let days = free_days(&slots, zone);
    assert!(days.windows(2).all(|w| w[0] < w[1]));
    for s in &slots {
        assert!(days.contains(&s.start.with_timezone(&zone).date_naive()));
    }
}

#[test]
fn a_window_is_a_date_and_up_to_the_horizon_in_days() {
    let cat = cat();
    let day = |s: &str| parse_date(s).expect("date");
    let widest = Window::parse("2026-01-01", "31", &cat).expect("the sample's 30-day horizon and today");
    assert_eq!((widest.from, widest.to, widest.days()), (day("2026-01-01"), day("2026-01-31"), 31));
    assert_eq!(Window::parse("2026-01-01", "1", &cat).map(|w| w.to), Some(day("2026-01-01")));
    for (from, days) in
        [("2026-01-01", "32"), ("2026-01-01", "0"), ("2026-01-01", "x"), ("2026-02-30", "1"), ("", "5")]
    {
        assert_eq!(Window::parse(from, days, &cat), None, "{from} {days}");
    }
    let asked = Window::horizon(&cat, now());
    assert_eq!(
        (asked.from, asked.days()),
        (day("2026-11-25"), 31),
        "what the widget asks covers the horizon"
    );
    assert_eq!(Window::parse(&asked.from.to_string(), &asked.days().to_string(), &cat), Some(asked));
}

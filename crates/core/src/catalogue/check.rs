//! From the loose document to a `Catalogue`, collecting every problem on the way.

use super::doc::*;
use super::problem::{Problem, ProblemCode as Code};
use super::schedule::{Exception, ScheduleEntry, WeeklySchedule};
use super::*;
use crate::clock::{parse_date, parse_weekday, ClinicZone, IsoDate, Span, SpanError};
use crate::ident::{Bin, IdentError};
use crate::phone::PhoneError;
use chrono::Datelike;
use std::collections::BTreeSet;

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, code: Code, detail: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            code,
            detail: detail.into(),
        });
    }

    fn text(&mut self, path: &str, t: TextDoc) -> Option<Text> {
        let mut field = |lang: &str, v: Option<String>| match v.map(|s| s.trim().to_string()) {
            Some(s) if !s.is_empty() => Some(s),
            _ => {
                self.report(
                    format!("{path}.{lang}"),
                    Code::MissingTranslation,
                    format!("the {lang} text is missing"),
                );
                None
            }
        };
        let (kk, ru, en) = (field("kk", t.kk), field("ru", t.ru), field("en", t.en));
        Some(Text {
            kk: kk?,
            ru: ru?,
            en: en?,
        })
    }

    fn span(&mut self, path: &str, s: &str) -> Option<Span> {
        match Span::parse(s) {
            Ok(span) => Some(span),
            Err(SpanError::Format) => {
                self.report(path, Code::TimeInvalid, format!("{s:?} is not HH:MM-HH:MM"));
                None
            }
            Err(SpanError::Reversed) => {
                self.report(
                    path,
                    Code::IntervalReversed,
                    format!("{s:?} ends before it starts"),
                );
                None
            }
        }
    }

    fn date(&mut self, path: &str, s: &str) -> Option<NaiveDate> {
        let d = parse_date(s);
        if d.is_none() {
            self.report(
                path,
                Code::DateInvalid,
                format!("{s:?} is not a date YYYY-MM-DD"),
            );
        }
        d
    }

    /// Parses an id and reports a duplicate among those already `seen`.
    fn id<T>(
        &mut self,
        path: &str,
        raw: &str,
        seen: &mut BTreeSet<String>,
        parse: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let Some(id) = parse(raw) else {
            self.report(
                path,
                Code::IdInvalid,
                format!("{raw:?}: use a-z, 0-9, '-' and '_' (at most 64)"),
            );
            return None;
        };
        if !seen.insert(raw.to_string()) {
            self.report(path, Code::DuplicateId, format!("{raw:?} is used twice"));
        }
        Some(id)
    }

    fn hours_and_breaks(
        &mut self,
        path: &str,
        hours: &str,
        breaks: &[String],
    ) -> Option<(Span, Vec<Span>)> {
        let hours = self.span(&format!("{path}.hours"), hours);
        let mut ok: Vec<Span> = Vec::new();
        let mut all_parsed = true;
        for (i, b) in breaks.iter().enumerate() {
            let bpath = format!("{path}.breaks[{i}]");
            let Some(b) = self.span(&bpath, b) else {
                all_parsed = false;
                continue;
            };
            if hours.is_some_and(|h| !h.contains(b)) {
                self.report(
                    &bpath,
                    Code::BreakOutsideHours,
                    format!("break {b} is not inside the hours"),
                );
            }
            if let Some(other) = ok.iter().find(|o| o.overlaps(b)) {
                self.report(
                    &bpath,
                    Code::ScheduleOverlap,
                    format!("break {b} overlaps break {other}"),
                );
            }
            ok.push(b);
        }
        Some((hours?, ok)).filter(|_| all_parsed)
    }

    fn schedule(&mut self, path: &str, entries: Vec<ScheduleEntryDoc>) -> Option<WeeklySchedule> {
        let mut out: Vec<ScheduleEntry> = Vec::new();
        let mut all_ok = true;
        for (i, e) in entries.into_iter().enumerate() {
            let epath = format!("{path}[{i}]");
            if e.days.is_empty() {
                self.report(
                    format!("{epath}.days"),
                    Code::DaysEmpty,
                    "name at least one weekday",
                );
                all_ok = false;
            }
            let mut days = Vec::new();
            for (j, d) in e.days.iter().enumerate() {
                match parse_weekday(d) {
                    Some(day) => days.push(day),
                    None => {
                        self.report(
                            format!("{epath}.days[{j}]"),
                            Code::WeekdayInvalid,
                            format!("{d:?}: use mon, tue, wed, thu, fri, sat or sun"),
                        );
                        all_ok = false;
                    }
                }
            }
            let Some((hours, breaks)) = self.hours_and_breaks(&epath, &e.hours, &e.breaks) else {
                all_ok = false;
                continue;
            };
            for prev in &out {
                let shared = days.iter().any(|d| prev.days.contains(d));
                if shared && prev.hours.overlaps(hours) {
                    self.report(
                        format!("{epath}.hours"),
                        Code::ScheduleOverlap,
                        format!("{hours} overlaps {} on the same day", prev.hours),
                    );
                }
            }
            out.push(ScheduleEntry {
                days,
                hours,
                breaks,
            });
        }
        all_ok.then_some(WeeklySchedule(out))
    }

    fn exceptions(&mut self, path: &str, list: Vec<ExceptionDoc>) -> Option<Vec<Exception>> {
        let mut out: Vec<Exception> = Vec::new();
        let mut all_ok = true;
        for (i, e) in list.into_iter().enumerate() {
            let epath = format!("{path}[{i}]");
            let date = self.date(&format!("{epath}.date"), &e.date);
            if let Some(d) = date.filter(|d| out.iter().any(|o| o.date == *d)) {
                self.report(
                    format!("{epath}.date"),
                    Code::DuplicateDate,
                    format!("{} is listed twice", IsoDate(d)),
                );
            }
            let (hours, breaks) = match &e.hours {
                Some(h) => match self.hours_and_breaks(&epath, h, &e.breaks) {
                    Some((h, b)) => (Some(h), b),
                    None => {
                        all_ok = false;
                        continue;
                    }
                },
                None if !e.breaks.is_empty() => {
                    self.report(
                        format!("{epath}.breaks"),
                        Code::BreakOutsideHours,
                        "a day off has no breaks",
                    );
                    (None, Vec::new())
                }
                None => (None, Vec::new()),
            };
            match date {
                Some(date) => out.push(Exception {
                    date,
                    hours,
                    breaks,
                }),
                None => all_ok = false,
            }
        }
        all_ok.then_some(out)
    }

    fn policy(&mut self, name: &str, value: i64, range: std::ops::RangeInclusive<i64>) -> u32 {
        if !range.contains(&value) {
            self.report(
                format!("clinic.policies.{name}"),
                Code::PolicyOutOfRange,
                format!("{value} is outside {}..={}", range.start(), range.end()),
            );
        }
        value.clamp(*range.start(), *range.end()) as u32
    }

    fn clinic(&mut self, c: ClinicDoc) -> Option<Clinic> {
        let name = self.text("clinic.name", c.name);
        let address = self.text("clinic.address", c.address);
        let bin = match Bin::parse(&c.bin) {
            Ok(b) => Some(b),
            Err(IdentError::Format) => {
                self.report(
                    "clinic.bin",
                    Code::BinFormat,
                    format!("{:?} is not 12 digits", c.bin),
                );
                None
            }
            Err(IdentError::Checksum) => {
                self.report(
                    "clinic.bin",
                    Code::BinChecksum,
                    format!("{:?} fails the check digit", c.bin),
                );
                None
            }
        };
        if c.phones.is_empty() {
            self.report(
                "clinic.phones",
                Code::PhonesEmpty,
                "give at least one phone number",
            );
        }
        let mut phones = Vec::new();
        for (i, p) in c.phones.iter().enumerate() {
            match Phone::parse(p) {
                Ok(p) => phones.push(p),
                Err(_) => self.report(
                    format!("clinic.phones[{i}]"),
                    Code::PhoneInvalid,
                    format!("{p:?} is not a Kazakhstan number"),
                ),
            }
        }
        let whatsapp = match c.whatsapp.as_deref().map(Phone::parse_mobile) {
            None => None,
            Some(Ok(p)) => Some(p),
            Some(Err(PhoneError::NotMobile)) => {
                self.report(
                    "clinic.whatsapp",
                    Code::PhoneNotMobile,
                    "WhatsApp needs a mobile number",
                );
                None
            }
            Some(Err(PhoneError::Format)) => {
                self.report(
                    "clinic.whatsapp",
                    Code::PhoneInvalid,
                    "not a Kazakhstan number",
                );
                None
            }
        };
        let time_zone = ClinicZone::parse(&c.time_zone);
        if time_zone.is_none() {
            self.report(
                "clinic.time_zone",
                Code::TimeZoneUnknown,
                format!(
                    "{:?} is not a known Kazakhstan time zone (e.g. Asia/Almaty)",
                    c.time_zone
                ),
            );
        }
        let working_hours = self.schedule("clinic.working_hours", c.working_hours);
        let call_centre_hours = self.schedule("clinic.call_centre_hours", c.call_centre_hours);
        let p = c.policies;
        let policies = Policies {
            cancel_notice_hours: self.policy("cancel_notice_hours", p.cancel_notice_hours, 0..=72),
            late_grace_min: self.policy("late_grace_min", p.late_grace_min, 0..=60),
            first_visit_arrive_early_min: self.policy(
                "first_visit_arrive_early_min",
                p.first_visit_arrive_early_min,
                0..=60,
            ),
            min_notice_min: self.policy("min_notice_min", p.min_notice_min, 0..=7 * 24 * 60),
            horizon_days: self.policy("horizon_days", p.horizon_days, 1..=365),
            auto_confirm: p.auto_confirm,
        };
        Some(Clinic {
            name: name?,
            bin: bin?,
            address: address?,
            phones,
            whatsapp,
            time_zone: time_zone?,
            working_hours: working_hours?,
            call_centre_hours: call_centre_hours?,
            policies,
        })
    }

    fn categories(&mut self, list: Vec<CategoryDoc>) -> Vec<Category> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, c) in list.into_iter().enumerate() {
            let path = format!("categories[{i}]");
            let id = self.id(&format!("{path}.id"), &c.id, &mut seen, CategoryId::parse);
            let name = self.text(&format!("{path}.name"), c.name);
            if let (Some(id), Some(name)) = (id, name) {
                out.push(Category { id, name });
            }
        }
        out
    }

    fn doctors(&mut self, list: Vec<DoctorDoc>, clinic: Option<&Clinic>) -> Vec<Doctor> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, d) in list.into_iter().enumerate() {
            let path = format!("doctors[{i}]");
            let id = self.id(&format!("{path}.id"), &d.id, &mut seen, DoctorId::parse);
            let name = self.text(&format!("{path}.name"), d.name);
            let specialty = self.text(&format!("{path}.specialty"), d.specialty);
            let schedule = self.schedule(&format!("{path}.schedule"), d.schedule);
            if let (Some(week), Some(clinic)) = (&schedule, clinic) {
                self.within_clinic_hours(&path, week, &clinic.working_hours);
            }
            let exceptions = self.exceptions(&format!("{path}.exceptions"), d.exceptions);
            if let (Some(id), Some(name), Some(specialty), Some(schedule), Some(exceptions)) =
                (id, name, specialty, schedule, exceptions)
            {
                out.push(Doctor {
                    id,
                    name,
                    specialty,
                    schedule,
                    exceptions,
                });
            }
        }
        out
    }

    /// A doctor receives only while the clinic is open [public offer 3.2].
    fn within_clinic_hours(&mut self, path: &str, week: &WeeklySchedule, clinic: &WeeklySchedule) {
        for (i, e) in week.entries().iter().enumerate() {
            for day in &e.days {
                let open = clinic
                    .entries()
                    .iter()
                    .filter(|c| c.days.contains(day))
                    .any(|c| c.hours.contains(e.hours));
                if !open {
                    self.report(
                        format!("{path}.schedule[{i}].hours"),
                        Code::OutsideClinicHours,
                        format!(
                            "{} on {} is outside the clinic's working hours",
                            e.hours,
                            crate::clock::weekday_key(*day)
                        ),
                    );
                    break;
                }
            }
        }
    }

    fn services(
        &mut self,
        list: Vec<ServiceDoc>,
        categories: &BTreeSet<String>,
        doctors: &BTreeSet<String>,
    ) -> Vec<Service> {
        if list.is_empty() {
            self.report(
                "services",
                Code::ServicesEmpty,
                "the catalogue lists no services",
            );
        }
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, s) in list.into_iter().enumerate() {
            let path = format!("services[{i}]");
            let id = self.id(&format!("{path}.id"), &s.id, &mut seen, ServiceId::parse);
            let category =
                CategoryId::parse(&s.category).filter(|c| categories.contains(c.as_str()));
            if category.is_none() {
                self.report(
                    format!("{path}.category"),
                    Code::UnknownId,
                    format!("no category {:?}", s.category),
                );
            }
            let name = self.text(&format!("{path}.name"), s.name);
            let price = Tenge::new(s.price);
            if price.is_none() {
                self.report(
                    format!("{path}.price"),
                    Code::PriceNotPositive,
                    format!("{} is not a positive whole number of tenge", s.price),
                );
            }
            let promo = s
                .promo
                .and_then(|p| self.promo(&format!("{path}.promo"), p, price));
            let duration = VisitMinutes::new(s.duration_min);
            if duration.is_none() {
                self.report(
                    format!("{path}.duration_min"),
                    Code::DurationOutOfRange,
                    format!("{} minutes is outside 5..=60", s.duration_min),
                );
            }
            if s.doctors.is_empty() {
                self.report(
                    format!("{path}.doctors"),
                    Code::DoctorsEmpty,
                    "name at least one doctor who provides it",
                );
            }
            let mut ids: Vec<DoctorId> = Vec::new();
            for (j, d) in s.doctors.iter().enumerate() {
                let dpath = format!("{path}.doctors[{j}]");
                match DoctorId::parse(d).filter(|d| doctors.contains(d.as_str())) {
                    None => self.report(dpath, Code::UnknownId, format!("no doctor {d:?}")),
                    Some(d) if ids.contains(&d) => {
                        self.report(dpath, Code::DuplicateId, format!("{d} is listed twice"))
                    }
                    Some(d) => ids.push(d),
                }
            }
            if let (Some(id), Some(category), Some(name), Some(price), Some(duration)) =
                (id, category, name, price, duration)
            {
                out.push(Service {
                    id,
                    category,
                    name,
                    price,
                    promo,
                    duration,
                    doctors: ids,
                    needs_informed_consent: s.needs_informed_consent,
                });
            }
        }
        out
    }

    fn promo(&mut self, path: &str, p: PromoDoc, regular: Option<Tenge>) -> Option<Promo> {
        let price = Tenge::new(p.price);
        match (price, regular) {
            (None, _) => self.report(
                format!("{path}.price"),
                Code::PriceNotPositive,
                format!("{} is not a positive whole number of tenge", p.price),
            ),
            (Some(new), Some(old)) if new >= old => self.report(
                format!("{path}.price"),
                Code::PromoNotLower,
                format!(
                    "{} is not lower than the regular {}",
                    new.amount(),
                    old.amount()
                ),
            ),
            _ => {}
        }
        let from = self.date(&format!("{path}.from"), &p.from);
        let until = self.date(&format!("{path}.until"), &p.until);
        if let (Some(f), Some(u)) = (from, until) {
            if f > u {
                self.report(
                    format!("{path}.until"),
                    Code::PromoWindowReversed,
                    format!("ends {} before it starts {}", IsoDate(u), IsoDate(f)),
                );
            }
        }
        Some(Promo {
            price: price?,
            from: from?,
            until: until?,
        })
        .filter(|p| p.from <= p.until && regular.is_some_and(|r| p.price < r))
    }

    fn holidays(&mut self, map: BTreeMap<String, Vec<String>>) -> BTreeMap<i32, Vec<NaiveDate>> {
        let mut out = BTreeMap::new();
        for (year, dates) in map {
            let Some(y) = year
                .parse::<i32>()
                .ok()
                .filter(|y| (2000..=2100).contains(y))
            else {
                self.report(
                    format!("holidays.{year}"),
                    Code::DateInvalid,
                    format!("{year:?} is not a year"),
                );
                continue;
            };
            let mut list: Vec<NaiveDate> = Vec::new();
            for (i, d) in dates.iter().enumerate() {
                let path = format!("holidays.{year}[{i}]");
                let Some(date) = self.date(&path, d) else {
                    continue;
                };
                if date.year() != y {
                    self.report(
                        &path,
                        Code::HolidayYearMismatch,
                        format!("{d} is not in {year}"),
                    );
                } else if list.contains(&date) {
                    self.report(&path, Code::DuplicateDate, format!("{d} is listed twice"));
                } else {
                    list.push(date);
                }
            }
            list.sort();
            out.insert(y, list);
        }
        out
    }
}

pub(super) fn check(doc: Doc) -> Result<Catalogue, Vec<Problem>> {
    let mut c = Checker::default();
    let clinic = c.clinic(doc.clinic);
    let category_ids: BTreeSet<String> = doc.categories.iter().map(|x| x.id.clone()).collect();
    let doctor_ids: BTreeSet<String> = doc.doctors.iter().map(|x| x.id.clone()).collect();
    let categories = c.categories(doc.categories);
    let doctors = c.doctors(doc.doctors, clinic.as_ref());
    let services = c.services(doc.services, &category_ids, &doctor_ids);
    let holidays = c.holidays(doc.holidays);
    match clinic {
        Some(clinic) if c.problems.is_empty() => Ok(Catalogue {
            sample: doc.sample,
            clinic,
            categories,
            doctors,
            services,
            holidays,
        }),
        _ => Err(c.problems),
    }
}

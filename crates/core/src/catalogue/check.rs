//! The catalogue's rules: from the JSON document to a `Catalogue`, collecting every problem.

use super::problem::{detail, locate, Problem, ProblemCode as Code};
use super::read::{index, Obj};
use super::schedule::{Exception, ScheduleEntry, WeeklySchedule};
use super::*;
use crate::clock::{parse_date, parse_weekday, weekday_key, ClinicZone, IsoDate, Span, SpanError};
use crate::ident::{Bin, IdentError};
use crate::phone::PhoneError;
use chrono::Datelike;
use serde_json::Value as Json;

#[derive(Default)]
pub(super) struct Checker {
    problems: Vec<Problem>,
}

// `texts` is what a published catalogue carries besides the clinic's own: made again here.
const DOC: &[&str] =
    &["sample", "clinic", "documents", "categories", "doctors", "services", "holidays", "texts"];
const CLINIC: &[&str] = &[
    "name",
    "legal_name",
    "bin",
    "licence",
    "address",
    "phones",
    "whatsapp",
    "complaints",
    "data_location",
    "time_zone",
    "working_hours",
    "call_centre_hours",
    "policies",
];
const POLICIES: &[&str] = &[
    "cancel_notice_hours",
    "late_grace_min",
    "first_visit_arrive_early_min",
    "min_notice_min",
    "horizon_days",
    "auto_confirm",
    "max_live_bookings",
    "max_delay_min",
    "video_recording",
    "footage_in_advertising",
    "insurance_accepted",
    "calls_recorded",
    "repeat_visit_same_price",
];
const LICENCE: &[&str] = &["number", "date"];
const COMPLAINTS: &[&str] = &["whatsapp", "answer_working_days"];
const DOCUMENTS: &[&str] = &["offer", "personal_data"];
const DOCUMENT: &[&str] = &["version", "url", "text"];
const TEXT: &[&str] = &["kk", "ru", "en"];
const ENTRY: &[&str] = &["days", "hours", "breaks"];
const EXCEPTION: &[&str] = &["date", "hours", "breaks"];
const CATEGORY: &[&str] = &["id", "name"];
const DOCTOR: &[&str] = &["id", "name", "specialty", "schedule", "exceptions"];
const SERVICE: &[&str] =
    &["id", "category", "name", "price", "promo", "duration_min", "doctors", "needs_informed_consent"];
const PROMO: &[&str] = &["price", "from", "until"];

pub(super) fn check(json: &str) -> Result<Catalogue, Vec<Problem>> {
    let root: Json = serde_json::from_str(json).map_err(|e| {
        vec![Problem { path: String::new(), code: Code::JsonInvalid, detail: detail!("{e}") }]
    })?;
    let mut c = Checker::default();
    let Some(doc) = c.object(&root, String::new(), DOC) else { return Err(c.problems) };
    let sample = c.flag(&doc, "sample");
    let clinic = c.child(&doc, "clinic", CLINIC, true).and_then(|o| c.clinic(&o));
    let documents = c.child(&doc, "documents", DOCUMENTS, true).and_then(|o| c.documents(&o));
    // References are checked against every declared id, so one broken doctor does not also
    // make each service that names it "unknown".
    let (categories, category_ids) = c.categories(&doc);
    let (doctors, doctor_ids) = c.doctors(&doc, clinic.as_ref());
    let services = c.services(&doc, &category_ids, &doctor_ids);
    let holidays = c.holidays(&doc);
    match (clinic, documents) {
        (Some(clinic), Some(documents)) if c.problems.is_empty() => {
            let mut cat = Catalogue {
                sample,
                clinic,
                documents,
                categories,
                doctors,
                services,
                holidays,
                texts: Texts::default(),
            };
            cat.texts = Texts::of(&cat);
            Ok(cat)
        }
        _ => Err(c.problems),
    }
}

impl Checker {
    pub(super) fn report(&mut self, path: impl Into<String>, code: Code, detail: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), code, detail: detail.into() });
    }

    /// A text in all three languages; each missing or blank one is reported.
    fn text(&mut self, o: &Obj<'_>, key: &str) -> Option<Text> {
        let t = self.child(o, key, TEXT, true)?;
        let mut get = |lang: &str| match self.str(&t, lang, false).map(str::trim) {
            Some(s) if !s.is_empty() => Some(s.to_string()),
            _ => {
                self.report(t.at(lang), Code::MissingTranslation, detail!("the {lang} text is missing"));
                None
            }
        };
        let (kk, ru, en) = (get("kk"), get("ru"), get("en"));
        Some(Text { kk: kk?, ru: ru?, en: en? })
    }

    fn span(&mut self, path: String, s: &str) -> Option<Span> {
        match Span::parse(s) {
            Ok(span) => Some(span),
            Err(SpanError::Format) => {
                self.report(path, Code::TimeInvalid, detail!("'{s}' is not HH:MM-HH:MM"));
                None
            }
            Err(SpanError::Reversed) => {
                self.report(path, Code::IntervalReversed, detail!("'{s}' ends before it starts"));
                None
            }
        }
    }

    fn date(&mut self, path: String, s: &str) -> Option<NaiveDate> {
        let d = parse_date(s);
        if d.is_none() {
            self.report(path, Code::DateInvalid, detail!("'{s}' is not a date YYYY-MM-DD"));
        }
        d
    }

    /// An id, unique among `seen` (which it joins).
    fn id<T>(&mut self, o: &Obj<'_>, seen: &mut Vec<String>, parse: fn(&str) -> Option<T>) -> Option<T> {
        let raw = self.str(o, "id", true)?;
        let Some(id) = parse(raw) else {
            self.report(
                o.at("id"),
                Code::IdInvalid,
                detail!("'{raw}': use a-z, 0-9, '-' and '_' (at most 64)"),
            );
            return None;
        };
        if seen.iter().any(|s| s == raw) {
            self.report(o.at("id"), Code::DuplicateId, detail!("'{raw}' is used twice"));
        }
        seen.push(raw.to_string());
        Some(id)
    }

    /// `hours` and `breaks` of a schedule entry or exception; breaks inside the hours, apart.
    fn hours_and_breaks(&mut self, o: &Obj<'_>, hours: &str) -> Option<(Span, Vec<Span>)> {
        let hours = self.span(o.at("hours"), hours);
        let mut breaks: Vec<Span> = Vec::new();
        let mut all_parsed = true;
        for (path, b) in self.strings(o, "breaks", false) {
            let Some(b) = self.span(path.clone(), b) else {
                all_parsed = false;
                continue;
            };
            if hours.is_some_and(|h| !h.contains(b)) {
                self.report(
                    path.clone(),
                    Code::BreakOutsideHours,
                    detail!("break {b} is not inside the hours"),
                );
            }
            if let Some(other) = breaks.iter().find(|o| o.overlaps(b)) {
                self.report(path, Code::ScheduleOverlap, detail!("break {b} overlaps break {other}"));
            }
            breaks.push(b);
        }
        Some((hours?, breaks)).filter(|_| all_parsed)
    }

    fn schedule(&mut self, o: &Obj<'_>, key: &str) -> Option<WeeklySchedule> {
        let path = o.at(key);
        let mut out: Vec<ScheduleEntry> = Vec::new();
        let mut all_ok = true;
        for (i, v) in self.list(o, key, true).iter().enumerate() {
            let Some(e) = self.object(v, index(&path, i), ENTRY) else {
                all_ok = false;
                continue;
            };
            let days = self.strings(&e, "days", true);
            if days.is_empty() {
                self.report(e.at("days"), Code::DaysEmpty, "name at least one weekday");
                all_ok = false;
            }
            let mut weekdays = Vec::new();
            for (dpath, d) in days {
                match parse_weekday(d) {
                    Some(day) => weekdays.push(day),
                    None => {
                        self.report(
                            dpath,
                            Code::WeekdayInvalid,
                            detail!("'{d}': use mon, tue, wed, thu, fri, sat or sun"),
                        );
                        all_ok = false;
                    }
                }
            }
            let Some((hours, breaks)) =
                self.str(&e, "hours", true).and_then(|h| self.hours_and_breaks(&e, h))
            else {
                all_ok = false;
                continue;
            };
            for prev in &out {
                if weekdays.iter().any(|d| prev.days.contains(d)) && prev.hours.overlaps(hours) {
                    let detail = detail!("{hours} overlaps {} on the same day", prev.hours);
                    self.report(e.at("hours"), Code::ScheduleOverlap, detail);
                }
            }
            out.push(ScheduleEntry { days: weekdays, hours, breaks });
        }
        all_ok.then_some(WeeklySchedule(out))
    }

    fn exceptions(&mut self, o: &Obj<'_>) -> Option<Vec<Exception>> {
        let path = o.at("exceptions");
        let mut out: Vec<Exception> = Vec::new();
        let mut all_ok = true;
        for (i, v) in self.list(o, "exceptions", false).iter().enumerate() {
            let Some(e) = self.object(v, index(&path, i), EXCEPTION) else {
                all_ok = false;
                continue;
            };
            let date = self.str(&e, "date", true).and_then(|d| self.date(e.at("date"), d));
            if let Some(d) = date.filter(|d| out.iter().any(|o| o.date == *d)) {
                self.report(e.at("date"), Code::DuplicateDate, detail!("{} is listed twice", IsoDate(d)));
            }
            let (hours, breaks) = match self.str(&e, "hours", false) {
                Some(h) => match self.hours_and_breaks(&e, h) {
                    Some((h, b)) => (Some(h), b),
                    None => {
                        all_ok = false;
                        continue;
                    }
                },
                None => {
                    if !self.list(&e, "breaks", false).is_empty() {
                        self.report(e.at("breaks"), Code::BreakOutsideHours, "a day off has no breaks");
                    }
                    (None, Vec::new())
                }
            };
            match date {
                Some(date) => out.push(Exception { date, hours, breaks }),
                None => all_ok = false,
            }
        }
        all_ok.then_some(out)
    }

    fn clinic(&mut self, c: &Obj<'_>) -> Option<Clinic> {
        let name = self.text(c, "name");
        let address = self.text(c, "address");
        let bin = self.str(c, "bin", true).and_then(|raw| match Bin::parse(raw) {
            Ok(b) => Some(b),
            Err(IdentError::Format) => {
                self.report(c.at("bin"), Code::BinFormat, detail!("'{raw}' is not 12 digits"));
                None
            }
            Err(IdentError::Checksum) => {
                self.report(c.at("bin"), Code::BinChecksum, detail!("'{raw}' fails the check digit"));
                None
            }
        });
        let raw_phones = self.strings(c, "phones", true);
        if raw_phones.is_empty() {
            self.report(c.at("phones"), Code::PhonesEmpty, "give at least one phone number");
        }
        let mut phones = Vec::new();
        for (path, p) in raw_phones {
            match Phone::parse(p) {
                Ok(p) => phones.push(p),
                Err(_) => self.report(path, Code::PhoneInvalid, detail!("'{p}' is not a Kazakhstan number")),
            }
        }
        let whatsapp = self.str(c, "whatsapp", false).and_then(|p| self.whatsapp(c.at("whatsapp"), p));
        let legal_name = self.text(c, "legal_name");
        let data_location = self.text(c, "data_location");
        let licence = self.child(c, "licence", LICENCE, true).and_then(|l| {
            let number = self.str(&l, "number", true).and_then(|n| {
                let ok =
                    (1..=30).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
                if !ok {
                    self.report(
                        l.at("number"),
                        Code::LicenceInvalid,
                        detail!("'{n}': letters, digits and '-'"),
                    );
                }
                ok.then(|| n.to_string())
            });
            let date = self.str(&l, "date", true).and_then(|d| self.date(l.at("date"), d));
            Some(Licence { number: number?, date: date? })
        });
        let complaints = self.child(c, "complaints", COMPLAINTS, true).and_then(|o| {
            let whatsapp = self.str(&o, "whatsapp", true).and_then(|p| self.whatsapp(o.at("whatsapp"), p));
            let days = self.int(&o, "answer_working_days", true).and_then(|n| {
                let ok = (1..=60).contains(&n);
                if !ok {
                    let detail = detail!("{n} is outside 1..=60");
                    self.report(o.at("answer_working_days"), Code::PolicyOutOfRange, detail);
                }
                ok.then_some(n as u32)
            });
            Some(Complaints { whatsapp: whatsapp?, answer_working_days: days? })
        });
        let time_zone = self.str(c, "time_zone", true).and_then(|z| {
            let zone = ClinicZone::parse(z);
            if zone.is_none() {
                let detail = detail!("'{z}' is not a known Kazakhstan time zone (e.g. Asia/Almaty)");
                self.report(c.at("time_zone"), Code::TimeZoneUnknown, detail);
            }
            zone
        });
        let working_hours = self.schedule(c, "working_hours");
        let call_centre_hours = self.schedule(c, "call_centre_hours");
        let policies = self.policies(c);
        Some(Clinic {
            name: name?,
            legal_name: legal_name?,
            bin: bin?,
            licence: licence?,
            address: address?,
            phones,
            whatsapp,
            complaints: complaints?,
            data_location: data_location?,
            time_zone: time_zone?,
            working_hours: working_hours?,
            call_centre_hours: call_centre_hours?,
            policies,
        })
    }

    /// A WhatsApp number: a mobile one.
    fn whatsapp(&mut self, path: String, raw: &str) -> Option<Phone> {
        match Phone::parse_mobile(raw) {
            Ok(p) => Some(p),
            Err(PhoneError::NotMobile) => {
                self.report(path, Code::PhoneNotMobile, "WhatsApp needs a mobile number");
                None
            }
            Err(PhoneError::Format) => {
                self.report(path, Code::PhoneInvalid, "not a Kazakhstan number");
                None
            }
        }
    }

    /// An address to link to: an https one, or a path on the widget's own site.
    fn url(&mut self, o: &Obj<'_>, key: &str) -> Option<String> {
        let u = self.str(o, key, false)?;
        let ok = (u.starts_with("https://") || u.starts_with('/'))
            && u.len() <= 500
            && !u.bytes().any(|b| b <= b' ' || b == b'"' || b == b'<' || b == b'>');
        if !ok {
            self.report(o.at(key), Code::UrlInvalid, "give an https:// address or a /path");
        }
        ok.then(|| u.to_string())
    }

    fn documents(&mut self, o: &Obj<'_>) -> Option<Documents> {
        let offer = self.document(o, "offer");
        let personal_data = self.document(o, "personal_data");
        Some(Documents { offer: offer?, personal_data: personal_data? })
    }

    fn document(&mut self, docs: &Obj<'_>, key: &str) -> Option<Document> {
        let d = self.child(docs, key, DOCUMENT, true)?;
        let version = self.str(&d, "version", true).and_then(|v| {
            let version = Version::parse(v);
            if version.is_none() {
                let detail = detail!("'{v}': 1 to 32 letters, digits, '.', '-' or '_'");
                self.report(d.at("version"), Code::VersionInvalid, detail);
            }
            version
        });
        let url = self.url(&d, "url");
        let text = self.text(&d, "text");
        if let Some(t) = &text {
            for lang in Lang::ALL {
                let n = t.get(lang).chars().count();
                if n > Document::MAX_CHARS {
                    let detail = detail!("{n} characters; at most {}", Document::MAX_CHARS);
                    self.report(locate!("{}.text.{}", d.path, lang.code()), Code::TextTooLong, detail);
                }
            }
        }
        Some(Document { version: version?, url, text: text? })
    }

    /// The offer's rules unless the clinic says otherwise: cancel 10 h ahead, 5 min late grace,
    /// first visit 10 min early, a delay of at most 60 min.
    fn policies(&mut self, c: &Obj<'_>) -> Policies {
        let p = self.child(c, "policies", POLICIES, false);
        let mut get = |name: &str, default: i64, min: i64, max: i64| -> u32 {
            let value = p.as_ref().and_then(|p| self.int(p, name, false)).unwrap_or(default);
            if !(min..=max).contains(&value) {
                let path = locate!("clinic.policies.{name}");
                self.report(path, Code::PolicyOutOfRange, detail!("{value} is outside {min}..={max}"));
            }
            value.clamp(min, max) as u32
        };
        let (cancel_notice_hours, late_grace_min, first_visit_arrive_early_min) = (
            get("cancel_notice_hours", 10, 0, 72),
            get("late_grace_min", 5, 0, 60),
            get("first_visit_arrive_early_min", 10, 0, 60),
        );
        let (min_notice_min, horizon_days, max_live_bookings, max_delay_min) = (
            get("min_notice_min", 60, 0, 7 * 24 * 60),
            get("horizon_days", 30, 1, 365),
            get("max_live_bookings", 2, 1, 20),
            get("max_delay_min", 60, 0, 180),
        );
        let mut flag = |name: &str| p.as_ref().is_some_and(|p| self.flag(p, name));
        let (
            auto_confirm,
            footage_in_advertising,
            insurance_accepted,
            calls_recorded,
            repeat_visit_same_price,
        ) = (
            flag("auto_confirm"),
            flag("footage_in_advertising"),
            flag("insurance_accepted"),
            flag("calls_recorded"),
            flag("repeat_visit_same_price"),
        );
        let video_recording = match p.as_ref().and_then(|p| self.str(p, "video_recording", false)) {
            None | Some("none") => Some(Video::None),
            Some("silent") => Some(Video::Silent),
            Some("with_sound") => Some(Video::WithSound),
            Some(other) => {
                let detail = detail!("'{other}': use none, silent or with_sound");
                self.report("clinic.policies.video_recording", Code::ValueUnknown, detail);
                None
            }
        };
        if footage_in_advertising && video_recording == Some(Video::None) {
            let detail = "footage for advertising needs video_recording";
            self.report("clinic.policies.footage_in_advertising", Code::FootageWithoutVideo, detail);
        }
        Policies {
            cancel_notice_hours,
            late_grace_min,
            first_visit_arrive_early_min,
            min_notice_min,
            horizon_days,
            max_live_bookings,
            auto_confirm,
            max_delay_min,
            video_recording: video_recording.unwrap_or(Video::None),
            footage_in_advertising,
            insurance_accepted,
            calls_recorded,
            repeat_visit_same_price,
        }
    }

    fn categories(&mut self, doc: &Obj<'_>) -> (Vec<Category>, Vec<String>) {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (i, v) in self.list(doc, "categories", false).iter().enumerate() {
            let Some(o) = self.object(v, index("categories", i), CATEGORY) else { continue };
            let id = self.id(&o, &mut seen, CategoryId::parse);
            let name = self.text(&o, "name");
            if let (Some(id), Some(name)) = (id, name) {
                out.push(Category { id, name });
            }
        }
        (out, seen)
    }

    fn doctors(&mut self, doc: &Obj<'_>, clinic: Option<&Clinic>) -> (Vec<Doctor>, Vec<String>) {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (i, v) in self.list(doc, "doctors", false).iter().enumerate() {
            let Some(o) = self.object(v, index("doctors", i), DOCTOR) else { continue };
            let id = self.id(&o, &mut seen, DoctorId::parse);
            let name = self.text(&o, "name");
            let specialty = self.text(&o, "specialty");
            let schedule = self.schedule(&o, "schedule");
            if let (Some(week), Some(clinic)) = (&schedule, clinic) {
                self.within_clinic_hours(&o.at("schedule"), week, &clinic.working_hours);
            }
            let exceptions = self.exceptions(&o);
            if let (Some(id), Some(name), Some(specialty), Some(schedule), Some(exceptions)) =
                (id, name, specialty, schedule, exceptions)
            {
                out.push(Doctor { id, name, specialty, schedule, exceptions });
            }
        }
        (out, seen)
    }

    /// A doctor receives only while the clinic is open [public offer 3.2].
    fn within_clinic_hours(&mut self, path: &str, week: &WeeklySchedule, clinic: &WeeklySchedule) {
        for (i, e) in week.entries().iter().enumerate() {
            let closed = e.days.iter().find(|day| {
                !clinic.entries().iter().any(|c| c.days.contains(day) && c.hours.contains(e.hours))
            });
            if let Some(day) = closed {
                let detail =
                    detail!("{} on {} is outside the clinic's working hours", e.hours, weekday_key(*day));
                self.report(locate!("{path}[{i}].hours"), Code::OutsideClinicHours, detail);
            }
        }
    }

    fn services(&mut self, doc: &Obj<'_>, categories: &[String], doctors: &[String]) -> Vec<Service> {
        let list = self.list(doc, "services", true);
        if list.is_empty() {
            self.report("services", Code::ServicesEmpty, "the catalogue lists no services");
        }
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let Some(o) = self.object(v, index("services", i), SERVICE) else { continue };
            let id = self.id(&o, &mut seen, ServiceId::parse);
            let category = self.str(&o, "category", true).and_then(|raw| {
                let found = CategoryId::parse(raw).filter(|_| categories.iter().any(|c| c == raw));
                if found.is_none() {
                    self.report(o.at("category"), Code::UnknownId, detail!("no category '{raw}'"));
                }
                found
            });
            let name = self.text(&o, "name");
            let price = self.int(&o, "price", true).and_then(|p| self.price(o.at("price"), p));
            let promo = self.child(&o, "promo", PROMO, false).and_then(|p| self.promo(&p, price));
            let duration = self.int(&o, "duration_min", true).and_then(|d| {
                let minutes = VisitMinutes::new(d);
                if minutes.is_none() {
                    self.report(
                        o.at("duration_min"),
                        Code::DurationOutOfRange,
                        detail!("{d} minutes is outside 5..=60"),
                    );
                }
                minutes
            });
            let who = self.service_doctors(&o, doctors);
            let needs_informed_consent = self.flag(&o, "needs_informed_consent");
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
                    doctors: who,
                    needs_informed_consent,
                });
            }
        }
        out
    }

    fn service_doctors(&mut self, o: &Obj<'_>, doctors: &[String]) -> Vec<DoctorId> {
        let raw = self.strings(o, "doctors", true);
        if raw.is_empty() {
            self.report(o.at("doctors"), Code::DoctorsEmpty, "name at least one doctor who provides it");
        }
        let mut ids: Vec<DoctorId> = Vec::new();
        for (path, d) in raw {
            match DoctorId::parse(d).filter(|_| doctors.iter().any(|x| x == d)) {
                None => self.report(path, Code::UnknownId, detail!("no doctor '{d}'")),
                Some(x) if ids.contains(&x) => {
                    self.report(path, Code::DuplicateId, detail!("{d} is listed twice"))
                }
                Some(x) => ids.push(x),
            }
        }
        ids
    }

    fn price(&mut self, path: String, amount: i64) -> Option<Tenge> {
        let t = Tenge::new(amount);
        if t.is_none() {
            self.report(
                path,
                Code::PriceNotPositive,
                detail!("{amount} is not a positive whole number of tenge"),
            );
        }
        t
    }

    fn promo(&mut self, p: &Obj<'_>, regular: Option<Tenge>) -> Option<Promo> {
        let price = self.int(p, "price", true).and_then(|n| self.price(p.at("price"), n));
        if let (Some(new), Some(old)) = (price, regular) {
            if new >= old {
                let detail = detail!("{} is not lower than the regular {}", new.amount(), old.amount());
                self.report(p.at("price"), Code::PromoNotLower, detail);
            }
        }
        let from = self.str(p, "from", true).and_then(|d| self.date(p.at("from"), d));
        let until = self.str(p, "until", true).and_then(|d| self.date(p.at("until"), d));
        if let (Some(f), Some(u)) = (from, until) {
            if f > u {
                let detail = detail!("ends {} before it starts {}", IsoDate(u), IsoDate(f));
                self.report(p.at("until"), Code::PromoWindowReversed, detail);
            }
        }
        Some(Promo { price: price?, from: from?, until: until? })
    }

    fn holidays(&mut self, doc: &Obj<'_>) -> Vec<(i32, Vec<NaiveDate>)> {
        let mut out = Vec::new();
        let Some(v) = self.field(doc, "holidays", false) else { return out };
        let Some(map) = v.as_object() else {
            self.report("holidays", Code::WrongType, "expected an object of years");
            return out;
        };
        for (year, dates) in map {
            let path = locate!("holidays.{year}");
            let Some(y) = year.parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)) else {
                self.report(path, Code::DateInvalid, detail!("'{year}' is not a year"));
                continue;
            };
            let Some(dates) = dates.as_array() else {
                self.report(path, Code::WrongType, "expected a list of dates");
                continue;
            };
            let mut list: Vec<NaiveDate> = Vec::new();
            for (i, d) in dates.iter().enumerate() {
                let dpath = index(&path, i);
                let Some(date) = self.string(d, dpath.clone()).and_then(|s| self.date(dpath.clone(), s))
                else {
                    continue;
                };
                if date.year() != y {
                    self.report(
                        dpath,
                        Code::HolidayYearMismatch,
                        detail!("{} is not in {year}", IsoDate(date)),
                    );
                } else if list.contains(&date) {
                    self.report(dpath, Code::DuplicateDate, detail!("{} is listed twice", IsoDate(date)));
                } else {
                    list.push(date);
                }
            }
            out.push((y, list));
        }
        out
    }
}

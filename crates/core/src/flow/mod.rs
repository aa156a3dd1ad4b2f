//! The booking flow as a state machine: doctor → day and time → patient → consents → review →
//! confirmation, plus the manage page of a booking made earlier.
//!
//! The widget's components read the flow and feed events in (a field typed, a button pressed, an
//! answer from the endpoint); the rules and transitions live here, so they run natively in tests.

mod event;
mod receipt;
mod session;
#[cfg(test)]
mod tests;

pub use event::Event;
pub use receipt::{ByClinic, Receipt};
pub use session::Kept;

use crate::availability::{free_slots, Busy, DoctorChoice, Slot, Window};
use crate::booking::{is_minor, Booking};
use crate::catalogue::{Catalogue, DoctorId};
use crate::clock::{parse_date, parse_instant};
use crate::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use jazylu_api::{
    BookingRequest, BookingView, Created, ErrorBody, Field, FieldCode, FieldError, Representative,
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Doctor,
    Time,
    Patient,
    Consents,
    Review,
    Done,
    Manage,
}

impl Step {
    /// The steps counted by the progress indicator, in order.
    pub const NUMBERED: [Step; 5] = [Step::Doctor, Step::Time, Step::Patient, Step::Consents, Step::Review];
    pub const ALL: [Step; 7] =
        [Step::Doctor, Step::Time, Step::Patient, Step::Consents, Step::Review, Step::Done, Step::Manage];

    pub fn code(self) -> &'static str {
        match self {
            Step::Doctor => "doctor",
            Step::Time => "time",
            Step::Patient => "patient",
            Step::Consents => "consents",
            Step::Review => "review",
            Step::Done => "done",
            Step::Manage => "manage",
        }
    }

    /// The step where the visitor fixes a field.
    pub fn of_field(field: Field) -> Step {
        match field {
            Field::Doctor => Step::Doctor,
            Field::Slot | Field::Service => Step::Time,
            Field::ConsentOffer | Field::ConsentPersonalData => Step::Consents,
            _ => Step::Patient,
        }
    }
}

/// A request to the endpoint and how it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Net {
    Idle,
    Pending,
    Failed(Failure),
}

/// Why a request failed, as the visitor is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Failure {
    /// No answer came: offline, a timeout, the server away. Worth trying again.
    Network,
    /// An answer that is not what was asked for.
    Server,
    /// The manage link names no booking (or its token does not match).
    NotFound,
    /// Too late to cancel: the visit has begun.
    VisitStarted,
    /// The endpoint's abuse limit (429): the same request will pass after a wait.
    TooMany,
}

impl Failure {
    pub fn word(self, w: &jazylu_i18n::Words) -> &'static str {
        match self {
            Failure::Network => w.send_failed,
            Failure::Server => w.server_failed,
            Failure::NotFound => w.not_found,
            Failure::VisitStarted => w.visit_started,
            Failure::TooMany => w.too_many_requests,
        }
    }
}

/// The doctors' busy time for the booking horizon, as loaded from `/api/availability`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Times {
    Loading,
    Ready(Vec<Busy>),
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    pub step: Step,
    /// The request as far as the visitor has filled it in: service, patient, consents, channel
    /// and campaign tags. The slot and the representative are kept apart (below) and put in by
    /// `request`.
    pub form: BookingRequest,
    /// `None` is "any doctor".
    pub doctor: Option<String>,
    pub day: Option<NaiveDate>,
    /// The chosen slot: its doctor and start.
    pub slot: Option<(String, DateTime<Utc>)>,
    pub as_representative: bool,
    /// Kept while the box is unticked, so ticking it again brings the typing back.
    pub representative: Representative,
    /// Problems shown next to their fields.
    pub errors: Vec<FieldError>,
    /// Why the visitor is asked to choose the doctor or the time again (`slot_taken`,
    /// `unknown_doctor`…), shown on that step.
    pub slot_notice: Option<FieldCode>,
    pub times: Times,
    pub net: Net,
    /// The Idempotency-Key and the fingerprint of the body it was made for: reused for every
    /// retry of that body.
    pub key: Option<(String, String)>,
    /// The booking made (confirmation) or looked up (manage page).
    pub receipt: Option<Receipt>,
    /// The reference and token of the booking the manage page shows.
    pub manage: Option<(String, String)>,
    /// The manage page asks "are you sure?" before cancelling.
    pub confirm_cancel: bool,
    /// The id to focus after the next paint; `None` focuses the step's heading.
    pub focus: Option<String>,
}

/// "•••• •••• 1234": an IIN once typed is not shown again in full.
pub fn mask_iin(iin: &str) -> String {
    let digits: String = iin.chars().filter(char::is_ascii_digit).collect();
    let tail = digits.get(8..).unwrap_or("");
    format!("•••• •••• {tail}")
}

impl Flow {
    pub fn new(service: &str) -> Flow {
        Flow {
            step: Step::Doctor,
            form: BookingRequest { service: service.to_string(), ..BookingRequest::default() },
            doctor: None,
            day: None,
            slot: None,
            as_representative: false,
            representative: Representative::default(),
            errors: Vec::new(),
            slot_notice: None,
            times: Times::Loading,
            net: Net::Idle,
            key: None,
            receipt: None,
            manage: None,
            confirm_cancel: false,
            focus: None,
        }
    }

    /// The manage page of the booking `reference`, opened with its secret token.
    pub fn manage(reference: &str, token: &str) -> Flow {
        let mut f = Flow::new("");
        f.step = Step::Manage;
        f.net = Net::Pending;
        f.manage = Some((reference.to_string(), token.to_string()));
        f
    }

    /// The same visitor books another service: what they typed about the patient stays, the
    /// choices and the request made for the old service go.
    pub fn for_service(self, service: &str) -> Flow {
        Flow {
            form: BookingRequest { service: service.to_string(), ..self.form },
            as_representative: self.as_representative,
            representative: self.representative,
            ..Flow::new(service)
        }
    }

    /// Whether a visitor who left this flow for the price list should find it again on the next
    /// "Book": yes while a booking is under way, no once it is made (that would show an old
    /// confirmation instead of a new booking).
    pub fn worth_resuming(&self) -> bool {
        self.step != Step::Done
    }

    /// What the visitor typed or ticked in the field `name`. A consent's box carries the version
    /// of the document shown next to it as its `value`, kept with the tick.
    pub fn set(&mut self, name: &str, value: &str, checked: bool) {
        match name {
            "patient.whatsapp" => return self.form.patient.whatsapp = checked,
            "as_representative" => return self.as_representative = checked,
            _ => {}
        }
        let Some(field) = Field::parse(name) else { return };
        let text = match field {
            Field::Patient(p) => self.form.patient.get_mut(p),
            Field::Rep(p) => self.representative.get_mut(p),
            Field::Address => &mut self.form.patient.address,
            Field::Relation => &mut self.representative.relation,
            Field::Guarantee => return self.representative.guarantee = checked,
            Field::ConsentOffer => {
                self.form.consents.offer = checked;
                &mut self.form.consents.offer_version
            }
            Field::ConsentPersonalData => {
                self.form.consents.personal_data = checked;
                &mut self.form.consents.personal_data_version
            }
            _ => return,
        };
        *text = value.to_string();
    }

    /// The request as the endpoint takes it.
    pub fn request(&self, lang: Lang) -> BookingRequest {
        let (doctor, start) = match &self.slot {
            Some((d, s)) => (d.clone(), crate::clock::Instant(*s).to_string()),
            None => (String::new(), String::new()),
        };
        let representative = self.as_representative.then(|| self.representative.clone());
        BookingRequest { doctor, start, representative, lang: lang.code().to_string(), ..self.form.clone() }
    }

    /// A tick given to a document the catalogue now holds in another version is void: the box is
    /// unticked, so the visitor reads the text shown now and ticks again.
    pub fn drop_stale_consents(&mut self, cat: &Catalogue) {
        let docs = cat.documents();
        let c = &mut self.form.consents;
        if c.offer && c.offer_version != docs.offer.version.as_str() {
            (c.offer, c.offer_version) = (false, String::new());
        }
        if c.personal_data && c.personal_data_version != docs.personal_data.version.as_str() {
            (c.personal_data, c.personal_data_version) = (false, String::new());
        }
    }

    fn busy(&self) -> &[Busy] {
        match &self.times {
            Times::Ready(b) => b,
            _ => &[],
        }
    }

    fn problems(&self, cat: &Catalogue, now: DateTime<Utc>) -> Vec<FieldError> {
        Booking::parse(&self.request(Lang::DEFAULT), cat, self.busy(), now).err().unwrap_or_default()
    }

    /// Whether the patient is under 18 on the visit day (today before a time is chosen).
    pub fn minor(&self, cat: &Catalogue, now: DateTime<Utc>) -> bool {
        is_minor(&self.request(Lang::DEFAULT), cat, now)
    }

    /// The visitor left `field`: its problem, if any, is shown next to it (`None` for a box,
    /// which speaks for itself: its message comes with "Next"), and a birth date that makes the
    /// patient a minor brings up the representative.
    pub fn leave_field(
        &mut self,
        field: Field,
        cat: &Catalogue,
        now: DateTime<Utc>,
    ) -> Option<Option<FieldCode>> {
        if matches!(field, Field::Guarantee | Field::ConsentOffer | Field::ConsentPersonalData) {
            return None;
        }
        let problems = self.problems(cat, now);
        // A field merely passed through is not a mistake yet: "Next" says what is missing.
        let code = problems
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.code)
            .filter(|c| *c != FieldCode::Required || self.errors.iter().any(|e| e.field == field));
        self.errors.retain(|e| e.field != field);
        if let Some(code) = code {
            self.errors.push(FieldError { field, code });
        }
        if field == Field::Patient(jazylu_api::PersonField::BirthDate) && self.minor(cat, now) {
            self.as_representative = true;
        }
        Some(code)
    }

    /// What the field `field` holds as typed.
    pub fn value(&self, field: Field) -> &str {
        match field {
            Field::Patient(p) => self.form.patient.get(p),
            Field::Rep(p) => self.representative.get(p),
            Field::Address => &self.form.patient.address,
            Field::Relation => &self.representative.relation,
            _ => "",
        }
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.focus = None;
    }

    pub fn choose_doctor(&mut self, id: &str) {
        self.doctor = Some(id.to_string()).filter(|d| !d.is_empty());
        // Chosen again, so the reason to choose again has been heard.
        self.slot_notice = None;
        // Another doctor has other times.
        if self.slot.as_ref().is_some_and(|(d, _)| self.doctor.as_ref().is_some_and(|c| c != d)) {
            self.slot = None;
        }
        self.go(Step::Time);
    }

    /// A link that names the doctor (`?doctor=`) opens at their times, if they see patients for
    /// this service; any other name is ignored, and the visitor chooses as usual.
    pub fn preselect_doctor(&mut self, cat: &Catalogue, id: &str) {
        let offers =
            cat.service(&self.form.service).is_some_and(|s| s.doctors.iter().any(|d| d.as_str() == id));
        if offers && self.step == Step::Doctor {
            self.choose_doctor(id);
        }
    }

    /// The free times on offer over the booking horizon, once the busy time is in; with "any
    /// doctor" one per start (the first free doctor's).
    pub fn offered(&self, cat: &Catalogue, now: DateTime<Utc>) -> Option<Vec<Slot>> {
        let Times::Ready(busy) = &self.times else { return None };
        let service = cat.service(&self.form.service)?;
        let w = Window::horizon(cat, now);
        let mut slots = free_slots(cat, service, &self.doctor_choice(), busy, now, w.from, w.to);
        slots.dedup_by(|b, a| a.start == b.start);
        Some(slots)
    }

    pub fn doctor_choice(&self) -> DoctorChoice {
        let one = self.doctor.as_deref().and_then(DoctorId::parse);
        one.map_or(DoctorChoice::Any, DoctorChoice::One)
    }

    pub fn choose_day(&mut self, day: &str) {
        if let Some(d) = parse_date(day) {
            self.day = Some(d);
            self.focus = Some(format!("jz-day-{day}"));
        }
    }

    /// `value` is `doctor|start` as the slot button carries it.
    pub fn choose_slot(&mut self, value: &str) {
        let Some((doctor, start)) = value.split_once('|') else { return };
        let Some(start) = parse_instant(start) else { return };
        self.slot = Some((doctor.to_string(), start));
        self.slot_notice = None;
        self.errors.retain(|e| Step::of_field(e.field) != Step::Time);
        self.go(Step::Patient);
    }

    pub fn times_loaded(&mut self, busy: Option<Vec<Busy>>) {
        self.times = busy.map_or(Times::Failed, Times::Ready);
    }

    /// "Next" on the patient or consents step: on to the next step, or the step's problems
    /// shown next to their fields and focus on the first.
    pub fn next(&mut self, cat: &Catalogue, now: DateTime<Utc>) {
        let here = self.step;
        self.errors =
            self.problems(cat, now).into_iter().filter(|e| Step::of_field(e.field) == here).collect();
        match self.errors.first() {
            Some(e) => self.focus = Some(field_focus(e.field.path())),
            None => self.go(match here {
                Step::Doctor => Step::Time,
                Step::Time => Step::Patient,
                Step::Patient => Step::Consents,
                _ => Step::Review,
            }),
        }
    }

    pub fn back(&mut self) {
        self.net = Net::Idle;
        self.go(match self.step {
            Step::Patient => Step::Time,
            Step::Consents => Step::Patient,
            Step::Review => Step::Consents,
            _ => Step::Doctor,
        });
    }

    /// "Book": the body to send and its Idempotency-Key, or `None` (nothing to send, or a problem
    /// that sends the visitor back to its step). `fresh_key` is called only when this body has
    /// no key yet, so a retry of the same body reuses the first key.
    pub fn submit(
        &mut self,
        cat: &Catalogue,
        now: DateTime<Utc>,
        lang: Lang,
        fresh_key: impl FnOnce() -> String,
    ) -> Option<(String, BookingRequest)> {
        if self.net == Net::Pending {
            return None;
        }
        let problems = self.problems(cat, now);
        if let Some(first) = problems.first() {
            self.show_problems(problems.clone(), first.field);
            return None;
        }
        let body = self.request(lang);
        let print = session::fingerprint(&body);
        let key = match &self.key {
            Some((k, b)) if *b == print => k.clone(),
            _ => fresh_key(),
        };
        self.key = Some((key.clone(), print));
        self.net = Net::Pending;
        Some((key, body))
    }

    fn show_problems(&mut self, problems: Vec<FieldError>, first: Field) {
        let step = Step::of_field(first);
        if matches!(step, Step::Doctor | Step::Time) {
            // The service, the doctor or the time: the visitor is asked to choose again, and told why.
            let choice = |f: Field| matches!(f, Field::Service | Field::Doctor | Field::Slot);
            self.slot_notice = problems.iter().find(|e| choice(e.field)).map(|e| e.code);
            self.slot = None;
        }
        self.errors = problems;
        self.go(step);
        if !matches!(step, Step::Doctor | Step::Time) {
            self.focus = Some(field_focus(first.path()));
        }
    }

    /// The endpoint's answer to `POST /api/bookings` (status and body), or `None` when no
    /// answer came.
    pub fn answered(&mut self, answer: Option<Answer<Created>>) {
        self.net = Net::Idle;
        match answer {
            None => self.net = Net::Failed(Failure::Network),
            Some(Answer::Ok(created)) => match Receipt::created(created) {
                Some(r) => self.done(r),
                None => self.net = Net::Failed(Failure::Server),
            },
            Some(Answer::Err(409, body)) => {
                // The fresh busy time comes with the answer; the next paint offers what is free.
                let fresh = body.and_then(|e| e.busy).unwrap_or_default();
                let mut all = self.busy().to_vec();
                all.extend(fresh.iter().filter_map(Busy::from_wire));
                self.times = Times::Ready(all);
                self.slot = None;
                self.slot_notice = Some(FieldCode::SlotTaken);
                self.go(Step::Time);
            }
            Some(Answer::Err(429, _)) => self.net = Net::Failed(Failure::TooMany),
            Some(Answer::Err(422, Some(body))) if !body.errors.is_empty() => {
                // A document changed: its tick is void (the caller has loaded the new text).
                for e in body.errors.iter().filter(|e| e.code == FieldCode::DocumentChanged) {
                    self.set(e.field.path(), "", false);
                }
                let first = body.errors[0].field;
                self.show_problems(body.errors, first);
            }
            Some(Answer::Err(..)) => self.net = Net::Failed(Failure::Server),
        }
    }

    /// Booked: only the receipt stays; what was typed about the patient is dropped.
    fn done(&mut self, receipt: Receipt) {
        let mut next = Flow::new(&self.form.service);
        next.form.channel = std::mem::take(&mut self.form.channel);
        next.form.utm = std::mem::take(&mut self.form.utm);
        next.receipt = Some(receipt);
        next.step = Step::Done;
        *self = next;
    }

    /// The manage page's answer from `GET /api/bookings/{ref}` or `…/cancel`.
    pub fn managed(&mut self, answer: Option<Answer<BookingView>>) {
        let token = self.manage.as_ref().map(|(_, t)| t.clone()).unwrap_or_default();
        self.confirm_cancel = false;
        self.net = match answer {
            None => Net::Failed(Failure::Network),
            Some(Answer::Ok(view)) => match Receipt::viewed(view, token) {
                Some(r) => {
                    self.receipt = Some(r);
                    Net::Idle
                }
                None => Net::Failed(Failure::Server),
            },
            // The endpoint's one answer to a link that opens no booking.
            Some(Answer::Err(401, _)) => Net::Failed(Failure::NotFound),
            Some(Answer::Err(409, _)) => Net::Failed(Failure::VisitStarted),
            Some(Answer::Err(429, _)) => Net::Failed(Failure::TooMany),
            Some(Answer::Err(..)) => Net::Failed(Failure::Server),
        };
    }
}

/// An answer of the endpoint as the browser edge read it: the body expected on success, or the
/// status with the error body (`None` when it did not read, e.g. a proxy's HTML page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer<T> {
    Ok(T),
    Err(u16, Option<ErrorBody>),
}

impl<T> Answer<T> {
    /// The endpoint refused a consent given to a document it no longer serves: the catalogue
    /// must be loaded again before the visitor is asked again.
    pub fn changed_documents(&self) -> bool {
        matches!(self, Answer::Err(422, Some(body))
            if body.errors.iter().any(|e| e.code == FieldCode::DocumentChanged))
    }
}

/// The booking a manage link opens: `manage=REF.TOKEN` in the page's fragment (the fragment never
/// reaches a server, so the token stays out of access logs).
pub fn manage_link(fragment: &str) -> Option<(String, String)> {
    let (reference, token) = fragment.trim_start_matches('#').strip_prefix("manage=")?.split_once('.')?;
    let ok = |s: &str| {
        (1..=100).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    (ok(reference) && ok(token)).then(|| (reference.to_string(), token.to_string()))
}

/// The id of the element to focus for a field's problem: its input, or the step's heading.
pub fn field_focus(field: &str) -> String {
    match field {
        "representative" => "jz-f-as_representative".into(),
        "slot" | "doctor" | "service" => "jz-step-title".into(),
        f => format!("jz-f-{f}"),
    }
}

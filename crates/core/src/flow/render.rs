//! The flow's markup, one step at a time. Like the price list it is plain HTML from core, so it
//! is tested natively and costs the widget no per-element code; the widget catches clicks on
//! `data-act`, `data-doctor`, `data-day` and `data-slot`, form submits, and typing in named inputs.
//!
//! Inputs are named by their error paths (`patient.iin`); each has `id="jz-f-{name}"` and a
//! message element `id="jz-e-{name}"` that `Patch::Message` fills in place.

use super::{field_focus, horizon, mask_iin, Flow, Net, Receipt, Step, Times};
use crate::availability::free_slots;
use crate::booking::Relation;
use crate::catalogue::{Catalogue, Service};
use crate::clock::IsoDate;
use crate::confirmation::callback_words;
use crate::html::Escape;
use crate::ident::Iin;
use crate::Lang;
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, Timelike, Utc};
use jazylu_api::{PersonField, Status};
use jazylu_i18n::{words, Words, FIRST_VISIT_RULE, PAYMENT_RULE};
use std::fmt::{Result, Write};

/// What every part of the markup needs.
struct V<'a> {
    f: &'a Flow,
    cat: &'a Catalogue,
    lang: Lang,
    now: DateTime<Utc>,
    w: &'static Words,
    t: &'static Words,
    zone: FixedOffset,
}

/// The current step. `page` is the address of the page without its fragment, for the manage link.
pub fn render(f: &Flow, cat: &Catalogue, lang: Lang, now: DateTime<Utc>, page: &str) -> String {
    let v = V { f, cat, lang, now, w: words(lang), t: words(lang), zone: cat.clinic().time_zone.offset() };
    let mut out = String::with_capacity(8 * 1024);
    // Writing into a String cannot fail.
    let _ = crate::price_list::lang_nav(&mut out, lang);
    let _ = match f.step {
        Step::Done => done(&mut out, &v, page),
        Step::Manage => manage(&mut out, &v),
        _ => step(&mut out, &v),
    };
    out
}

impl V<'_> {
    /// "09:30" in clinic time.
    fn hm(&self, t: DateTime<Utc>) -> String {
        let l = t.with_timezone(&self.zone);
        format!("{:02}:{:02}", l.hour(), l.minute())
    }

    fn day_of(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.zone).date_naive()
    }

    /// "среда, 2 декабря 2026, 09:30".
    fn when(&self, t: DateTime<Utc>) -> String {
        format!("{}, {}", self.w.date(self.day_of(t)), self.hm(t))
    }

    fn service(&self) -> Option<&Service> {
        self.cat.service(&self.f.form.service)
    }

    fn doctor_name(&self, id: &str) -> &str {
        self.cat.doctor(id).map_or("", |d| d.name.get(self.lang))
    }

    fn error(&self, field: &str) -> Option<&'static str> {
        self.f.errors.iter().find(|e| e.field.path() == field).map(|e| self.w.field_message(e.code))
    }

    fn label(&self, field: &str) -> &'static str {
        let w = self.w;
        match field.rsplit('.').next().unwrap_or("") {
            "surname" => w.surname,
            "given_name" => w.given_name,
            "patronymic" => w.patronymic,
            "iin" => w.iin,
            "birth_date" => w.birth_date,
            "phone" => w.phone,
            "address" => w.address,
            "relation" => w.relation,
            "guarantee" => w.guarantee,
            "representative" | "as_representative" => w.representative,
            "offer" => w.consent_offer,
            "personal_data" => w.consent_personal_data,
            _ => w.when,
        }
    }
}

fn step(out: &mut String, v: &V<'_>) -> Result {
    let (f, w) = (v.f, v.w);
    let back = if f.step == Step::Doctor { v.t.back_to_prices } else { w.back };
    write!(
        out,
        r#"<section class="jz-flow" aria-labelledby="jz-step-title"><button type="button" class="jz-back" data-act="back">← {back}</button>"#
    )?;
    if let Some(s) = v.service() {
        let price = match &f.slot {
            Some((_, start)) => v.cat.price_at(s, *start).now,
            None => s.price_on(v.cat.clinic().time_zone.today(v.now)).now,
        };
        write!(
            out,
            r#"<p class="jz-booking-svc"><strong>{}</strong> <span>{}&nbsp;{}</span> <span>{price}</span></p>"#,
            Escape(s.name.get(v.lang)),
            s.duration.get(),
            v.t.min
        )?;
    }
    let at = Step::NUMBERED.iter().position(|s| *s == f.step).unwrap_or(0);
    out.push_str(r#"<ol class="jz-progress">"#);
    for (i, name) in w.steps.iter().enumerate() {
        let state = if i == at {
            r#" aria-current="step""#
        } else if i < at {
            r#" class="jz-past""#
        } else {
            ""
        };
        write!(out, "<li{state}><span>{name}</span></li>")?;
    }
    let title = match f.step {
        Step::Doctor => w.choose_doctor,
        Step::Time => w.choose_time,
        Step::Patient => w.patient,
        Step::Consents => w.consents,
        _ => w.review,
    };
    write!(
        out,
        r#"</ol><h2 id="jz-step-title" tabindex="-1"><span class="jz-stepno">{}</span> {title}</h2>"#,
        w.step_of(at + 1, Step::NUMBERED.len())
    )?;
    summary(out, v)?;
    match f.step {
        Step::Doctor => doctors(out, v)?,
        Step::Time => times(out, v)?,
        Step::Patient => patient(out, v)?,
        Step::Consents => consents(out, v)?,
        _ => review(out, v)?,
    }
    out.push_str("</section>");
    Ok(())
}

/// "Please check: IIN, Phone": why Next did not go on, each a link to its field.
fn summary(out: &mut String, v: &V<'_>) -> Result {
    let here: Vec<_> = v.f.errors.iter().filter(|e| Step::of_field(e.field) == v.f.step).collect();
    if here.is_empty() || v.f.step == Step::Time {
        return Ok(());
    }
    write!(out, r#"<div class="jz-alert" role="alert" id="jz-summary"><p>{}</p><ul>"#, v.w.fix_fields)?;
    for e in here {
        let label = if e.field.path().starts_with("representative.") {
            format!("{}: {}", v.w.representative, v.label(e.field.path()))
        } else {
            v.label(e.field.path()).to_string()
        };
        write!(
            out,
            r##"<li><a href="#{id}" data-focus="{id}">{label}</a></li>"##,
            id = field_focus(e.field.path())
        )?;
    }
    out.push_str("</ul></div>");
    Ok(())
}

fn doctors(out: &mut String, v: &V<'_>) -> Result {
    let Some(s) = v.service() else { return Ok(()) };
    out.push_str(r#"<ul class="jz-choices">"#);
    let chosen = v.f.doctor.as_deref().unwrap_or("");
    let pressed = |id: &str| if id == chosen { "true" } else { "false" };
    if s.doctors.len() > 1 {
        write!(
            out,
            r#"<li><button type="button" data-doctor="" aria-pressed="{}"><strong>{}</strong></button></li>"#,
            pressed(""),
            v.w.any_doctor
        )?;
    }
    for d in s.doctors.iter().filter_map(|id| v.cat.doctor(id.as_str())) {
        write!(
            out,
            r#"<li><button type="button" data-doctor="{id}" aria-pressed="{}"><strong>{}</strong> <span>{}</span></button></li>"#,
            pressed(d.id.as_str()),
            Escape(d.name.get(v.lang)),
            Escape(d.specialty.get(v.lang)),
            id = d.id,
        )?;
    }
    out.push_str("</ul>");
    Ok(())
}

fn times(out: &mut String, v: &V<'_>) -> Result {
    let (f, w) = (v.f, v.w);
    if let Some(code) = f.slot_notice {
        write!(out, r#"<p class="jz-alert" role="alert">{}</p>"#, v.w.field_message(code))?;
    }
    let busy = match &f.times {
        Times::Loading => {
            return write!(out, r#"<p class="jz-status" role="status">{}</p>"#, w.loading_times)
        }
        Times::Failed => {
            return write!(
                out,
                r#"<div class="jz-error" role="alert"><p>{}</p><button type="button" class="jz-retry" data-act="times">{}</button></div>"#,
                w.times_failed, v.t.retry
            )
        }
        Times::Ready(b) => b,
    };
    let Some(service) = v.service() else { return Ok(()) };
    let (today, last) = horizon(v.cat, v.now);
    let mut slots = free_slots(v.cat, service, &f.doctor_choice(), busy, v.now, today, last);
    // With "any doctor" each time is offered once, with the first doctor free then.
    slots.dedup_by(|b, a| a.start == b.start);
    if slots.is_empty() {
        return write!(out, r#"<p class="jz-note">{}</p>"#, w.no_times_at_all);
    }
    let count = |d: NaiveDate| slots.iter().filter(|s| v.day_of(s.start) == d).count();
    let first_free = v.day_of(slots[0].start);
    let day = f.day.filter(|d| (today..=last).contains(d)).unwrap_or(first_free);

    write!(out, r#"<h3 class="jz-sub">{} <small>({})</small></h3>"#, w.choose_day, v.t.clinic_time)?;
    let mut date = today;
    let mut month = None;
    while date <= last {
        if month != Some(date.month()) {
            if month.is_some() {
                out.push_str("</div>");
            }
            month = Some(date.month());
            let name = w.month_year(date);
            write!(
                out,
                r#"<p class="jz-month" aria-hidden="true">{name}</p><div class="jz-days" role="group" aria-label="{name}">"#
            )?;
            for head in w.weekdays_short() {
                write!(out, r#"<span class="jz-wd" aria-hidden="true">{head}</span>"#)?;
            }
            for _ in 0..date.weekday().num_days_from_monday() {
                out.push_str("<span></span>");
            }
        }
        let n = count(date);
        let iso = IsoDate(date);
        write!(
            out,
            r#"<button type="button" class="jz-day" id="jz-day-{iso}" data-day="{iso}" aria-pressed="{}" aria-label="{}: {n} {}"{}>{}</button>"#,
            date == day,
            w.date(date),
            w.free,
            if n == 0 { " disabled" } else { "" },
            date.day()
        )?;
        date = date + Days::new(1);
    }
    out.push_str("</div>");

    let label = w.date(day);
    write!(
        out,
        r#"<h3 class="jz-sub" id="jz-times-title">{label} <small>({})</small></h3>"#,
        v.t.clinic_time
    )?;
    let of_day: Vec<_> = slots.iter().filter(|s| v.day_of(s.start) == day).collect();
    if of_day.is_empty() {
        return write!(out, r#"<p class="jz-note">{}</p>"#, w.no_times_day);
    }
    out.push_str(r#"<ul class="jz-slots" aria-labelledby="jz-times-title">"#);
    for s in of_day {
        let hm = v.hm(s.start);
        let chosen = f.slot.as_ref().is_some_and(|(d, t)| *d == s.doctor.as_str() && *t == s.start);
        // The name is what the button shows (WCAG 2.5.3); the list is labelled by the date.
        write!(
            out,
            r#"<li><button type="button" data-slot="{}|{}" aria-pressed="{chosen}">{hm}</button></li>"#,
            s.doctor,
            crate::clock::Instant(s.start),
        )?;
    }
    out.push_str("</ul>");
    Ok(())
}

/// A labelled input with its message element. `attrs` are extra attributes (type, autocomplete).
fn input(out: &mut String, v: &V<'_>, name: &str, value: &str, attrs: &str, hint: Option<&str>) -> Result {
    let err = v.error(name);
    write!(out, r#"<div class="jz-field"><label for="jz-f-{name}">{}</label>"#, v.label(name))?;
    let mut described = format!("jz-e-{name}");
    if let Some(h) = hint {
        write!(out, r#"<p class="jz-hint" id="jz-h-{name}">{h}</p>"#)?;
        described.push_str(&format!(" jz-h-{name}"));
    }
    // An IIN once valid is shown masked; the widget shows it in full again while it is edited.
    let masked = name.ends_with(".iin") && Iin::parse(value).is_ok();
    let shown = if masked { mask_iin(value) } else { value.to_string() };
    write!(
        out,
        r#"<input id="jz-f-{name}" name="{name}" value="{}" {attrs} aria-describedby="{described}"{}>"#,
        Escape(&shown),
        if err.is_some() { r#" aria-invalid="true""# } else { "" }
    )?;
    message(out, name, err)?;
    out.push_str("</div>");
    Ok(())
}

fn message(out: &mut String, name: &str, err: Option<&str>) -> Result {
    write!(out, r#"<p class="jz-err" id="jz-e-{name}" aria-live="polite">{}</p>"#, err.unwrap_or(""))
}

fn checkbox(out: &mut String, v: &V<'_>, name: &str, label: &str, checked: bool) -> Result {
    let err = v.error(name);
    write!(
        out,
        r#"<div class="jz-check"><input type="checkbox" id="jz-f-{name}" name="{name}" aria-describedby="jz-e-{name}"{}{}><label for="jz-f-{name}">{label}</label>"#,
        if checked { " checked" } else { "" },
        if err.is_some() { r#" aria-invalid="true""# } else { "" }
    )?;
    message(out, name, err)?;
    out.push_str("</div>");
    Ok(())
}

const TEXT: &str = r#"type="text" autocomplete="off""#;

fn person<'a>(out: &mut String, v: &V<'_>, prefix: &str, p: impl Fn(PersonField) -> &'a str) -> Result {
    let w = v.w;
    let today = IsoDate(v.cat.clinic().time_zone.today(v.now));
    let patient = prefix == "patient";
    let auto =
        |a: &str| if patient { format!(r#"type="text" autocomplete="{a}""#) } else { TEXT.to_string() };
    input(out, v, &format!("{prefix}.surname"), p(PersonField::Surname), &auto("family-name"), None)?;
    input(out, v, &format!("{prefix}.given_name"), p(PersonField::GivenName), &auto("given-name"), None)?;
    input(
        out,
        v,
        &format!("{prefix}.patronymic"),
        p(PersonField::Patronymic),
        &auto("additional-name"),
        None,
    )?;
    input(
        out,
        v,
        &format!("{prefix}.iin"),
        p(PersonField::Iin),
        r#"type="text" inputmode="numeric" autocomplete="off" maxlength="15""#,
        Some(w.iin_hint),
    )?;
    let bday =
        format!(r#"type="date" max="{today}"{}"#, if patient { r#" autocomplete="bday""# } else { "" });
    input(out, v, &format!("{prefix}.birth_date"), p(PersonField::BirthDate), &bday, None)?;
    let tel =
        format!(r#"type="tel"{}"#, if patient { r#" autocomplete="tel""# } else { r#" autocomplete="off""# });
    input(out, v, &format!("{prefix}.phone"), p(PersonField::Phone), &tel, Some(w.phone_hint))
}

fn nav(out: &mut String, v: &V<'_>, submit: &str, disabled: bool) -> Result {
    write!(
        out,
        r#"<div class="jz-nav"><button type="button" class="jz-back2" data-act="back">{}</button><button type="submit" class="jz-primary"{}>{submit}</button></div></form>"#,
        v.w.back,
        if disabled { r#" disabled aria-disabled="true""# } else { "" }
    )
}

fn patient(out: &mut String, v: &V<'_>) -> Result {
    let (f, w) = (v.f, v.w);
    let minor = f.minor(v.cat, v.now);
    write!(
        out,
        r#"<form class="jz-form" method="post" data-form novalidate><fieldset><legend class="jz-sr">{}</legend>"#,
        w.patient
    )?;
    person(out, v, "patient", |k| f.form.patient.get(k))?;
    input(
        out,
        v,
        "patient.address",
        &f.form.patient.address,
        r#"type="text" autocomplete="street-address""#,
        None,
    )?;
    checkbox(out, v, "patient.whatsapp", w.has_whatsapp, f.form.patient.whatsapp)?;
    out.push_str("</fieldset>");
    write!(out, r#"<p class="jz-note" id="jz-minor"{}>{}</p>"#, hidden(!minor), w.minor_note)?;
    checkbox(out, v, "as_representative", w.as_representative, f.as_representative)?;
    message(out, "representative", v.error("representative"))?;
    write!(
        out,
        r#"<fieldset id="jz-rep"{}><legend>{}</legend>"#,
        hidden(!f.as_representative),
        w.representative
    )?;
    person(out, v, "representative", |k| f.representative.get(k))?;
    let rel = "representative.relation";
    let err = v.error(rel);
    write!(
        out,
        r#"<div class="jz-field"><label for="jz-f-{rel}">{}</label><select id="jz-f-{rel}" name="{rel}" aria-describedby="jz-e-{rel}"{}><option value="">{}</option>"#,
        w.relation,
        if err.is_some() { r#" aria-invalid="true""# } else { "" },
        w.choose
    )?;
    for (r, name) in Relation::ALL.iter().zip(w.relations) {
        let selected = if f.representative.relation == r.code() { " selected" } else { "" };
        write!(out, r#"<option value="{}"{selected}>{name}</option>"#, r.code())?;
    }
    out.push_str("</select>");
    message(out, rel, err)?;
    out.push_str("</div>");
    checkbox(out, v, "representative.guarantee", w.guarantee, f.representative.guarantee)?;
    out.push_str("</fieldset>");
    nav(out, v, w.next, false)
}

fn hidden(yes: bool) -> &'static str {
    if yes {
        " hidden"
    } else {
        ""
    }
}

fn consents(out: &mut String, v: &V<'_>) -> Result {
    let (f, w) = (v.f, v.w);
    out.push_str(r#"<form class="jz-form" method="post" data-form novalidate>"#);
    if f.as_representative {
        write!(out, r#"<p class="jz-note">{}</p>"#, w.representative_consents)?;
    }
    checkbox(out, v, "consents.offer", w.consent_offer, f.form.consents.offer)?;
    if let Some(url) = &v.cat.clinic().offer_url {
        write!(
            out,
            r#"<p class="jz-doc"><a href="{}" target="_blank" rel="noopener">{}</a></p>"#,
            Escape(url),
            w.offer_text
        )?;
    }
    checkbox(out, v, "consents.personal_data", w.consent_personal_data, f.form.consents.personal_data)?;
    write!(
        out,
        r#"<details class="jz-doc"><summary>{}</summary><p>{}</p></details>"#,
        w.read_consent,
        Escape(&v.cat.consent_text(v.w, v.lang))
    )?;
    write!(out, r#"<h3 class="jz-sub">{}</h3><ul class="jz-rules">"#, w.before_visit)?;
    for r in rules(v) {
        write!(out, "<li>{r}</li>")?;
    }
    out.push_str("</ul>");
    nav(out, v, w.next, false)
}

/// Service, doctor, time and price as a description list.
fn visit(
    out: &mut String,
    v: &V<'_>,
    service: &str,
    doctor: &str,
    start: DateTime<Utc>,
    price: &str,
) -> Result {
    let (w, lang) = (v.w, v.lang);
    let name = v.cat.service(service).map_or("", |s| s.name.get(lang));
    write!(
        out,
        r#"<dl class="jz-summary"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} <small>({})</small></dd><dt>{}</dt><dd>{price}</dd>"#,
        w.service,
        Escape(name),
        w.doctor,
        Escape(v.doctor_name(doctor)),
        w.when,
        v.when(start),
        v.t.clinic_time,
        w.price
    )
}

fn review(out: &mut String, v: &V<'_>) -> Result {
    let (f, w) = (v.f, v.w);
    let (Some((doctor, start)), Some(s)) = (&f.slot, v.service()) else { return Ok(()) };
    visit(out, v, &f.form.service, doctor, *start, &v.cat.price_at(s, *start).now.to_string())?;
    let who = |surname: &str, given: &str, patronymic: &str| {
        format!("{} {} {}", surname.trim(), given.trim(), patronymic.trim()).trim().to_string()
    };
    let p = &f.form.patient;
    write!(
        out,
        "<dt>{}</dt><dd>{}<br>{} {}<br>{} {}<br>{}</dd>",
        w.steps[2],
        Escape(&who(&p.surname, &p.given_name, &p.patronymic)),
        w.iin,
        mask_iin(&f.form.patient.iin),
        w.birth_date,
        Escape(&f.form.patient.birth_date),
        Escape(&f.form.patient.phone)
    )?;
    write!(out, "<dt>{}</dt><dd>{}</dd>", w.address, Escape(&f.form.patient.address))?;
    if f.as_representative {
        let r = &f.representative;
        let relation =
            Relation::ALL.iter().position(|x| x.code() == r.relation).map_or("", |i| w.relations[i]);
        write!(
            out,
            "<dt>{}</dt><dd>{} ({relation})<br>{} {}<br>{}</dd>",
            w.representative,
            Escape(&who(&r.surname, &r.given_name, &r.patronymic)),
            w.iin,
            mask_iin(&r.iin),
            Escape(&r.phone)
        )?;
    }
    out.push_str("</dl>");
    if v.cat.clinic().policies.is_late(*start, v.now) {
        write!(out, r#"<p class="jz-alert">{}</p>"#, w.late_booking)?;
    }
    let pending = f.net == Net::Pending;
    if let Net::Failed(code) = f.net {
        let text = if code == "network" { w.send_failed } else { w.server_failed };
        write!(out, r#"<p class="jz-alert" role="alert" id="jz-send-failed">{text}</p>"#)?;
    }
    out.push_str(r#"<form class="jz-form" method="post" data-form novalidate>"#);
    let label = match f.net {
        Net::Pending => w.sending,
        Net::Failed(_) => v.t.retry,
        Net::Idle => w.book,
    };
    nav(out, v, label, pending)?;
    if pending {
        write!(out, r#"<p class="jz-sr" role="status">{}</p>"#, w.sending)?;
    }
    Ok(())
}

/// Clinic phone and WhatsApp, the official channel for anything the widget cannot do.
fn contacts(out: &mut String, v: &V<'_>) -> Result {
    let clinic = v.cat.clinic();
    out.push_str(r#"<p class="jz-contact-actions">"#);
    if let Some(p) = clinic.phones.first() {
        write!(out, r#"<a class="jz-call" href="tel:{}">{p}</a>"#, p.e164())?;
    }
    if let Some(wa) = &clinic.whatsapp {
        write!(
            out,
            r#"<a class="jz-wa" href="https://wa.me/{}" rel="noopener" target="_blank">{}</a>"#,
            wa.digits(),
            v.t.message_whatsapp
        )?;
    }
    out.push_str("</p>");
    Ok(())
}

/// The free-cancellation deadline, or the warning that it has passed.
fn deadline(out: &mut String, v: &V<'_>, r: &Receipt) -> Result {
    let d = r.cancel_deadline;
    // As `Policies::is_late`: at the deadline itself cancelling is still free.
    if v.now <= d {
        write!(
            out,
            r#"<p class="jz-deadline">{} <strong>{}</strong> <small>({})</small></p>"#,
            v.w.free_cancel_until,
            v.when(d),
            v.t.clinic_time
        )
    } else {
        write!(out, r#"<p class="jz-alert jz-deadline">{}</p>"#, v.w.deadline_passed)
    }
}

/// The reference and the visit of a booking made.
fn booked(out: &mut String, v: &V<'_>, r: &Receipt, start: DateTime<Utc>) -> Result {
    write!(out, r#"<p class="jz-ref">{}: <strong>{}</strong></p>"#, v.w.reference, Escape(&r.reference))?;
    let price = crate::Tenge::new(r.price).map(|p| p.to_string()).unwrap_or_default();
    visit(out, v, &r.service, &r.doctor, start, &price)?;
    out.push_str("</dl>");
    Ok(())
}

fn done(out: &mut String, v: &V<'_>, page: &str) -> Result {
    let (w, lang) = (v.w, v.lang);
    let Some(r) = &v.f.receipt else { return Ok(()) };
    let start = r.start;
    let title = if r.status == Status::Confirmed { w.confirmed } else { w.received };
    write!(
        out,
        r#"<section class="jz-flow jz-done" aria-labelledby="jz-step-title"><h2 id="jz-step-title" tabindex="-1">{title}</h2>"#
    )?;
    booked(out, v, r, start)?;
    if r.status != Status::Confirmed {
        match callback_words(v.cat, v.now, w) {
            Some(when) => write!(out, r#"<p class="jz-callback">{} <strong>{when}</strong></p>"#, w.call_at)?,
            None => write!(out, r#"<p class="jz-callback">{}</p>"#, w.call_soon)?,
        }
    }
    deadline(out, v, r)?;
    let rules = rules(v);
    let rule = |i: usize| rules.get(i).map_or("", String::as_str);
    write!(
        out,
        r#"<ul class="jz-rules"><li>{}</li><li>{}</li></ul>"#,
        rule(FIRST_VISIT_RULE),
        rule(PAYMENT_RULE)
    )?;

    let calendar = r.calendar_url(v.cat, lang, v.now);
    write!(
        out,
        r#"<p><a class="jz-ics" download="{}.ics" href="{calendar}">{}</a></p>"#,
        Escape(&r.reference),
        w.add_to_calendar
    )?;
    let link = format!("{page}#manage={}.{}", r.reference, r.token);
    write!(
        out,
        r#"<p class="jz-manage-link">{}:<br><a href="{link}" data-act="manage">{link}</a></p>"#,
        w.manage_link,
        link = Escape(&link)
    )?;
    contacts(out, v)?;
    write!(
        out,
        r#"<p><button type="button" class="jz-primary" data-act="again">{}</button></p></section>"#,
        w.book_another
    )
}

fn manage(out: &mut String, v: &V<'_>) -> Result {
    let (f, w) = (v.f, v.w);
    write!(
        out,
        r#"<section class="jz-flow" aria-labelledby="jz-step-title"><button type="button" class="jz-back" data-act="prices">← {}</button><h2 id="jz-step-title" tabindex="-1">{}</h2>"#,
        v.t.back_to_prices, w.your_booking
    )?;
    let r = f.receipt.as_ref();
    let start = r.map(|r| r.start);
    match (&f.net, r, start) {
        (Net::Failed(code), _, _) => {
            let text = match *code {
                "booking_not_found" => w.not_found,
                "visit_started" => w.visit_started,
                "network" => w.send_failed,
                _ => w.server_failed,
            };
            write!(out, r#"<p class="jz-alert" role="alert" id="jz-manage-error">{text}</p>"#)?;
            if *code != "booking_not_found" && start.is_none() {
                write!(
                    out,
                    r#"<button type="button" class="jz-retry" data-act="reload">{}</button>"#,
                    v.t.retry
                )?;
            }
        }
        (Net::Pending, _, None) => {
            write!(out, r#"<p class="jz-status" role="status">{}</p>"#, w.loading_booking)?
        }
        _ => {}
    }
    let (Some(r), Some(start)) = (r, start) else {
        contacts(out, v)?;
        return out.write_str("</section>");
    };
    let status = match r.status {
        Status::Confirmed => w.status_confirmed,
        Status::Cancelled => w.status_cancelled,
        Status::Requested => w.status_requested,
    };
    booked(out, v, r, start)?;
    write!(out, r#"<p class="jz-status-line" id="jz-booking-status">{status}</p>"#)?;
    if r.status == Status::Cancelled {
        if r.cancelled_late {
            write!(out, r#"<p class="jz-alert">{}</p>"#, w.cancelled_late)?;
        }
    } else if start > v.now {
        deadline(out, v, r)?;
        let late = v.cat.clinic().policies.is_late(start, v.now);
        let pending = f.net == Net::Pending;
        let disabled = if pending { r#" disabled aria-disabled="true""# } else { "" };
        if f.confirm_cancel || pending {
            write!(out, r#"<div class="jz-alert" role="alert"><p>{}</p>"#, w.cancel_sure)?;
            if late {
                write!(out, "<p>{}</p>", w.late_cancel_warning)?;
            }
            let yes = if pending { w.sending } else { w.cancel_yes };
            write!(
                out,
                r#"<div class="jz-nav"><button type="button" class="jz-back2" data-act="keep"{disabled}>{}</button><button type="button" class="jz-danger" data-act="cancel-yes"{disabled}>{yes}</button></div></div>"#,
                w.back
            )?;
        } else {
            write!(
                out,
                r#"<p><button type="button" class="jz-danger" data-act="cancel">{}</button></p>"#,
                w.cancel
            )?;
        }
    }
    contacts(out, v)?;
    out.push_str("</section>");
    Ok(())
}

fn rules(v: &V<'_>) -> Vec<String> {
    v.w.rules(v.cat.clinic().policies.quoted())
}

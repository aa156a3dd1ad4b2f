//! The flow walked as a visitor walks it, asserting the state and the exact words painted.

use super::render::render;
use super::*;
use jazylu_api::{Patient, PersonField};

const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");
const PAGE: &str = "https://book.example/?lang=ru";

/// An answer as the browser edge reads it: the expected body on success, else the error body.
fn answer<T: serde::de::DeserializeOwned>(status: u16, body: &str) -> Option<Answer<T>> {
    Some(if (200..300).contains(&status) {
        Answer::Ok(serde_json::from_str(body).expect("the expected body"))
    } else {
        Answer::Err(status, serde_json::from_str(body).ok())
    })
}

fn cat() -> Catalogue {
    Catalogue::parse(SAMPLE).expect("sample is valid")
}

fn at(s: &str) -> DateTime<Utc> {
    parse_instant(s).expect("instant")
}

/// Wednesday 25 November 2026, 09:00 in the clinic.
fn now() -> DateTime<Utc> {
    at("2026-11-25T09:00:00+05:00")
}

fn type_adult(f: &mut Flow) {
    for (name, value) in [
        ("patient.surname", "Иванова"),
        ("patient.given_name", "Анна"),
        ("patient.iin", "950520 300004"),
        ("patient.birth_date", "1995-05-20"),
        ("patient.phone", "8 701 123 45 67"),
        ("patient.address", "Каскелен, ул. Абая 1"),
    ] {
        f.set(name, value, false);
    }
}

/// At the patient step with Dr Zhumabayeva on Friday 27 November at 09:00 clinic time.
fn at_patient_step() -> Flow {
    let mut f = Flow::new("visit-repeat");
    f.choose_doctor("zhumabayeva");
    f.times_loaded(Some(Vec::new()));
    f.choose_slot("zhumabayeva|2026-11-27T04:00Z");
    f
}

/// At the review with an adult patient and both consents given.
fn at_review() -> Flow {
    let mut f = at_patient_step();
    type_adult(&mut f);
    f.set("consents.offer", "", true);
    f.set("consents.personal_data", "", true);
    f.step = Step::Review;
    f
}

fn paint(f: &Flow, lang: Lang) -> String {
    render(f, &cat(), lang, now(), PAGE)
}

#[test]
fn an_adult_books_in_russian() {
    let cat = cat();
    let mut f = Flow::new("visit-repeat");
    assert!(paint(&f, Lang::Ru).contains(r#"<li aria-current="step"><span>Врач</span></li>"#));
    f.choose_doctor("");
    assert_eq!((f.step, f.doctor_choice()), (Step::Time, DoctorChoice::Any));
    assert!(paint(&f, Lang::Ru).contains("Загружаем свободное время…"));
    f.times_loaded(Some(Vec::new()));
    let html = paint(&f, Lang::Ru);
    // Times are clinic time (UTC+5) whatever the device's zone: 04:00Z is 09:00 in Qaskelen.
    assert!(
        html.contains(r#"<li><button type="button" data-slot="zhumabayeva|2026-11-25T05:00Z" aria-pressed="false">10:00</button></li>"#),
        "the button's name is what it shows: {html}"
    );
    assert!(html
        .contains(r#"id="jz-times-title">среда, 25 ноября 2026 <small>(время Алматы (UTC+5))</small></h3>"#));
    assert_eq!(html.matches(">10:00</button>").count(), 1, "with any doctor, each time once: {html}");
    f.choose_slot("zhumabayeva|2026-11-27T04:00Z");
    assert_eq!(f.step, Step::Patient);

    type_adult(&mut f);
    f.next(&cat, now());
    assert_eq!((f.step, &f.errors), (Step::Consents, &Vec::new()));
    f.next(&cat, now());
    assert_eq!(f.step, Step::Consents, "both consents are needed");
    assert_eq!(f.focus.as_deref(), Some("jz-f-consents.offer"));
    let html = paint(&f, Lang::Ru);
    assert!(html.contains("Без этого согласия записать вас нельзя"));
    assert!(html.contains(
        r##"<li><a href="#jz-f-consents.offer" data-focus="jz-f-consents.offer">Я ознакомился(-ась) с публичной офертой клиники и принимаю её</a></li>"##
    ));
    f.set("consents.offer", "on", true);
    f.set("consents.personal_data", "on", true);
    f.next(&cat, now());
    assert_eq!(f.step, Step::Review);
    let html = paint(&f, Lang::Ru);
    assert!(
        html.contains("<dd>пятница, 27 ноября 2026, 09:00 <small>(время Алматы (UTC+5))</small></dd>"),
        "{html}"
    );
    assert!(html.contains("ИИН •••• •••• 0004"), "the IIN is masked on review");

    let (key, body) = f.submit(&cat, now(), Lang::Ru, || "key-0001".into()).expect("sends");
    assert_eq!(key, "key-0001");
    let sent = body;
    assert_eq!((sent.doctor.as_str(), sent.start.as_str()), ("zhumabayeva", "2026-11-27T04:00Z"));
    assert!(Booking::parse(&sent, &cat, &[], now()).is_ok());
    assert!(paint(&f, Lang::Ru).contains(r#"disabled aria-disabled="true">Отправляем…</button>"#));
    assert_eq!(f.submit(&cat, now(), Lang::Ru, || "key-0002".into()), None, "no second send while pending");

    f.answered(answer(
        201,
        r#"{"reference":"JZ-7K3Q9M","manage_token":"tok_123","status":"requested","service":"visit-repeat",
            "doctor":"zhumabayeva","start":"2026-11-27T09:00:00+05:00","end":"2026-11-27T09:20:00+05:00",
            "price":7000,"cancel_deadline":"2026-11-26T23:00:00+05:00"}"#,
    ));
    assert_eq!(f.step, Step::Done);
    assert_eq!(
        f.form.patient,
        Patient { whatsapp: true, ..Patient::default() },
        "personal data is dropped once booked"
    );
    let html = paint(&f, Lang::Ru);
    assert!(html.contains("Номер заявки: <strong>JZ-7K3Q9M</strong>"));
    assert!(
        html.contains("Бесплатно отменить можно до: <strong>четверг, 26 ноября 2026, 23:00</strong> <small>(время Алматы (UTC+5))</small>"),
        "{html}"
    );
    assert!(html.contains("Колл-центр скоро подтвердит запись по телефону."));
    assert!(html.contains(r#"href="https://book.example/?lang=ru#manage=JZ-7K3Q9M.tok_123""#));
    assert!(
        html.contains(r#"download="JZ-7K3Q9M.ics" href="data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR"#)
    );
    assert!(html.contains("DTSTART%3A20261127T040000Z"), "the calendar has the right instant");
}

#[test]
fn outside_call_centre_hours_the_confirmation_says_when_they_call() {
    let mut f = at_patient_step();
    f.answered(answer(
        201,
        r#"{"reference":"JZ-1","manage_token":"t","status":"requested","service":"visit-repeat",
            "doctor":"zhumabayeva","start":"2026-11-30T10:00+05:00","end":"2026-11-30T10:20+05:00",
            "price":7000,"cancel_deadline":"2026-11-30T00:00+05:00"}"#,
    ));
    // Saturday 28 November, 12:00: the call centre works Monday to Friday from 09:00.
    let html = render(&f, &cat(), Lang::Ru, at("2026-11-28T12:00+05:00"), PAGE);
    assert!(
        html.contains("Колл-центр подтвердит запись по телефону: <strong>в понедельник после 09:00</strong>"),
        "{html}"
    );
    let html = render(&f, &cat(), Lang::Kk, at("2026-11-26T18:00+05:00"), PAGE);
    assert!(html.contains("<strong>ертең 09:00-ден кейін</strong>"), "{html}");
}

#[test]
fn an_invalid_iin_is_told_when_left_and_blocks_next() {
    let cat = cat();
    let mut f = at_patient_step();
    type_adult(&mut f);
    f.set("patient.iin", "950520300005", false);
    let patches = f.leave("patient.iin", &cat, now(), Lang::Ru);
    assert_eq!(
        patches,
        vec![Patch::Message {
            field: "patient.iin", text: "Похоже, в ИИН опечатка: проверьте его"
        }]
    );
    f.next(&cat, now());
    assert_eq!(f.step, Step::Patient);
    assert_eq!(f.focus.as_deref(), Some("jz-f-patient.iin"));
    let html = paint(&f, Lang::Ru);
    assert!(html.contains(r##"<li><a href="#jz-f-patient.iin" data-focus="jz-f-patient.iin">ИИН</a></li>"##));
    assert!(html.contains(r#"<p class="jz-err" id="jz-e-patient.iin" aria-live="polite">Похоже, в ИИН опечатка: проверьте его</p>"#));

    f.set("patient.iin", "950520300004", false);
    let patches = f.leave("patient.iin", &cat, now(), Lang::Ru);
    assert_eq!(
        patches,
        vec![
            Patch::Message { field: "patient.iin", text: "" },
            Patch::Value { field: "patient.iin", value: "•••• •••• 0004".into() },
        ]
    );
    assert!(paint(&f, Lang::Ru).contains(r#"value="•••• •••• 0004""#), "masked when painted again");
}

#[test]
fn a_child_brings_up_the_representative_who_must_complete_it() {
    let cat = cat();
    let mut f = at_patient_step();
    type_adult(&mut f);
    f.set("patient.birth_date", "2015-05-05", false);
    let patches = f.leave("patient.birth_date", &cat, now(), Lang::Kk);
    assert_eq!(
        patches[1..],
        [
            Patch::Show { id: "jz-minor", show: true },
            Patch::Check { field: "as_representative", checked: true },
            Patch::Show { id: "jz-rep", show: true },
        ]
    );
    f.next(&cat, now());
    let fields: Vec<_> = f.errors.iter().map(|e| e.field.path()).collect();
    assert_eq!(
        fields,
        [
            "representative.surname",
            "representative.given_name",
            "representative.iin",
            "representative.birth_date",
            "representative.phone",
            "representative.relation",
            "representative.guarantee"
        ]
    );
    for (name, value) in [
        ("representative.surname", "Сейтқали"),
        ("representative.given_name", "Айгерім"),
        ("representative.iin", "950520300004"),
        ("representative.birth_date", "1995-05-20"),
        ("representative.phone", "+7 701 123 45 67"),
        ("representative.relation", "parent"),
    ] {
        f.set(name, value, false);
    }
    f.set("representative.guarantee", "on", true);
    f.next(&cat, now());
    assert_eq!(f.step, Step::Consents);
    assert!(paint(&f, Lang::Kk).contains("Келісімдерді пациенттің заңды өкілі береді."));
}

#[test]
fn a_taken_slot_sends_the_visitor_back_to_the_times_with_the_data_kept() {
    let cat = cat();
    let mut f = at_review();
    f.submit(&cat, now(), Lang::Ru, || "key-1".into()).expect("sends");
    f.answered(answer(
        409,
        r#"{"code":"slot_taken","busy":[{"doctor":"zhumabayeva","start":"2026-11-27T09:00:00+05:00","end":"2026-11-27T09:20:00+05:00"}]}"#,
    ));
    assert_eq!((f.step, &f.slot, f.slot_notice), (Step::Time, &None, Some(FieldCode::SlotTaken)));
    assert_eq!(f.form.patient.surname, "Иванова");
    f.day = parse_date("2026-11-27");
    let html = paint(&f, Lang::Ru);
    assert!(html.contains("Это время только что занял кто-то другой."));
    assert!(!html.contains("zhumabayeva|2026-11-27T04:00Z"), "the taken time is not offered");
    assert!(html.contains("zhumabayeva|2026-11-27T04:20Z"));

    // Another time, and the same data goes out under a new key (the body differs).
    f.choose_slot("zhumabayeva|2026-11-27T04:20Z");
    f.step = Step::Review;
    let (key, _) = f.submit(&cat, now(), Lang::Ru, || "key-2".into()).expect("sends");
    assert_eq!(key, "key-2");
}

#[test]
fn a_network_failure_keeps_everything_and_the_retry_reuses_the_key() {
    let cat = cat();
    let mut f = at_review();
    let (first, body) = f.submit(&cat, now(), Lang::Ru, || "key-1".into()).expect("sends");
    f.answered(None);
    assert_eq!(f.net, Net::Failed("network"));
    assert!(paint(&f, Lang::En).contains("The connection failed and the request may not have arrived."));
    assert!(paint(&f, Lang::En).contains(r#"<button type="submit" class="jz-primary">Try again</button>"#));
    let (again, same) = f.submit(&cat, now(), Lang::Ru, || "key-2".into()).expect("sends");
    assert_eq!((again, same), (first, body));
}

#[test]
fn field_errors_of_a_422_land_on_their_fields() {
    let mut f = at_patient_step();
    type_adult(&mut f);
    f.step = Step::Review;
    f.answered(answer(422, r#"{"code":"invalid_booking","errors":[{"field":"patient.phone","code":"phone_not_mobile"},{"field":"patient.x","code":"y"}]}"#));
    assert_eq!(f.step, Step::Patient);
    assert_eq!(
        f.errors,
        vec![FieldError { field: Field::Patient(PersonField::Phone), code: FieldCode::PhoneNotMobile }]
    );
    assert!(paint(&f, Lang::En).contains(">Please give a mobile number</p>"));
}

#[test]
fn the_tab_keeps_the_flow_across_a_reload() {
    let mut f = at_patient_step();
    type_adult(&mut f);
    f.set("representative.surname", "Сейтқали", false);
    f.key = Some(("key-1".into(), f.request(Lang::Ru)));
    let back = Flow::from_session(
        serde_json::from_str(&serde_json::to_string(&f.to_session()).expect("json")).expect("reads"),
    )
    .expect("reads back");
    assert_eq!(back.step, Step::Patient);
    assert_eq!((back.form.patient, back.slot), (f.form.patient.clone(), f.slot.clone()));
    assert_eq!(back.representative.surname, "Сейтқали", "kept while the box is unticked");
    assert_eq!(back.key, f.key);
    assert_eq!(back.times, Times::Loading, "busy time is loaded afresh");
}

#[test]
fn the_manage_page_warns_of_a_late_cancellation() {
    let mut f = Flow::manage("JZ-7K3Q9M", "tok");
    assert!(paint(&f, Lang::En).contains("Loading the booking…"));
    let stored = r#"{"reference":"JZ-7K3Q9M","status":"requested","service":"visit-repeat","doctor":"zhumabayeva",
        "start":"2026-11-25T15:00+05:00","end":"2026-11-25T15:20+05:00","price":7000,
        "cancel_deadline":"2026-11-25T05:00+05:00","deadline_passed":true,"cancelled_late":false}"#;
    f.managed(answer(200, stored));
    assert_eq!(f.receipt.as_ref().map(|r| r.token.as_str()), Some("tok"), "the visitor's token is kept");
    let html = paint(&f, Lang::En);
    assert!(html.contains("The free cancellation deadline has passed: the clinic may charge if you cancel."));
    assert!(html.contains(r#"data-act="cancel">Cancel the booking</button>"#));
    f.confirm_cancel = true;
    assert!(paint(&f, Lang::En).contains("the clinic may charge for this cancellation."));
    f.managed(answer(
        200,
        &stored
            .replace("requested", "cancelled")
            .replace("\"cancelled_late\":false", "\"cancelled_late\":true"),
    ));
    let html = paint(&f, Lang::En);
    assert!(html.contains(r#"id="jz-booking-status">Cancelled</p>"#));
    assert!(html.contains("Cancelled after the deadline: the clinic may charge for it."));
    assert!(!html.contains("data-act=\"cancel\""));
    f.managed(answer(404, "{}"));
    assert!(paint(&f, Lang::En).contains("Booking not found. Please check the link."));
}

#[test]
fn a_manage_link_is_read_from_the_fragment_only_when_well_formed() {
    assert_eq!(manage_link("#manage=JZ-7K3Q9M.tok_1-2"), Some(("JZ-7K3Q9M".into(), "tok_1-2".into())));
    assert_eq!(manage_link("#manage=JZ-1"), None);
    assert_eq!(manage_link("#manage=JZ-1.t/../x"), None);
    assert_eq!(manage_link("#other"), None);
}

#[test]
fn booking_another_service_keeps_the_patient_and_drops_the_choices() {
    let mut f = at_patient_step();
    type_adult(&mut f);
    let g = f.clone().for_service("endoscopy");
    assert_eq!((g.step, g.slot, g.doctor, g.form.service.as_str()), (Step::Doctor, None, None, "endoscopy"));
    assert_eq!(g.form.patient, f.form.patient);
}

#[test]
fn an_empty_field_passed_through_is_marked_only_after_next() {
    let (cat, mut f) = (cat(), at_patient_step());
    let patches = f.leave("patient.surname", &cat, now(), Lang::Ru);
    assert_eq!(patches, [Patch::Message { field: "patient.surname", text: "" }]);
    assert_eq!(f.errors, []);
    f.next(&cat, now());
    let patches = f.leave("patient.surname", &cat, now(), Lang::Ru);
    assert_eq!(
        patches,
        [Patch::Message { field: "patient.surname", text: "Заполните это поле" }],
        "once asked for"
    );
}

//! The flow walked as a visitor walks it, asserting its state and the exact words it leads to.
//! The markup is the components' and is proven by the browser tests (`tests/e2e`).

use super::*;
use crate::availability::Slot;
use crate::confirmation::callback_words;
use crate::ident::Iin;
use jazylu_api::{Created, Patient, PersonField, Status};
use jazylu_i18n::words;

const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");

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

fn field(path: &str) -> Field {
    Field::parse(path).expect("a field")
}

/// The clinic date of an instant.
fn clinic_day(cat: &Catalogue, t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&cat.clinic().time_zone.offset()).date_naive()
}

/// The times the time step offers.
fn offered(f: &Flow, cat: &Catalogue) -> Vec<Slot> {
    f.offered(cat, now()).expect("busy time loaded")
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
    f.set("consents.offer", "2026-11-01", true);
    f.set("consents.personal_data", "2026-11-01", true);
    f.step = Step::Review;
    f
}

#[test]
fn an_adult_books_in_russian() {
    let cat = cat();
    let ru = words(Lang::Ru);
    let mut f = Flow::new("visit-repeat");
    assert_eq!(f.step, Step::Doctor);
    f.choose_doctor("");
    assert_eq!((f.step, f.doctor_choice()), (Step::Time, DoctorChoice::Any));
    assert_eq!(f.times, Times::Loading);
    f.times_loaded(Some(Vec::new()));
    let slots = offered(&f, &cat);
    // Times are clinic time (UTC+5) whatever the device's zone: 05:00Z is 10:00 in Qaskelen.
    let ten = at("2026-11-25T10:00+05:00");
    assert_eq!(
        slots.iter().filter(|s| s.start == ten).map(|s| s.doctor.as_str()).collect::<Vec<_>>(),
        ["zhumabayeva"],
        "with any doctor, each time once"
    );
    assert!(slots.windows(2).all(|w| w[0].start < w[1].start), "every start once, in order");
    assert_eq!(ru.date(clinic_day(&cat, slots[0].start)), "среда, 25 ноября 2026", "the first free day");
    f.choose_slot("zhumabayeva|2026-11-27T04:00Z");
    assert_eq!(f.step, Step::Patient);

    type_adult(&mut f);
    f.next(&cat, now());
    assert_eq!((f.step, &f.errors), (Step::Consents, &Vec::new()));
    f.next(&cat, now());
    assert_eq!(f.step, Step::Consents, "both consents are needed");
    assert_eq!(f.focus.as_deref(), Some("jz-f-consents.offer"));
    assert_eq!(
        f.errors,
        [
            FieldError { field: Field::ConsentOffer, code: FieldCode::ConsentRequired },
            FieldError { field: Field::ConsentPersonalData, code: FieldCode::ConsentRequired },
        ]
    );
    assert_eq!(ru.field_message(FieldCode::ConsentRequired), "Без этого согласия записать вас нельзя");
    f.set("consents.offer", "2026-11-01", true);
    f.set("consents.personal_data", "2026-11-01", true);
    f.next(&cat, now());
    assert_eq!(f.step, Step::Review);
    assert_eq!(f.slot, Some(("zhumabayeva".to_string(), at("2026-11-27T09:00+05:00"))));
    assert_eq!(ru.date(clinic_day(&cat, at("2026-11-27T09:00+05:00"))), "пятница, 27 ноября 2026");
    assert_eq!(mask_iin(&f.form.patient.iin), "•••• •••• 0004", "the IIN is masked on review");

    let (key, body) = f.submit(&cat, now(), Lang::Ru, || "key-0001".into()).expect("sends");
    assert_eq!(key, "key-0001");
    let sent = body;
    assert!(!sent.patient.whatsapp, "results go by WhatsApp only when the box is ticked");
    assert_eq!(
        (sent.consents.offer_version.as_str(), sent.consents.personal_data_version.as_str()),
        ("2026-11-01", "2026-11-01"),
        "each consent carries the version it was ticked under"
    );
    assert_eq!((sent.doctor.as_str(), sent.start.as_str()), ("zhumabayeva", "2026-11-27T04:00Z"));
    assert!(Booking::parse(&sent, &cat, &[], now()).is_ok());
    assert_eq!(f.net, Net::Pending);
    assert_eq!(f.submit(&cat, now(), Lang::Ru, || "key-0002".into()), None, "no second send while pending");

    f.answered(answer(
        201,
        r#"{"reference":"JZ-7K3Q9M","manage_token":"tok_123","status":"requested","service":"visit-repeat",
            "doctor":"zhumabayeva","start":"2026-11-27T09:00:00+05:00","end":"2026-11-27T09:20:00+05:00",
            "price":7000,"cancel_deadline":"2026-11-26T23:00:00+05:00"}"#,
    ));
    assert_eq!(f.step, Step::Done);
    assert_eq!(f.form.patient, Patient::default(), "personal data is dropped once booked");
    let r = f.receipt.clone().expect("a receipt");
    assert_eq!(
        r,
        Receipt {
            reference: "JZ-7K3Q9M".into(),
            token: "tok_123".into(),
            status: Status::Requested,
            service: "visit-repeat".into(),
            doctor: "zhumabayeva".into(),
            start: at("2026-11-27T09:00+05:00"),
            end: at("2026-11-27T09:20+05:00"),
            price: 7000,
            cancel_deadline: at("2026-11-26T23:00+05:00"),
            cancelled_late: false,
            by_clinic: ByClinic::Nothing,
        }
    );
    assert_eq!(ru.date(clinic_day(&cat, r.cancel_deadline)), "четверг, 26 ноября 2026");
    assert_eq!(callback_words(&cat, now(), ru), None, "within hours the call centre calls soon");
    let link = format!("#manage={}.{}", r.reference, r.token);
    assert_eq!(manage_link(&link), Some(("JZ-7K3Q9M".into(), "tok_123".into())));
    let calendar = r.calendar_url(&cat, Lang::Ru, now());
    assert!(calendar.starts_with("data:text/calendar;charset=utf-8,BEGIN%3AVCALENDAR"), "{calendar}");
    assert!(calendar.contains("DTSTART%3A20261127T040000Z"), "the calendar has the right instant");
}

#[test]
fn outside_call_centre_hours_the_confirmation_says_when_they_call() {
    let cat = cat();
    let mut f = at_patient_step();
    f.answered(answer(
        201,
        r#"{"reference":"JZ-1","manage_token":"t","status":"requested","service":"visit-repeat",
            "doctor":"zhumabayeva","start":"2026-11-30T10:00+05:00","end":"2026-11-30T10:20+05:00",
            "price":7000,"cancel_deadline":"2026-11-30T00:00+05:00"}"#,
    ));
    assert_eq!(f.receipt.map(|r| r.status), Some(Status::Requested), "a callback is still to come");
    // Saturday 28 November, 12:00: the call centre works Monday to Friday from 09:00.
    assert_eq!(
        callback_words(&cat, at("2026-11-28T12:00+05:00"), words(Lang::Ru)).as_deref(),
        Some("в понедельник после 09:00")
    );
    assert_eq!(
        callback_words(&cat, at("2026-11-26T18:00+05:00"), words(Lang::Kk)).as_deref(),
        Some("ертең 09:00-ден кейін")
    );
}

#[test]
fn an_invalid_iin_is_told_when_left_and_blocks_next() {
    let cat = cat();
    let mut f = at_patient_step();
    type_adult(&mut f);
    f.set("patient.iin", "950520300005", false);
    assert_eq!(f.leave_field(field("patient.iin"), &cat, now()), Some(Some(FieldCode::IinChecksum)));
    assert_eq!(
        words(Lang::Ru).field_message(FieldCode::IinChecksum),
        "Похоже, в ИИН опечатка: проверьте его"
    );
    f.next(&cat, now());
    assert_eq!(f.step, Step::Patient);
    assert_eq!(f.focus.as_deref(), Some("jz-f-patient.iin"));
    assert_eq!(
        f.errors,
        [FieldError { field: Field::Patient(PersonField::Iin), code: FieldCode::IinChecksum }]
    );

    f.set("patient.iin", "950520300004", false);
    assert_eq!(f.leave_field(field("patient.iin"), &cat, now()), Some(None));
    assert_eq!(f.errors, []);
    // The input shows a valid IIN masked.
    assert!(Iin::parse(&f.form.patient.iin).is_ok());
    assert_eq!(mask_iin(&f.form.patient.iin), "•••• •••• 0004");
}

#[test]
fn a_child_brings_up_the_representative_who_must_complete_it() {
    let cat = cat();
    let mut f = at_patient_step();
    type_adult(&mut f);
    assert!(!f.as_representative);
    f.set("patient.birth_date", "2015-05-05", false);
    assert_eq!(f.leave_field(field("patient.birth_date"), &cat, now()), Some(None));
    assert!(f.minor(&cat, now()), "the minor's note is shown");
    assert!(f.as_representative, "the box is ticked and the representative shown");
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
    assert!(f.as_representative, "the consents are the representative's");
    assert_eq!(f.request(Lang::Kk).representative.map(|r| r.surname), Some("Сейтқали".into()));
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
    assert!(words(Lang::Ru)
        .field_message(FieldCode::SlotTaken)
        .starts_with("Это время только что занял кто-то другой."));
    let friday: Vec<_> = offered(&f, &cat)
        .into_iter()
        .filter(|s| clinic_day(&cat, s.start) == NaiveDate::from_ymd_opt(2026, 11, 27).expect("date"))
        .map(|s| (s.doctor.as_str().to_string(), s.start))
        .collect();
    let zh = |t: &str| ("zhumabayeva".to_string(), at(t));
    assert!(!friday.contains(&zh("2026-11-27T04:00Z")), "the taken time is not offered");
    assert!(friday.contains(&zh("2026-11-27T04:20Z")), "{friday:?}");

    // Another time, and the same data goes out under a new key (the body differs).
    f.choose_slot("zhumabayeva|2026-11-27T04:20Z");
    f.step = Step::Review;
    let (key, _) = f.submit(&cat, now(), Lang::Ru, || "key-2".into()).expect("sends");
    assert_eq!(key, "key-2");
}

#[test]
fn over_the_abuse_limit_everything_is_kept_and_the_retry_reuses_the_key() {
    let cat = cat();
    let mut f = at_review();
    let (first, body) = f.submit(&cat, now(), Lang::Kk, || "key-1".into()).expect("sends");
    f.answered(Some(Answer::Err(429, None)));
    assert_eq!(f.net, Net::Failed(Failure::TooMany));
    // Its own words, not those of a broken server: the visitor waits, and need not worry.
    let w = words(Lang::Ru);
    assert!(Failure::TooMany.word(w).starts_with("Слишком много попыток"));
    assert_ne!(Failure::TooMany.word(w), Failure::Server.word(w));
    assert_eq!(f.step, Step::Review);
    let (again, same) = f.submit(&cat, now(), Lang::Kk, || "key-2".into()).expect("sends");
    assert_eq!((again, same), (first, body));
}

#[test]
fn a_network_failure_keeps_everything_and_the_retry_reuses_the_key() {
    let cat = cat();
    let mut f = at_review();
    let (first, body) = f.submit(&cat, now(), Lang::Ru, || "key-1".into()).expect("sends");
    f.answered(None);
    assert_eq!(f.net, Net::Failed(Failure::Network));
    assert_eq!((f.step, f.form.patient.surname.as_str()), (Step::Review, "Иванова"));
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
    assert_eq!(f.focus.as_deref(), Some("jz-f-patient.phone"));
    assert_eq!(
        f.errors,
        vec![FieldError { field: Field::Patient(PersonField::Phone), code: FieldCode::PhoneNotMobile }]
    );
    assert_eq!(words(Lang::En).field_message(FieldCode::PhoneNotMobile), "Please give a mobile number");
}

#[test]
fn the_tab_keeps_the_flow_across_a_reload() {
    let mut f = at_patient_step();
    type_adult(&mut f);
    f.set("representative.surname", "Сейтқали", false);
    f.key = Some(("key-1".into(), session::fingerprint(&f.request(Lang::Ru))));
    let back = Flow::from_session(
        serde_json::from_str(&serde_json::to_string(&f.to_session()).expect("json")).expect("reads"),
    )
    .expect("reads back");
    assert_eq!(back.step, Step::Patient);
    assert_eq!((back.form.patient, back.slot), (f.form.patient.clone(), f.slot.clone()));
    assert_eq!(back.representative.surname, "Сейтқали", "kept while the box is unticked");
    assert_eq!(back.key, f.key);
    assert_eq!(back.times, Times::Loading, "busy time is loaded afresh");

    // Every box and choice, then the receipt once booked.
    let mut f = at_review();
    f.set("patient.whatsapp", "", true);
    f.set("as_representative", "", true);
    f.set("representative.guarantee", "", true);
    f.choose_day("2026-11-27");
    f.step = Step::Review;
    let back = Flow::from_session(f.to_session()).expect("reads back");
    assert_eq!((back.form.clone(), back.representative.clone()), (f.form.clone(), f.representative.clone()));
    assert_eq!((back.doctor, back.day, back.as_representative), (f.doctor.clone(), f.day, true));
    assert_eq!(back.form.consents.personal_data_version, "2026-11-01");
    f.answered(answer(
        201,
        r#"{"reference":"JZ-7K3Q9M","manage_token":"tok_123","status":"requested","service":"visit-repeat",
            "doctor":"zhumabayeva","start":"2026-11-27T09:00:00+05:00","end":"2026-11-27T09:20:00+05:00",
            "price":7000,"cancel_deadline":"2026-11-26T23:00:00+05:00"}"#,
    ));
    let back = Flow::from_session(f.to_session()).expect("reads back");
    assert_eq!((back.step, &back.receipt), (Step::Done, &f.receipt));
    assert!(f.receipt.is_some());
    assert!(Flow::from_session(Kept::default()).is_none(), "nothing kept, nothing read");
}

#[test]
fn the_manage_page_warns_of_a_late_cancellation() {
    let cat = cat();
    let mut f = Flow::manage("JZ-7K3Q9M", "tok");
    assert_eq!((f.step, &f.net, &f.receipt), (Step::Manage, &Net::Pending, &None), "loading the booking");
    let stored = r#"{"reference":"JZ-7K3Q9M","status":"requested","service":"visit-repeat","doctor":"zhumabayeva",
        "start":"2026-11-25T15:00+05:00","end":"2026-11-25T15:20+05:00","price":7000,
        "cancel_deadline":"2026-11-25T05:00+05:00","deadline_passed":true,"cancelled_late":false}"#;
    f.managed(answer(200, stored));
    assert_eq!(f.net, Net::Idle);
    let r = f.receipt.clone().expect("a receipt");
    assert_eq!(r.token, "tok", "the visitor's token is kept");
    assert!(r.past_deadline(now()), "the deadline has passed");
    assert!(!r.past_deadline(r.cancel_deadline), "at the deadline itself it is still free");
    assert!(r.cancellable(now()), "it can still be cancelled");
    assert!(!r.cancellable(r.start), "not once the visit has started");
    assert!(cat.clinic().policies.is_late(r.start, now()), "the clinic may charge for cancelling");
    f.confirm_cancel = true;
    f.managed(answer(
        200,
        &stored
            .replace("requested", "cancelled")
            .replace("\"cancelled_late\":false", "\"cancelled_late\":true"),
    ));
    assert!(!f.confirm_cancel);
    let r = f.receipt.clone().expect("a receipt");
    assert_eq!((r.status, r.cancelled_late), (Status::Cancelled, true));
    assert_eq!(r.by_clinic, ByClinic::Nothing, "the visitor cancelled");
    assert!(!r.cancellable(now()), "a cancelled booking is not cancelled twice");
    f.managed(answer(401, r#"{"code":"booking_not_found"}"#));
    assert_eq!(f.net, Net::Failed(Failure::NotFound));
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
    assert_eq!(f.leave_field(field("patient.surname"), &cat, now()), Some(None));
    assert_eq!(f.errors, []);
    f.next(&cat, now());
    assert_eq!(
        f.leave_field(field("patient.surname"), &cat, now()),
        Some(Some(FieldCode::Required)),
        "once asked for"
    );
    assert_eq!(words(Lang::Ru).field_message(FieldCode::Required), "Заполните это поле");
}

#[test]
fn a_refused_choice_sends_the_visitor_back_to_choose_again_and_says_why() {
    let mut f = at_review();
    f.answered(answer(
        422,
        r#"{"code":"invalid_booking","errors":[{"field":"doctor","code":"unknown_doctor"}]}"#,
    ));
    assert_eq!((f.step, &f.slot, f.slot_notice), (Step::Doctor, &None, Some(FieldCode::UnknownDoctor)));
    f.choose_doctor("akhmetov");
    assert_eq!((f.step, f.slot_notice), (Step::Time, None), "chosen again: the notice has been heard");

    let mut f = at_review();
    f.answered(answer(
        422,
        r#"{"code":"invalid_booking","errors":[{"field":"service","code":"unknown_service"}]}"#,
    ));
    assert_eq!((f.step, f.slot_notice), (Step::Time, Some(FieldCode::UnknownService)));
}

#[test]
fn the_whatsapp_box_starts_unticked_and_sends_what_was_ticked() {
    let f = Flow::new("visit-first");
    assert!(!f.form.patient.whatsapp);
    let mut f = at_review();
    f.set("patient.whatsapp", "", true);
    let (_, body) = f.submit(&cat(), now(), Lang::Kk, || "key-wa01".into()).expect("sends");
    assert!(body.patient.whatsapp);
}

#[test]
fn a_changed_document_unticks_its_box_and_asks_again_on_the_consents_step() {
    let mut f = at_review();
    f.submit(&cat(), now(), Lang::Ru, || "key-doc1".into()).expect("sends");
    let changed = answer::<Created>(
        422,
        r#"{"code":"invalid_booking","errors":[{"field":"consents.personal_data","code":"document_changed"}]}"#,
    );
    assert!(changed.as_ref().is_some_and(Answer::changed_documents), "the catalogue is loaded again");
    let other = answer::<Created>(
        422,
        r#"{"code":"invalid_booking","errors":[{"field":"consents.offer","code":"consent_required"}]}"#,
    );
    assert!(!other.as_ref().is_some_and(Answer::changed_documents), "another refusal needs no reload");
    f.answered(changed);
    assert_eq!(f.step, Step::Consents);
    assert_eq!(f.focus.as_deref(), Some("jz-f-consents.personal_data"));
    assert!(f.form.consents.offer, "the offer was not changed: its tick stays");
    assert!(!f.form.consents.personal_data && f.form.consents.personal_data_version.is_empty());
    assert_eq!(
        f.errors,
        [FieldError { field: Field::ConsentPersonalData, code: FieldCode::DocumentChanged }]
    );
}

#[test]
fn ticks_kept_by_the_tab_under_an_older_version_are_dropped() {
    let mut f = at_review();
    f.set("consents.offer", "2025-06-01", true);
    f.drop_stale_consents(&cat());
    assert!(!f.form.consents.offer && f.form.consents.offer_version.is_empty());
    assert!(f.form.consents.personal_data, "the current version stays ticked");
}

#[test]
fn a_link_naming_a_doctor_of_the_service_opens_at_their_times() {
    let cat = cat();
    let mut f = Flow::new("visit-first");
    f.preselect_doctor(&cat, "akhmetov");
    assert_eq!((f.step, f.doctor.as_deref()), (Step::Time, Some("akhmetov")));
    for other in ["kassymova", "nobody", "", "akhmetov\u{0}"] {
        let mut f = Flow::new("visit-first");
        f.preselect_doctor(&cat, other);
        assert_eq!(
            (f.step, f.doctor.as_deref()),
            (Step::Doctor, None),
            "{other:?} is not a doctor of the service"
        );
    }
    let mut resumed = at_patient_step();
    resumed.preselect_doctor(&cat, "akhmetov");
    assert_eq!(resumed.step, Step::Patient, "a booking under way stays where it was");
}

#[test]
fn the_host_hears_the_way_through_and_never_who_books() {
    let mut f = at_patient_step();
    let slot = f.slot_event().expect("a slot is chosen");
    assert_eq!(slot.name(), "jazylu:slot-selected");
    assert_eq!(
        slot.detail(),
        [
            ("service", "visit-repeat".into()),
            ("doctor", "zhumabayeva".into()),
            ("start", "2026-11-27T04:00Z".into())
        ]
    );
    assert_eq!(f.outcome(), None, "nothing was sent");

    let mut review = at_review();
    review.answered(None);
    assert_eq!(review.outcome(), Some(Event::Failed { code: "network" }));
    review.answered(answer(429, r#"{"code":"too_many_requests","message":"wait"}"#));
    assert_eq!(review.outcome(), Some(Event::Failed { code: "too_many_requests" }));
    review.answered(answer(
        422,
        r#"{"code":"validation","message":"m","errors":[{"field":"patient.iin","code":"iin_checksum"}]}"#,
    ));
    assert_eq!(review.outcome(), Some(Event::Failed { code: "iin_checksum" }));
    let mut taken = at_review();
    taken.answered(answer(409, r#"{"code":"slot_taken","message":"m"}"#));
    assert_eq!(taken.outcome(), Some(Event::Failed { code: "slot_taken" }));

    f = at_review();
    f.answered(answer(
        201,
        r#"{"reference":"JZ-7K3Q9M","manage_token":"tok_123","status":"requested","service":"visit-repeat",
            "doctor":"zhumabayeva","start":"2026-11-27T09:00:00+05:00","end":"2026-11-27T09:20:00+05:00",
            "price":7000,"cancel_deadline":"2026-11-26T23:00:00+05:00"}"#,
    ));
    let done = f.outcome().expect("an outcome");
    assert_eq!(
        (done.name(), done.detail()),
        ("jazylu:submitted", vec![("reference", "JZ-7K3Q9M".to_string())])
    );
    let everything =
        format!("{:?}", [slot, done, Event::Viewed, Event::ServiceSelected { service: "x".into() }]);
    for personal in ["Иванова", "950520300004", "701", "tok_123"] {
        assert!(!everything.contains(personal), "{personal} in {everything}");
    }
}

#[test]
fn the_manage_page_tells_what_the_clinic_did() {
    let stored = r#"{"reference":"JZ-7K3Q9M","status":"cancelled","service":"visit-repeat","doctor":"zhumabayeva",
        "start":"2026-11-25T15:00+05:00","end":"2026-11-25T15:20+05:00","price":7000,
        "cancel_deadline":"2026-11-25T05:00+05:00","deadline_passed":true,"cancelled_late":false,
        "cancelled_by_clinic":true,"moved_by_clinic":true}"#;
    let mut f = Flow::manage("JZ-7K3Q9M", "tok");
    f.managed(answer(200, stored));
    assert_eq!(
        f.receipt.as_ref().map(|r| r.by_clinic),
        Some(ByClinic::Cancelled),
        "a cancellation outweighs a move"
    );
    let moved = stored
        .replace("\"cancelled\"", "\"confirmed\"")
        .replace("\"cancelled_by_clinic\":true", "\"cancelled_by_clinic\":false");
    f.managed(answer(200, &moved));
    assert_eq!(f.receipt.as_ref().map(|r| r.by_clinic), Some(ByClinic::Moved));
}

//! Booking requests: every rule, each asserting the exact field and code.

use super::*;
use crate::catalogue::DoctorId;

const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");

fn catalogue() -> Catalogue {
    Catalogue::parse(SAMPLE).expect("sample is valid")
}

fn at(s: &str) -> DateTime<Utc> {
    parse_instant(s).expect("instant")
}

/// Wednesday 25 November 2026, 09:00 in the clinic.
fn now() -> DateTime<Utc> {
    at("2026-11-25T09:00:00+05:00")
}

fn adult() -> PersonForm {
    PersonForm {
        surname: "Сейтқали".into(),
        given_name: "Айгерім".into(),
        patronymic: String::new(),
        iin: "950520 300004".into(),
        birth_date: "1995-05-20".into(),
        phone: "8 701 123 45 67".into(),
    }
}

fn form() -> BookingForm {
    BookingForm {
        service: "visit-repeat".into(),
        doctor: "zhumabayeva".into(),
        start: "2026-11-27T09:00:00+05:00".into(),
        patient: adult(),
        address: "Қаскелең, Абай к-сі 1".into(),
        whatsapp: true,
        representative: None,
        consent_offer: true,
        consent_personal_data: true,
        lang: Lang::Ru,
        channel: String::new(),
        utm: Vec::new(),
    }
}

fn child_with_parent() -> BookingForm {
    let mut f = form();
    f.patient = PersonForm {
        surname: "Сейтқали".into(),
        given_name: "Нұрлан".into(),
        patronymic: String::new(),
        iin: "000101500001".into(),
        birth_date: "2015-05-05".into(),
        phone: "+7 701 123 45 67".into(),
    };
    f.representative =
        Some(RepresentativeForm { person: adult(), relation: "parent".into(), guarantee: true });
    f
}

fn errors(f: &BookingForm, busy: &[Busy]) -> Vec<(&'static str, &'static str)> {
    match f.validate(&catalogue(), busy, now()) {
        Ok(_) => Vec::new(),
        Err(es) => es
            .into_iter()
            .map(|e| {
                // The widget finds fields by these names: a new one must be listed.
                assert!(FIELDS.contains(&e.field), "{} is not in FIELDS", e.field);
                (e.field, e.code)
            })
            .collect(),
    }
}

#[test]
fn an_adult_books_alone() {
    let b = form().validate(&catalogue(), &[], now()).expect("valid");
    assert!(!b.minor);
    assert_eq!(b.representative, None);
    assert_eq!(b.slot.start, at("2026-11-27T04:00:00Z"));
    assert_eq!(b.slot.end, at("2026-11-27T04:20:00Z"));
    assert_eq!(b.patient.phone.e164(), "+77011234567");
    assert_eq!(b.patient.iin.as_str(), "950520300004");
}

#[test]
fn an_invalid_iin_is_the_only_error() {
    let mut f = form();
    f.patient.iin = "123456789012".into();
    assert_eq!(errors(&f, &[]), vec![("patient.iin", "iin_checksum")]);
    f.patient.iin = "12345".into();
    assert_eq!(errors(&f, &[]), vec![("patient.iin", "iin_format")]);
    f.patient.iin = " ".into();
    assert_eq!(errors(&f, &[]), vec![("patient.iin", "required")]);
}

#[test]
fn an_iin_whose_date_disagrees_with_the_birth_date_is_accepted() {
    let mut f = form();
    f.patient.birth_date = "1990-01-01".into();
    assert_eq!(errors(&f, &[]), vec![]);
}

#[test]
fn every_field_of_an_empty_form_is_reported() {
    let f = BookingForm {
        service: "visit-repeat".into(),
        doctor: "zhumabayeva".into(),
        start: form().start,
        ..Default::default()
    };
    assert_eq!(
        errors(&f, &[]),
        vec![
            ("patient.surname", "required"),
            ("patient.given_name", "required"),
            ("patient.iin", "required"),
            ("patient.birth_date", "required"),
            ("patient.phone", "required"),
            ("patient.address", "required"),
            ("consents.offer", "consent_required"),
            ("consents.personal_data", "consent_required"),
        ]
    );
}

#[test]
fn a_child_needs_a_representative() {
    let mut f = child_with_parent();
    f.representative = None;
    assert_eq!(errors(&f, &[]), vec![("representative", "representative_required")]);
}

#[test]
fn a_parent_books_for_a_child() {
    let b = child_with_parent().validate(&catalogue(), &[], now()).expect("valid");
    assert!(b.minor);
    assert_eq!(b.representative.map(|r| r.relation), Some(Relation::Parent));
}

#[test]
fn the_representative_must_be_an_adult_with_a_relation_and_the_guarantee() {
    let mut f = child_with_parent();
    let r = f.representative.as_mut().expect("representative");
    r.person.birth_date = "2010-01-01".into();
    r.relation = "uncle".into();
    r.guarantee = false;
    assert_eq!(
        errors(&f, &[]),
        vec![
            ("representative.birth_date", "representative_minor"),
            ("representative.relation", "relation_invalid"),
            ("representative.guarantee", "guarantee_required"),
        ]
    );
}

#[test]
fn an_adult_may_be_booked_by_a_representative() {
    let mut f = form();
    f.representative =
        Some(RepresentativeForm { person: adult(), relation: "guardian".into(), guarantee: true });
    let b = f.validate(&catalogue(), &[], now()).expect("valid");
    assert!(!b.minor);
    assert_eq!(b.representative.map(|r| r.relation), Some(Relation::Guardian));
}

#[test]
fn age_is_counted_on_the_day_of_the_visit() {
    // 17 today, 18 on Friday's appointment: books alone.
    let mut f = form();
    f.patient.birth_date = "2008-11-27".into();
    assert_eq!(errors(&f, &[]), vec![]);
    f.patient.birth_date = "2008-11-28".into();
    assert_eq!(errors(&f, &[]), vec![("representative", "representative_required")]);
}

#[test]
fn both_consents_are_required() {
    let mut f = form();
    f.consent_offer = false;
    assert_eq!(errors(&f, &[]), vec![("consents.offer", "consent_required")]);
    f.consent_offer = true;
    f.consent_personal_data = false;
    assert_eq!(errors(&f, &[]), vec![("consents.personal_data", "consent_required")]);
}

#[test]
fn slot_problems_are_addressed_to_the_slot_or_the_doctor() {
    let doctor = DoctorId::parse("zhumabayeva").expect("id");
    let busy =
        [Busy { doctor, start: at("2026-11-27T08:50:00+05:00"), end: at("2026-11-27T09:10:00+05:00") }];
    assert_eq!(errors(&form(), &busy), vec![("slot", "slot_taken")]);

    let mut f = form();
    f.start = "2026-11-24T09:00:00+05:00".into();
    assert_eq!(errors(&f, &[]), vec![("slot", "in_the_past")]);

    f.start = "tomorrow at nine".into();
    assert_eq!(errors(&f, &[]), vec![("slot", "slot_invalid")]);

    let mut f = form();
    f.doctor = "kassymova".into();
    assert_eq!(errors(&f, &[]), vec![("doctor", "doctor_not_for_service")]);

    f.service = "massage".into();
    assert_eq!(errors(&f, &[]), vec![("service", "unknown_service")]);
}

#[test]
fn reads_the_json_the_widget_sends() {
    let json = r#"{
        "service": "visit-repeat", "doctor": "zhumabayeva", "start": "2026-11-27T09:00:00+05:00",
        "patient": {"surname": "Сейтқали", "given_name": "Айгерім", "iin": "950520300004",
                    "birth_date": "1995-05-20", "phone": "+77011234567", "address": "Қаскелең", "whatsapp": true},
        "consents": {"offer": true, "personal_data": true}, "lang": "kk"
    }"#;
    let f = BookingForm::from_json(json).expect("an object");
    assert_eq!(f.lang, Lang::Kk);
    assert!(f.whatsapp);
    assert!(f.validate(&catalogue(), &[], now()).is_ok());

    let wrong_types = r#"{"service": "visit-repeat", "patient": {"iin": 950520300004}}"#;
    let f = BookingForm::from_json(wrong_types).expect("an object");
    assert_eq!(f.patient.iin, "", "a number is not an IIN: reads as missing");

    assert_eq!(BookingForm::from_json("[1, 2]"), Err("json_invalid"));
    assert_eq!(BookingForm::from_json("{\"service\": "), Err("json_invalid"));
}

#[test]
fn only_whitelisted_campaign_tags_are_kept() {
    let json = r#"{"channel": "instagram", "utm": {"utm_source": "ig", "utm_campaign": "spring-2026",
        "utm_term": "has space", "email": "a@b.kz", "utm_medium": 5}}"#;
    let f = BookingForm::from_json(json).expect("an object");
    assert_eq!(f.channel, "instagram");
    assert_eq!(
        f.utm,
        vec![("utm_source".into(), "ig".into()), ("utm_campaign".into(), "spring-2026".into())]
    );
    assert_eq!(BookingForm::from_json(r#"{"channel": "Evil <x>"}"#).map(|f| f.channel), Ok(String::new()));
}

#[test]
fn the_json_written_reads_back_unchanged() {
    let mut f = child_with_parent();
    f.patient.surname = "O'Brien \"Jr\" \\ \u{1}".into();
    f.channel = "instagram".into();
    f.utm = vec![("utm_source".into(), "ig".into())];
    assert_eq!(BookingForm::from_json(&f.to_json()), Ok(f.clone()));
    f.representative = None;
    assert_eq!(BookingForm::from_json(&f.to_json()), Ok(f));
}

//! Booking requests: every rule, each asserting the exact field and code.

use super::*;
use crate::catalogue::DoctorId;
use jazylu_api::{Patient, Representative as Rep};

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

fn adult() -> Patient {
    Patient {
        surname: "Сейтқали".into(),
        given_name: "Айгерім".into(),
        patronymic: String::new(),
        iin: "950520 300004".into(),
        birth_date: "1995-05-20".into(),
        phone: "8 701 123 45 67".into(),
        address: "Қаскелең, Абай к-сі 1".into(),
        whatsapp: true,
    }
}

/// The adult of `adult()` as a representative.
fn parent(relation: &str) -> Rep {
    let a = adult();
    Rep {
        surname: a.surname,
        given_name: a.given_name,
        patronymic: a.patronymic,
        iin: a.iin,
        birth_date: a.birth_date,
        phone: a.phone,
        relation: relation.into(),
        guarantee: true,
    }
}

fn form() -> BookingRequest {
    BookingRequest {
        service: "visit-repeat".into(),
        doctor: "zhumabayeva".into(),
        start: "2026-11-27T09:00:00+05:00".into(),
        patient: adult(),
        representative: None,
        consents: jazylu_api::Consents {
            offer: true,
            personal_data: true,
            offer_version: "2026-11-01".into(),
            personal_data_version: "2026-11-01".into(),
        },
        lang: "ru".into(),
        channel: String::new(),
        utm: Vec::new(),
    }
}

fn child_with_parent() -> BookingRequest {
    let mut f = form();
    f.patient = Patient {
        given_name: "Нұрлан".into(),
        iin: "000101500001".into(),
        birth_date: "2015-05-05".into(),
        phone: "+7 701 123 45 67".into(),
        ..adult()
    };
    f.representative = Some(parent("parent"));
    f
}

fn validate(f: &BookingRequest, busy: &[Busy]) -> Result<Booking, Vec<FieldError>> {
    Booking::parse(f, &catalogue(), busy, now())
}

fn errors(f: &BookingRequest, busy: &[Busy]) -> Vec<(&'static str, &'static str)> {
    match validate(f, busy) {
        Ok(_) => Vec::new(),
        Err(es) => es.into_iter().map(|e| (e.field.path(), e.code.as_str())).collect(),
    }
}

#[test]
fn an_adult_books_alone() {
    let b = validate(&form(), &[]).expect("valid");
    assert!(!b.minor);
    assert_eq!(b.representative, None);
    assert_eq!(b.slot.start, at("2026-11-27T04:00:00Z"));
    assert_eq!(b.slot.end, at("2026-11-27T04:20:00Z"));
    assert_eq!(b.patient.phone.as_ref().map(|p| p.e164()), Some("+77011234567"));
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
    let f = BookingRequest {
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
    let b = validate(&child_with_parent(), &[]).expect("valid");
    assert!(b.minor);
    assert_eq!(b.representative.map(|r| r.relation), Some(Relation::Parent));
}

#[test]
fn the_representative_must_be_an_adult_with_a_relation_and_the_guarantee() {
    let mut f = child_with_parent();
    let r = f.representative.as_mut().expect("representative");
    r.birth_date = "2010-01-01".into();
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
    f.representative = Some(parent("guardian"));
    let b = validate(&f, &[]).expect("valid");
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
    f.consents.offer = false;
    assert_eq!(errors(&f, &[]), vec![("consents.offer", "consent_required")]);
    f.consents.offer = true;
    f.consents.personal_data = false;
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
fn a_child_booked_by_a_parent_needs_no_phone_of_their_own() {
    let mut f = child_with_parent();
    f.patient.phone = String::new();
    let b = validate(&f, &[]).expect("valid");
    assert_eq!(b.patient.phone, None);
    assert_eq!(b.contact_phone().map(|p| p.e164()), Some("+77011234567"), "the parent's phone serves");
    // A phone typed anyway is still checked, and an adult alone still needs one.
    f.patient.phone = "12".into();
    assert_eq!(errors(&f, &[]), vec![("patient.phone", "phone_format")]);
    let mut f = form();
    f.patient.phone = String::new();
    assert_eq!(errors(&f, &[]), vec![("patient.phone", "required")]);
}

#[test]
fn reads_the_json_the_widget_sends() {
    let json = r#"{
        "service": "visit-repeat", "doctor": "zhumabayeva", "start": "2026-11-27T09:00:00+05:00",
        "patient": {"surname": "Сейтқали", "given_name": "Айгерім", "iin": "950520300004",
                    "birth_date": "1995-05-20", "phone": "+77011234567", "address": "Қаскелең", "whatsapp": true},
        "consents": {"offer": true, "personal_data": true, "offer_version": "2026-11-01",
                     "personal_data_version": "2026-11-01"}, "lang": "kk"
    }"#;
    let f: BookingRequest = serde_json::from_str(json).expect("an object");
    let b = validate(&f, &[]).expect("valid");
    assert_eq!(b.lang, Lang::Kk);
    assert!(b.whatsapp);

    let wrong_types = r#"{"service": "visit-repeat", "patient": {"iin": 950520300004}}"#;
    let f: BookingRequest = serde_json::from_str(wrong_types).expect("an object");
    assert_eq!(f.patient.iin, "", "a number is not an IIN: reads as missing");
    assert!(errors(&f, &[]).contains(&("patient.iin", "required")));
}

#[test]
fn only_whitelisted_campaign_tags_are_kept() {
    let json = r#"{"channel": "instagram", "utm": {"utm_source": "ig", "utm_campaign": "spring-2026",
        "utm_term": "has space", "email": "a@b.kz", "utm_medium": 5}}"#;
    let mut f: BookingRequest = serde_json::from_str(json).expect("an object");
    f = BookingRequest { channel: f.channel, utm: f.utm, ..form() };
    let b = validate(&f, &[]).expect("valid");
    assert_eq!(b.channel, "instagram");
    assert_eq!(
        b.utm,
        vec![("utm_campaign".into(), "spring-2026".into()), ("utm_source".into(), "ig".into())]
    );
    f.channel = "Evil <x>".into();
    assert_eq!(validate(&f, &[]).expect("valid").channel, "");
}

#[test]
fn the_way_in_is_the_named_channel_or_the_hosted_page() {
    let (channel, tags) = way_in(None, "?lang=ru&utm_source=ig&email=a%40b.kz");
    assert_eq!(channel, "hosted");
    assert_eq!(tags, vec![("utm_source".to_string(), "ig".to_string())]);
    assert_eq!(way_in(Some("instagram"), "").0, "instagram");
}

#[test]
fn relations_are_named_in_each_language_and_names_written_surname_first() {
    use crate::Lang;
    use jazylu_i18n::words;
    assert_eq!(Relation::Parent.word(words(Lang::En)), "Parent");
    assert_eq!(Relation::Guardian.word(words(Lang::Ru)), "Опекун");
    assert_eq!(Relation::Trustee.word(words(Lang::Kk)), "Қамқоршысы");
    assert_eq!(full_name([" Ахметова ", "Алия", ""]), "Ахметова Алия");
    assert_eq!(full_name(["Ким", "Ирина", "Сергеевна"]), "Ким Ирина Сергеевна");
}

#[test]
fn the_patients_other_bookings_limit_a_new_one() {
    let adult = validate(&form(), &[]).expect("valid");
    let mut no_phone = child_with_parent();
    no_phone.patient.phone = String::new();
    let child = validate(&no_phone, &[]).expect("valid");
    let code = |b: &Booking, held: Held| {
        b.refusals(held, 2).into_iter().map(|e| (e.field.path(), e.code.as_str())).collect::<Vec<_>>()
    };
    assert_eq!(code(&adult, Held { of_patient: 1, overlapping: 0, of_phone: 1 }), []);
    assert_eq!(
        code(&adult, Held { of_patient: 1, overlapping: 1, of_phone: 1 }),
        [("slot", "patient_overlap")]
    );
    assert_eq!(
        code(&adult, Held { of_patient: 2, overlapping: 0, of_phone: 0 }),
        [("patient.iin", "patient_bookings_limit")]
    );
    assert_eq!(
        code(&adult, Held { of_patient: 0, overlapping: 0, of_phone: 2 }),
        [("patient.phone", "phone_bookings_limit")]
    );
    // A child without a phone of their own: the parent's phone is the one counted, and named.
    assert!(child.patient.phone.is_none());
    assert_eq!(
        code(&child, Held { of_patient: 0, overlapping: 0, of_phone: 2 }),
        [("representative.phone", "phone_bookings_limit")]
    );
    assert_eq!(adult.refusals(Held { of_patient: 2, ..Held::default() }, 3), []);
}

#[test]
fn a_consent_to_a_version_no_longer_served_is_refused_as_changed() {
    let mut f = form();
    f.consents.offer_version = "2025-01-01".into();
    f.consents.personal_data_version = String::new();
    let problems = validate(&f, &[]).expect_err("stale");
    assert_eq!(
        problems,
        vec![
            FieldError { field: Field::ConsentOffer, code: FieldCode::DocumentChanged },
            FieldError { field: Field::ConsentPersonalData, code: FieldCode::DocumentChanged },
        ]
    );
    // Unticked is still "required", whatever the version says.
    f.consents.offer = false;
    let problems = validate(&f, &[]).expect_err("unticked");
    assert_eq!(problems[0], FieldError { field: Field::ConsentOffer, code: FieldCode::ConsentRequired });
}

#[test]
fn attendance_is_marked_from_the_visits_clinic_date_on() {
    use super::attendance_due;
    let cat = Catalogue::parse(include_str!("../../../../data/catalogue.sample.json")).expect("valid");
    let at = |s: &str| crate::clock::parse_instant(s).expect("instant");
    let visit = at("2026-12-04T09:00:00+05:00");
    // 00:30 in the clinic on the visit's day is 19:30 UTC the day before: already due.
    assert!(attendance_due(&cat, visit, at("2026-12-04T00:30:00+05:00")));
    assert!(attendance_due(&cat, visit, at("2026-12-05T12:00:00+05:00")));
    assert!(!attendance_due(&cat, visit, at("2026-12-03T23:59:00+05:00")));
}

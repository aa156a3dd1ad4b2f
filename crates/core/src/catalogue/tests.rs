//! Every catalogue rule, each asserting the exact code and path it reports.

use super::*;
use serde_json::{json, Value};

const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");

fn sample() -> Value {
    serde_json::from_str(SAMPLE).expect("sample is JSON")
}

/// Parses `doc` and returns its problems as `(path, code)` pairs.
fn problems(doc: &Value) -> Vec<(String, &'static str)> {
    match Catalogue::parse(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(ps) => ps.into_iter().map(|p| (p.path, p.code.as_str())).collect(),
    }
}

fn has(doc: &Value, path: &str, code: &str) {
    let ps = problems(doc);
    assert!(ps.iter().any(|(p, c)| p == path && *c == code), "expected {path}: {code}, got {ps:?}");
}

#[test]
fn the_sample_is_valid_and_round_trips() {
    let cat = Catalogue::parse(SAMPLE).expect("sample is valid");
    assert!(cat.is_sample());
    assert_eq!(cat.services().len(), 12);
    assert_eq!(cat.doctors().len(), 3);
    assert_eq!(cat.categories().len(), 4);
    let again = Catalogue::parse(&cat.to_json()).expect("served JSON parses again");
    assert_eq!(again, cat);
}

#[test]
fn duration_outside_5_to_60() {
    for bad in [4, 61, 0, -10] {
        let mut doc = sample();
        doc["services"][3]["duration_min"] = json!(bad);
        assert_eq!(
            problems(&doc),
            vec![("services[3].duration_min".into(), "duration_out_of_range")],
            "{bad}"
        );
    }
    for ok in [5, 60] {
        let mut doc = sample();
        doc["services"][3]["duration_min"] = json!(ok);
        assert_eq!(problems(&doc), vec![], "{ok}");
    }
}

#[test]
fn duplicate_ids() {
    let mut doc = sample();
    doc["services"][1]["id"] = json!("visit-first");
    doc["doctors"][2]["id"] = json!("akhmetov");
    doc["categories"][1]["id"] = json!("consultations");
    has(&doc, "services[1].id", "duplicate_id");
    has(&doc, "doctors[2].id", "duplicate_id");
    has(&doc, "categories[1].id", "duplicate_id");
}

#[test]
fn unknown_ids() {
    let mut doc = sample();
    doc["services"][0]["doctors"] = json!(["zhumabayeva", "nobody"]);
    doc["services"][2]["category"] = json!("dentistry");
    assert_eq!(
        problems(&doc),
        vec![("services[0].doctors[1]".into(), "unknown_id"), ("services[2].category".into(), "unknown_id")]
    );
}

#[test]
fn invalid_ids_and_empty_doctor_lists() {
    let mut doc = sample();
    doc["services"][0]["id"] = json!("Visit First");
    doc["services"][1]["doctors"] = json!([]);
    has(&doc, "services[0].id", "id_invalid");
    has(&doc, "services[1].doctors", "doctors_empty");
}

#[test]
fn missing_or_blank_translations() {
    let mut doc = sample();
    doc["services"][4]["name"].as_object_mut().expect("object").remove("en");
    doc["clinic"]["address"]["kk"] = json!("   ");
    doc["doctors"][0]["specialty"]["ru"] = json!("");
    doc["categories"][2]["name"]["kk"] = Value::Null;
    assert_eq!(
        problems(&doc),
        vec![
            ("clinic.address.kk".into(), "missing_translation"),
            ("categories[2].name.kk".into(), "missing_translation"),
            ("doctors[0].specialty.ru".into(), "missing_translation"),
            ("services[4].name.en".into(), "missing_translation"),
        ]
    );
}

#[test]
fn non_positive_prices() {
    let mut doc = sample();
    doc["services"][1]["price"] = json!(0);
    doc["services"][2]["price"] = json!(-500);
    doc["services"][0]["promo"]["price"] = json!(0);
    assert_eq!(
        problems(&doc),
        vec![
            ("services[0].promo.price".into(), "price_not_positive"),
            ("services[1].price".into(), "price_not_positive"),
            ("services[2].price".into(), "price_not_positive"),
        ]
    );
}

#[test]
fn a_promotion_must_be_cheaper_and_its_window_forward() {
    let mut doc = sample();
    doc["services"][0]["promo"]["price"] = json!(12000);
    has(&doc, "services[0].promo.price", "promo_not_lower");

    let mut doc = sample();
    doc["services"][0]["promo"]["from"] = json!("2027-01-01");
    assert_eq!(problems(&doc), vec![("services[0].promo.until".into(), "promo_window_reversed")]);

    let mut doc = sample();
    doc["services"][0]["promo"]["until"] = json!("2026-02-30");
    assert_eq!(problems(&doc), vec![("services[0].promo.until".into(), "date_invalid")]);
}

#[test]
fn the_seed_bin_typo_is_caught() {
    let mut doc = sample();
    doc["clinic"]["bin"] = json!("2108400003610");
    assert_eq!(problems(&doc), vec![("clinic.bin".into(), "bin_format")]);
    doc["clinic"]["bin"] = json!("210840003611");
    assert_eq!(problems(&doc), vec![("clinic.bin".into(), "bin_checksum")]);
}

#[test]
fn overlapping_schedule_intervals() {
    let mut doc = sample();
    doc["doctors"][1]["schedule"][1] = json!({ "days": ["fri"], "hours": "18:00-19:00" });
    assert_eq!(problems(&doc), vec![("doctors[1].schedule[1].hours".into(), "schedule_overlap")]);

    let mut doc = sample();
    doc["doctors"][0]["schedule"][0]["breaks"] = json!(["13:00-14:00", "13:30-14:30"]);
    assert_eq!(problems(&doc), vec![("doctors[0].schedule[0].breaks[1]".into(), "schedule_overlap")]);

    // Split shifts on one day are fine while they do not touch.
    let mut doc = sample();
    doc["doctors"][1]["schedule"][1] = json!({ "days": ["mon"], "hours": "09:00-12:00" });
    assert_eq!(problems(&doc), vec![]);
}

#[test]
fn breaks_reversed_spans_bad_times_and_weekdays() {
    let mut doc = sample();
    doc["doctors"][0]["schedule"][0]["breaks"] = json!(["08:00-08:30"]);
    doc["doctors"][1]["schedule"][0]["hours"] = json!("19:00-13:00");
    doc["doctors"][2]["schedule"][0]["hours"] = json!("8am-2pm");
    doc["doctors"][2]["schedule"][1]["days"] = json!(["saturday"]);
    assert_eq!(
        problems(&doc),
        vec![
            ("doctors[0].schedule[0].breaks[0]".into(), "break_outside_hours"),
            ("doctors[1].schedule[0].hours".into(), "interval_reversed"),
            ("doctors[2].schedule[0].hours".into(), "time_invalid"),
            ("doctors[2].schedule[1].days[0]".into(), "weekday_invalid"),
        ]
    );
}

#[test]
fn a_doctor_works_only_while_the_clinic_is_open() {
    let mut doc = sample();
    doc["doctors"][2]["schedule"][1] = json!({ "days": ["sun"], "hours": "10:00-12:00" });
    assert_eq!(problems(&doc), vec![("doctors[2].schedule[1].hours".into(), "outside_clinic_hours")]);
}

#[test]
fn exceptions_and_holidays() {
    let mut doc = sample();
    doc["doctors"][0]["exceptions"] =
        json!([{ "date": "2026-12-31" }, { "date": "2026-12-31", "hours": "09:00-12:00" }]);
    doc["holidays"]["2026"] = json!(["2026-12-16", "2027-01-01", "2026-12-16", "16.12.2026"]);
    assert_eq!(
        problems(&doc),
        vec![
            ("doctors[0].exceptions[1].date".into(), "duplicate_date"),
            ("holidays.2026[1]".into(), "holiday_year_mismatch"),
            ("holidays.2026[2]".into(), "duplicate_date"),
            ("holidays.2026[3]".into(), "date_invalid"),
        ]
    );
}

#[test]
fn unknown_time_zone() {
    let mut doc = sample();
    doc["clinic"]["time_zone"] = json!("Asia/Tashkent");
    assert_eq!(problems(&doc), vec![("clinic.time_zone".into(), "time_zone_unknown")]);
}

#[test]
fn phones() {
    let mut doc = sample();
    doc["clinic"]["phones"] = json!(["+7 700 204 10 70", "12345"]);
    doc["clinic"]["whatsapp"] = json!("+7 72771 2 34 56");
    assert_eq!(
        problems(&doc),
        vec![("clinic.phones[1]".into(), "phone_invalid"), ("clinic.whatsapp".into(), "phone_not_mobile")]
    );
}

#[test]
fn offer_url_must_be_https_or_a_path() {
    for bad in ["http://clinic.kz/offer", "javascript:alert(1)", "https://a.kz/x\"onmouseover=1"] {
        let mut doc = sample();
        doc["documents"]["offer"]["url"] = json!(bad);
        assert_eq!(problems(&doc), vec![("documents.offer.url".into(), "url_invalid")], "{bad}");
    }
    let mut doc = sample();
    doc["documents"]["offer"]["url"] = json!("/documents/offer.pdf");
    assert!(problems(&doc).is_empty());
}

#[test]
fn policies_out_of_range() {
    let mut doc = sample();
    doc["clinic"]["policies"]["horizon_days"] = json!(0);
    assert_eq!(problems(&doc), vec![("clinic.policies.horizon_days".into(), "policy_out_of_range")]);
}

#[test]
fn no_services() {
    let mut doc = sample();
    doc["services"] = json!([]);
    assert_eq!(problems(&doc), vec![("services".into(), "services_empty")]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut doc = sample();
    doc["clinic"]["bin"] = json!("2108400003610");
    doc["services"][3]["duration_min"] = json!(90);
    doc["services"][5]["price"] = json!(0);
    doc["services"][6]["name"]["kk"] = json!("");
    assert_eq!(problems(&doc).len(), 4, "{:?}", problems(&doc));
}

#[test]
fn shape_errors_are_all_reported_with_their_paths() {
    let mut doc = sample();
    doc["services"][2]["price"] = json!("12 000");
    doc["services"][2]["colour"] = json!("red");
    doc["doctors"][1].as_object_mut().expect("object").remove("schedule");
    doc["clinic"]["phones"] = json!("+7 700 204 10 70");
    assert_eq!(
        problems(&doc),
        vec![
            ("clinic.phones".into(), "wrong_type"),
            ("clinic.phones".into(), "phones_empty"),
            ("doctors[1].schedule".into(), "missing_field"),
            ("services[2].colour".into(), "unknown_field"),
            ("services[2].price".into(), "wrong_type"),
        ]
    );
}

#[test]
fn not_json_at_all() {
    assert_eq!(Catalogue::parse("{ not json").map_err(|p| p[0].code), Err(ProblemCode::JsonInvalid));
    assert_eq!(
        Catalogue::parse("[]").map_err(|p| (p[0].path.clone(), p[0].code)),
        Err((String::new(), ProblemCode::WrongType))
    );
}

#[test]
fn promotion_prices_by_date() {
    let cat = Catalogue::parse(SAMPLE).expect("valid");
    let s = cat.service("visit-first").expect("exists");
    let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
    assert_eq!(s.price_on(d(10, 31)).now.amount(), 12000);
    assert_eq!(s.price_on(d(11, 1)).now.amount(), 10000);
    assert_eq!(s.price_on(d(12, 31)).now.amount(), 10000);
    assert!(cat.is_holiday(d(12, 16)));
    assert!(!cat.is_holiday(d(12, 15)));
}

#[test]
fn deadlines_and_prices_follow_the_visit() {
    let cat = Catalogue::parse(SAMPLE).expect("valid");
    let start = crate::clock::parse_instant("2027-01-04T09:00:00+05:00").expect("instant");
    let deadline = cat.clinic().policies.cancel_deadline(start);
    assert_eq!(Some(deadline), crate::clock::parse_instant("2027-01-03T23:00:00+05:00"));
    // The promotion ends on 31 December: a visit in January costs the regular price, whenever
    // it was booked.
    let s = cat.service("visit-first").expect("service");
    assert_eq!(cat.price_at(s, start).now.amount(), 12000);
    let december = crate::clock::parse_instant("2026-12-31T18:30:00+05:00").expect("instant");
    assert_eq!(cat.price_at(s, december).now.amount(), 10000);
}

#[test]
fn cancelling_is_late_only_after_the_deadline() {
    let cat = Catalogue::parse(&sample().to_string()).expect("valid");
    let p = &cat.clinic().policies;
    let start = crate::clock::parse_instant("2026-11-27T09:00+05:00").expect("instant");
    let deadline = crate::clock::parse_instant("2026-11-26T23:00+05:00").expect("instant");
    assert_eq!(p.cancel_deadline(start), deadline);
    assert!(!p.is_late(start, deadline), "at the deadline itself it is still free");
    assert!(p.is_late(start, deadline + chrono::TimeDelta::seconds(1)));
    assert_eq!(p.initial_status(), "requested");
}

#[test]
fn the_published_document_reads_back_as_the_same_catalogue() {
    let cat = Catalogue::parse(include_str!("../../../../data/catalogue.sample.json")).expect("valid");
    let published = cat.to_json();
    let back: Catalogue = serde_json::from_str(&published).expect("the published shape reads back");
    // The widget reads everything but the facts the server has phrased into `texts`.
    assert_eq!(back.phrased(Lang::Ru), cat.phrased(Lang::Ru));
    assert_eq!(back.documents(), cat.documents());
    let mut facts_dropped = cat.clone();
    let (c, b) = (&mut facts_dropped.clinic, &back.clinic);
    (c.legal_name, c.licence, c.complaints, c.data_location) =
        (b.legal_name.clone(), b.licence.clone(), b.complaints.clone(), b.data_location.clone());
    c.policies = b.policies.clone();
    assert_eq!(c.policies.cancel_notice_hours, cat.clinic.policies.cancel_notice_hours);
    assert_eq!(back, facts_dropped);
}

#[test]
fn the_clinics_facts_and_documents_are_checked() {
    let mut doc = sample();
    doc["clinic"]["policies"]["video_recording"] = json!("hidden");
    doc["clinic"]["licence"]["number"] = json!("№ 1");
    doc["documents"]["offer"]["version"] = json!("1 Nov");
    doc["documents"]["personal_data"]["text"]["en"] = json!("  ");
    doc["clinic"]["complaints"]["answer_working_days"] = json!(0);
    assert_eq!(
        problems(&doc),
        vec![
            ("clinic.licence.number".into(), "licence_invalid"),
            ("clinic.complaints.answer_working_days".into(), "policy_out_of_range"),
            ("clinic.policies.video_recording".into(), "value_unknown"),
            ("documents.offer.version".into(), "version_invalid"),
            ("documents.personal_data.text.en".into(), "missing_translation"),
        ]
    );
    let mut doc = sample();
    doc["clinic"]["policies"]["video_recording"] = json!("none");
    has(&doc, "clinic.policies.footage_in_advertising", "footage_without_video");
    let mut doc = sample();
    doc["documents"]["offer"]["text"]["ru"] = json!("я".repeat(Document::MAX_CHARS + 1));
    assert_eq!(problems(&doc), vec![("documents.offer.text.ru".into(), "text_too_long")]);
    let mut doc = sample();
    doc["documents"].as_object_mut().map(|d| d.remove("personal_data"));
    assert_eq!(problems(&doc), vec![("documents.personal_data".into(), "missing_field")]);
}

/// The texts a visitor reads say what the catalogue says, in every language.
#[test]
fn the_summaries_phrase_the_catalogues_facts() {
    let cat = Catalogue::parse(SAMPLE).expect("sample");
    for lang in Lang::ALL {
        let w = jazylu_i18n::words(lang);
        let facts = cat.facts(lang);
        let consent = w.consent_points(&facts).join(" ");
        let clinic = cat.clinic();
        for fact in [
            clinic.legal_name.get(lang),
            "210840003610",
            clinic.address.get(lang),
            clinic.data_location.get(lang),
        ] {
            assert!(consent.contains(fact), "{lang:?}: {fact}");
        }
        let rules = w.rules(&facts, &jazylu_i18n::Rule::SUMMARY).join(" ");
        for fact in
            ["10", "60", "+7\u{a0}700\u{a0}204\u{a0}10\u{a0}70", "+7\u{a0}777\u{a0}747\u{a0}90\u{a0}65"]
        {
            assert!(rules.contains(fact), "{lang:?}: {fact} in {rules}");
        }
        let legal = w.legal(&facts);
        assert!(legal.contains("21030807") && legal.contains("210840003610"), "{legal}");
        // What the widget shows is what the words made of these facts, published with the catalogue.
        let said = cat.phrased(lang);
        assert_eq!(said.offer, w.rules(&facts, &jazylu_i18n::Rule::SUMMARY));
        assert_eq!(said.consent, w.consent_points(&facts));
        assert_eq!(said.about[2..], [w.complaints(&facts), legal.clone()]);
        let published: Catalogue = serde_json::from_str(&cat.to_json()).expect("reads back");
        assert_eq!(published.phrased(lang), said);
        assert!(w.complaints(&facts).contains("20"));
    }
    let ru = jazylu_i18n::words(Lang::Ru);
    let rules = ru.rules(&cat.facts(Lang::Ru), &jazylu_i18n::Rule::SUMMARY);
    assert!(rules.contains(
        &"В клинике ведётся видеозапись со звуком; записи могут использоваться в рекламе клиники.".into()
    ));
    assert!(rules.contains(&"Клиника не работает по ОСМС и ДМС: все услуги платные.".into()));
    assert!(rules.iter().any(|r| r.contains("не более чем на 60 минут")));

    // Another clinic: no video, a 30-minute delay, insurance taken.
    let mut doc = sample();
    let p = &mut doc["clinic"]["policies"];
    p["video_recording"] = json!("none");
    p["footage_in_advertising"] = json!(false);
    p["max_delay_min"] = json!(30);
    p["insurance_accepted"] = json!(true);
    let other = Catalogue::parse(&doc.to_string()).expect("valid");
    for lang in Lang::ALL {
        let w = jazylu_i18n::words(lang);
        let (before, after) = (cat.facts(lang), other.facts(lang));
        let all = |f| w.rules(f, &jazylu_i18n::Rule::SUMMARY).join(" ") + &w.consent_points(f).join(" ");
        assert!(all(&before).contains("60") && !all(&after).contains(" 60 "), "{lang:?}");
        assert!(all(&after).contains("30"), "{lang:?}");
        assert_eq!(w.rule(jazylu_i18n::Rule::Video, &after), None, "{lang:?}");
        assert_ne!(
            w.rule(jazylu_i18n::Rule::Insurance, &after),
            w.rule(jazylu_i18n::Rule::Insurance, &before)
        );
    }
    let ru_rules = ru.rules(&other.facts(Lang::Ru), &jazylu_i18n::Rule::SUMMARY).join(" ");
    assert!(!ru_rules.contains("видеозапись") && ru_rules.contains("не более чем на 30 минут"), "{ru_rules}");
}

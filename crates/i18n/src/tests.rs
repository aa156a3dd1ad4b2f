//! The words as a native speaker reads them: exact forms for numbers, times, dates and codes.

use crate::{words, ConsentPoint, Facts, Lang, Rule, Video};
use chrono::NaiveDate;
use jazylu_api::FieldCode;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn russian_hours_take_one_few_or_many() {
    let ru = words(Lang::Ru);
    for (n, text) in [
        (1, "1 час"),
        (2, "2 часа"),
        (4, "4 часа"),
        (5, "5 часов"),
        (10, "10 часов"),
        (11, "11 часов"),
        (12, "12 часов"),
        (14, "14 часов"),
        (21, "21 час"),
        (22, "22 часа"),
        (25, "25 часов"),
        (72, "72 часа"),
    ] {
        assert_eq!(ru.hours(n), text);
    }
    // Every count from 1 to 72: one (O), few (F) or many (M), written out independently.
    let forms = format!("OFFF{}{}OF", "M".repeat(16), format!("OFFF{}", "M".repeat(6)).repeat(5));
    for (n, form) in (1..=72).zip(forms.chars()) {
        let noun = match form {
            'O' => "час",
            'F' => "часа",
            _ => "часов",
        };
        assert_eq!(ru.hours(n), format!("{n} {noun}"), "{n}");
        let minute = match form {
            'O' => "минуту",
            'F' => "минуты",
            _ => "минут",
        };
        assert_eq!(ru.minutes(n), format!("{n} {minute}"), "{n}");
    }
}

#[test]
fn english_has_one_and_other_and_kazakh_no_plural_after_numerals() {
    let (en, kk) = (words(Lang::En), words(Lang::Kk));
    assert_eq!(en.hours(1), "1 hour");
    assert_eq!(en.minutes(1), "1 minute");
    for n in 2..=72 {
        assert_eq!(en.hours(n), format!("{n} hours"));
        assert_eq!(en.minutes(n), format!("{n} minutes"));
    }
    for n in 1..=72 {
        assert_eq!(kk.hours(n), format!("{n} сағат"));
        assert_eq!(kk.minutes(n), format!("{n} минут"));
    }
}

#[test]
fn kazakh_suffix_follows_the_last_word_of_the_time() {
    let kk = words(Lang::Kk);
    for (minute, text) in [
        (0, "ертең 09:00-ден кейін"),
        (30, "ертең 09:30-дан кейін"),
        (15, "ертең 09:15-тен кейін"),
        (40, "ертең 09:40-тан кейін"),
        (10, "ертең 09:10-нан кейін"),
    ] {
        assert_eq!(kk.call_after("ертең", 9, minute), text);
    }
    // Every minute, by the last word read aloud: the units (бір…тоғыз), else the tens (он…елу),
    // else нөл. Written out independently of the rule.
    const UNITS: [&str; 10] = ["", "ден", "ден", "тен", "тен", "тен", "дан", "ден", "ден", "дан"];
    const TENS: [&str; 6] = ["ден", "нан", "дан", "дан", "тан", "ден"];
    for minute in 0..60u32 {
        let units = UNITS[(minute % 10) as usize];
        let suffix = if units.is_empty() { TENS[(minute / 10) as usize] } else { units };
        assert_eq!(kk.call_after("бүгін", 14, minute), format!("бүгін 14:{minute:02}-{suffix} кейін"));
    }
}

#[test]
fn russian_and_english_call_back_times() {
    assert_eq!(words(Lang::Ru).call_after("в понедельник", 9, 0), "в понедельник после 09:00");
    assert_eq!(words(Lang::En).call_after("on Monday", 9, 30), "on Monday after 09:30");
}

#[test]
fn dates_in_each_language() {
    let d = day(2026, 12, 2);
    assert_eq!(words(Lang::Kk).date(d), "2026 ж. 2 желтоқсан, сәрсенбі");
    assert_eq!(words(Lang::Ru).date(d), "среда, 2 декабря 2026");
    assert_eq!(words(Lang::En).date(d), "Wednesday, 2 December 2026");
    assert_eq!(words(Lang::Ru).month_year(d), "декабрь 2026");
    assert_eq!(words(Lang::Kk).month_year(d), "2026 ж. желтоқсан");
    assert_eq!(words(Lang::En).month_year(d), "December 2026");
    let last = day(2026, 12, 31);
    assert_eq!(words(Lang::Kk).offer_until(last), "Акция 31 желтоқсанға дейін");
    assert_eq!(words(Lang::Ru).offer_until(last), "Акция до 31 декабря");
    assert_eq!(words(Lang::En).offer_until(last), "Offer ends 31 December");
}

#[test]
fn every_code_has_its_own_words_in_every_language() {
    for lang in Lang::ALL {
        let w = words(lang);
        let general = w.field_message(FieldCode::Unknown);
        for code in FieldCode::ALL {
            assert!(!w.field_message(code).is_empty());
            let technical = matches!(
                code,
                FieldCode::UnknownService | FieldCode::UnknownDoctor | FieldCode::DoctorNotForService
            );
            assert!(
                technical || w.field_message(code) != general,
                "{lang:?} {code:?} has only the general message"
            );
        }
    }
    assert_eq!(
        words(Lang::Kk).field_message(FieldCode::IinChecksum),
        "ЖСН-де қате бар сияқты: тексеріп шығыңыз"
    );
}

fn facts() -> Facts<'static> {
    Facts {
        legal_name: "ТОО «Пример»",
        bin: "210840003610",
        address: "г. Каскелен, ул. Барибаева, 67А",
        licence: "21030807",
        licence_date: day(2021, 11, 1),
        phone: "+7 700 204 10 70".into(),
        whatsapp: Some("+7 777 747 90 65".into()),
        complaints_whatsapp: "+7 777 747 90 65".into(),
        complaints_working_days: 20,
        data_location: "Алматы",
        cancel_notice_hours: 10,
        late_grace_min: 5,
        first_visit_arrive_early_min: 10,
        max_delay_min: 60,
        video: Video::WithSound,
        footage_in_advertising: true,
        insurance_accepted: false,
        calls_recorded: true,
        repeat_visit_same_price: true,
    }
}

fn rule(lang: Lang, r: Rule, f: &Facts<'_>) -> String {
    words(lang).rule(r, f).unwrap_or_default()
}

#[test]
fn the_consent_summary_names_the_legal_operator_and_states_each_point() {
    let f = facts();
    for lang in Lang::ALL {
        let points = words(lang).consent_points(&f);
        assert_eq!(points.len(), ConsentPoint::ALL.len(), "{lang:?}");
        let all = points.join(" ");
        for fact in [f.legal_name, f.bin, f.address, f.data_location] {
            assert!(all.contains(fact), "{lang:?} lacks {fact}");
        }
    }
    let ru = words(Lang::Ru).consent_points(&f).join(" ");
    for phrase in [
        "подрядчикам, аффилированным лицам и агентам",
        "не публикуются",
        "WhatsApp — иностранный сервис",
        "трансграничная передача",
        "рекламе клиники",
        "письменным заявлением",
        "и за себя, и за пациента",
        "до его отзыва",
        "кем он приходится пациенту",
    ] {
        assert!(ru.contains(phrase), "ru lacks «{phrase}»");
    }
    let kk = words(Lang::Kk).consent_points(&f).join(" ");
    for phrase in ["мердігерлеріне", "шетелдік сервис", "жазбаша өтініш", "өзі үшін де, пациент үшін де"]
    {
        assert!(kk.contains(phrase), "kk lacks «{phrase}»");
    }
    let en = words(Lang::En).consent_points(&f).join(" ");
    for phrase in [
        "contractors, affiliates and agents",
        "foreign service",
        "written application",
        "for themself and for the patient",
    ] {
        assert!(en.contains(phrase), "en lacks «{phrase}»");
    }
}

#[test]
fn other_facts_make_other_sentences() {
    let f = Facts {
        video: Video::None,
        footage_in_advertising: false,
        insurance_accepted: true,
        calls_recorded: false,
        max_delay_min: 0,
        repeat_visit_same_price: false,
        whatsapp: None,
        ..facts()
    };
    for lang in Lang::ALL {
        let w = words(lang);
        assert_eq!(w.rule(Rule::Video, &f), None, "{lang:?}: no video, no sentence");
        assert_eq!(w.rule(Rule::Calls, &f), None, "{lang:?}");
        assert_eq!(w.rule(Rule::Delay, &f), None, "{lang:?}");
        assert_eq!(w.consent_points(&f).len(), ConsentPoint::ALL.len() - 1, "{lang:?}: the video point goes");
        assert_ne!(w.rule(Rule::Insurance, &f), w.rule(Rule::Insurance, &facts()), "{lang:?}");
        assert_ne!(w.rule(Rule::VisitKinds, &f), w.rule(Rule::VisitKinds, &facts()), "{lang:?}");
        assert!(!rule(lang, Rule::Reschedule, &f).contains("WhatsApp"), "{lang:?}");
        assert_eq!(w.rules(&f, &Rule::SUMMARY).len(), Rule::SUMMARY.len() - 3, "{lang:?}");
    }
    assert_eq!(
        rule(Lang::Ru, Rule::Insurance, &facts()),
        "Клиника не работает по ОСМС и ДМС: все услуги платные."
    );
    assert!(rule(Lang::Ru, Rule::Insurance, &f).contains("принимает полисы"));
    assert!(rule(Lang::Kk, Rule::Insurance, &f).contains("қабылдайды"));
    assert!(rule(Lang::En, Rule::Insurance, &f).contains("accepts voluntary health insurance"));
    let silent = Facts { video: Video::Silent, footage_in_advertising: false, ..facts() };
    assert_eq!(rule(Lang::Ru, Rule::Video, &silent), "В клинике ведётся видеозапись.");
    assert_eq!(
        rule(Lang::Ru, Rule::Video, &facts()),
        "В клинике ведётся видеозапись со звуком; записи могут использоваться в рекламе клиники."
    );
    assert_eq!(
        rule(Lang::En, Rule::Video, &facts()),
        "The clinic records video with sound; the footage may be used in its advertising."
    );
}

#[test]
fn the_rules_quote_each_policy_with_its_plural() {
    // (n, ru accusative minutes/hours as after «на»/«за», en)
    let cases = [
        (1, "1 минуту", "1 час", "1 minute", "1 hour", "1 рабочий день", "1 working day"),
        (2, "2 минуты", "2 часа", "2 minutes", "2 hours", "2 рабочих дня", "2 working days"),
        (5, "5 минут", "5 часов", "5 minutes", "5 hours", "5 рабочих дней", "5 working days"),
        (21, "21 минуту", "21 час", "21 minutes", "21 hours", "21 рабочий день", "21 working days"),
        (22, "22 минуты", "22 часа", "22 minutes", "22 hours", "22 рабочих дня", "22 working days"),
        (25, "25 минут", "25 часов", "25 minutes", "25 hours", "25 рабочих дней", "25 working days"),
    ];
    for (n, ru_min, ru_h, en_min, en_h, ru_days, en_days) in cases {
        let f = Facts {
            cancel_notice_hours: n,
            late_grace_min: n,
            first_visit_arrive_early_min: n,
            max_delay_min: n,
            complaints_working_days: n,
            ..facts()
        };
        let ru = |r| rule(Lang::Ru, r, &f);
        assert!(
            ru(Rule::Cancel).contains(&format!("не позднее чем за {ru_h} до приёма")),
            "{}",
            ru(Rule::Cancel)
        );
        assert!(ru(Rule::Late).contains(&format!("более чем на {ru_min} ")), "{}", ru(Rule::Late));
        assert!(ru(Rule::Delay).contains(&format!("не более чем на {ru_min};")), "{}", ru(Rule::Delay));
        assert!(
            ru(Rule::FirstVisit).contains(&format!("приходите за {ru_min} до приёма")),
            "{}",
            ru(Rule::FirstVisit)
        );
        assert!(words(Lang::Ru).complaints(&f).ends_with(&format!("срок ответа — {ru_days}.")));
        let en = |r| rule(Lang::En, r, &f);
        assert!(en(Rule::Cancel).contains(&format!("up to {en_h} before")), "{}", en(Rule::Cancel));
        assert!(en(Rule::Late).contains(&format!("more than {en_min} late")), "{}", en(Rule::Late));
        assert!(en(Rule::Delay).contains(&format!("by {en_min} at most")), "{}", en(Rule::Delay));
        assert!(en(Rule::FirstVisit).contains(&format!("come {en_min} early")), "{}", en(Rule::FirstVisit));
        assert!(words(Lang::En).complaints(&f).ends_with(&format!("within {en_days}.")));
        // Kazakh: no plural after a numeral.
        let kk = |r| rule(Lang::Kk, r, &f);
        assert!(kk(Rule::Cancel).contains(&format!("кемінде {n} сағат қалғанда")), "{}", kk(Rule::Cancel));
        assert!(kk(Rule::Late).starts_with(&format!("{n} минуттан артық кешіксеңіз")), "{}", kk(Rule::Late));
        assert!(kk(Rule::Delay).contains(&format!("бірақ {n} минуттан артық емес")), "{}", kk(Rule::Delay));
        assert!(
            kk(Rule::FirstVisit).contains(&format!("қабылдауға {n} минут ерте келіңіз")),
            "{}",
            kk(Rule::FirstVisit)
        );
        assert!(words(Lang::Kk).complaints(&f).contains(&format!("жауап {n} жұмыс күні ішінде")));
    }
}

#[test]
fn free_slots_take_their_plural() {
    for (n, ru, en, kk) in [
        (1, "1 свободное окно", "1 free slot", "1 бос орын"),
        (2, "2 свободных окна", "2 free slots", "2 бос орын"),
        (5, "5 свободных окон", "5 free slots", "5 бос орын"),
        (21, "21 свободное окно", "21 free slots", "21 бос орын"),
        (22, "22 свободных окна", "22 free slots", "22 бос орын"),
        (25, "25 свободных окон", "25 free slots", "25 бос орын"),
    ] {
        assert_eq!(words(Lang::Ru).free_slots(n), ru);
        assert_eq!(words(Lang::En).free_slots(n), en);
        assert_eq!(words(Lang::Kk).free_slots(n), kk);
    }
}

#[test]
fn the_footer_names_the_legal_entity_its_bin_and_licence() {
    let f = facts();
    assert_eq!(
        words(Lang::Ru).legal(&f),
        "ТОО «Пример», БИН 210840003610, лицензия № 21030807 от 01.11.2021."
    );
    assert_eq!(
        words(Lang::Kk).legal(&f),
        "ТОО «Пример», БСН 210840003610, 01.11.2021 ж. берілген № 21030807 лицензия."
    );
    assert_eq!(
        words(Lang::En).legal(&f),
        "ТОО «Пример», BIN 210840003610, licence No. 21030807 of 1 November 2021."
    );
    assert_eq!(
        words(Lang::Ru).complaints(&f),
        "Жалобы и предложения принимаются в WhatsApp +7 777 747 90 65; срок ответа — 20 рабочих дней."
    );
}

#[test]
fn opening_hours_join_runs_of_days() {
    use chrono::Weekday::*;
    let week =
        [(&[Mon, Tue, Wed, Thu, Fri][..], "08:00–19:00".to_string()), (&[Sat][..], "09:00–15:00".into())];
    assert_eq!(words(Lang::Ru).week_hours(week.clone()), "Пн–Пт 08:00–19:00; Сб 09:00–15:00");
    assert_eq!(words(Lang::Kk).week_hours(week.clone()), "Дс–Жм 08:00–19:00; Сб 09:00–15:00");
    assert_eq!(words(Lang::En).week_hours(week), "Mo–Fr 08:00–19:00; Sa 09:00–15:00");
    let split = [(&[Mon, Wed, Thu, Fri, Sun][..], "10:00–12:00".to_string())];
    assert_eq!(words(Lang::Ru).week_hours(split), "Пн, Ср–Пт, Вс 10:00–12:00");
    let pair = [(&[Sat, Sun][..], "10:00–12:00".to_string())];
    assert_eq!(words(Lang::Ru).week_hours(pair), "Сб, Вс 10:00–12:00");
}

#[test]
fn the_listed_word_problems_stay_fixed() {
    let (kk, ru, en) = (words(Lang::Kk), words(Lang::Ru), words(Lang::En));
    // Kazakh: the clinic's «бас тарту», «жазылу» as the noun, no «Тексеру» step.
    for text in
        [kk.cancel, kk.status_cancelled, kk.cancel_sure, kk.cancel_yes, kk.free_cancel_until, kk.late_booking]
    {
        assert!(!text.contains("болдыр"), "{text}");
    }
    assert_eq!(kk.cancel, "Жазылудан бас тарту");
    assert_eq!(kk.your_booking, "Сіздің жазылуыңыз");
    assert!(!kk.steps.contains(&"Тексеру"));
    assert_eq!(kk.patronymic, "Әкесінің аты (бар болса)");
    assert!(kk.call_soon.starts_with("Call-орталық"));
    assert!(!kk.whatsapp_results.contains("талдау"));
    assert_eq!(kk.field_message(FieldCode::BirthDateFuture), "Туған күні болашақта бола алмайды");
    assert_eq!(kk.step_of(2, 5), "Қадам 2 / 5");
    // Russian: the form register.
    assert_eq!(ru.patronymic, "Отчество (при наличии)");
    for text in [ru.deadline_passed, ru.cancelled_late, ru.late_cancel_warning] {
        assert!(!text.contains("взять оплату"), "{text}");
    }
    // English.
    assert_eq!(en.offer_price, "Promotional price");
    assert_eq!(en.relation, "Your relationship to the patient");
    assert!(!en.late_booking.contains("visit") && !en.visit_started.contains("visit"));
    // All three: no nested parentheses around the clinic's time, an unambiguous "keep".
    for w in [kk, ru, en] {
        assert!(!w.clinic_time.contains('('), "{}", w.clinic_time);
        assert_ne!(w.keep_booking, w.back);
    }
}

#[test]
fn a_visit_length_is_short_and_never_broken() {
    assert_eq!(words(Lang::Ru).duration(20), "20\u{a0}мин");
    assert_eq!(words(Lang::En).duration(45), format!("45\u{a0}{}", words(Lang::En).min));
}

//! The words as a native speaker reads them: exact forms for numbers, times, dates and codes.

use crate::{words, Lang, Operator, Rules, FIRST_VISIT_RULE, PAYMENT_RULE};
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

#[test]
fn the_consent_text_names_the_operator_its_bin_and_the_way_out() {
    let operator = Operator { name: "«PRO-ЛОР»", bin: "210840003610", phone: "+7 700 204 10 70" };
    let ru = words(Lang::Ru).personal_data(&operator);
    assert!(ru.contains("«PRO-ЛОР» (БИН 210840003610)") && ru.contains("отозвать"), "{ru}");
    assert!(words(Lang::Kk).personal_data(&operator).contains("БСН 210840003610"));
    assert!(words(Lang::En).personal_data(&operator).contains("BIN 210840003610"));
}

#[test]
fn the_rules_quote_the_policies_with_their_plurals() {
    let p = Rules { cancel_notice_hours: 10, late_grace_min: 5, first_visit_arrive_early_min: 10 };
    for (lang, first, pay) in
        [(Lang::Kk, "Алғашқы", "теңге"), (Lang::Ru, "первый", "тенге"), (Lang::En, "first", "tenge")]
    {
        let r = words(lang).rules(p);
        assert_eq!(r.len(), 7);
        assert!(r[FIRST_VISIT_RULE].contains(first) && r[FIRST_VISIT_RULE].contains("10"), "{lang:?}");
        assert!(r[PAYMENT_RULE].contains(pay), "{lang:?}");
    }
    assert!(words(Lang::Ru).rules(p)[0].contains("за 10 часов"));
    let one = Rules { cancel_notice_hours: 1, late_grace_min: 1, first_visit_arrive_early_min: 2 };
    let ru = words(Lang::Ru).rules(one);
    assert!(ru[0].contains("за 1 час до"), "{}", ru[0]);
    assert!(ru[1].contains("на 1 минуту"), "{}", ru[1]);
    assert!(ru[2].contains("за 2 минуты"), "{}", ru[2]);
    let en = words(Lang::En).rules(one);
    assert!(en[0].contains("up to 1 hour before") && en[1].contains("more than 1 minute late"), "{en:?}");
}

#[test]
fn a_visit_length_is_short_and_never_broken() {
    assert_eq!(words(Lang::Ru).duration(20), "20\u{a0}мин");
    assert_eq!(words(Lang::En).duration(45), format!("45\u{a0}{}", words(Lang::En).min));
}

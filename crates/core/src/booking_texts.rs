//! The booking flow's words in Kazakh, Russian and English: messages for the codes that
//! `BookingForm::validate` returns, the two consents and the rules worth knowing before a visit.
//! Written for this project in plain words; the clinic's full legal texts are linked, not copied.

use crate::catalogue::Catalogue;
use crate::lang::Lang;

fn pick(lang: Lang, [kk, ru, en]: [&'static str; 3]) -> &'static str {
    match lang {
        Lang::Kk => kk,
        Lang::Ru => ru,
        Lang::En => en,
    }
}

/// Every field error code of `booking`, `person` and `availability`: each has its own words.
pub const CODES: &[&str] = &[
    "required",
    "too_long",
    "name_chars",
    "iin_format",
    "iin_checksum",
    "phone_format",
    "phone_not_mobile",
    "date_invalid",
    "birth_date_future",
    "birth_date_too_old",
    "representative_required",
    "representative_minor",
    "relation_invalid",
    "guarantee_required",
    "consent_required",
    "slot_taken",
    "in_the_past",
    "too_soon",
    "beyond_horizon",
    "clinic_closed",
    "outside_hours",
    "slot_invalid",
];

/// What to show next to a field for an error code from `jazylu_core::booking` or
/// `jazylu_core::person`. Unknown codes get a general message, never a blank.
pub fn field_message(lang: Lang, code: &str) -> &'static str {
    pick(
        lang,
        match code {
            "required" => ["Толтырыңыз", "Заполните это поле", "Please fill this in"],
            "too_long" => ["Тым ұзын", "Слишком длинно", "This is too long"],
            "name_chars" => [
                "Тек әріптер, бос орын, дефис және апостроф",
                "Только буквы, пробел, дефис и апостроф",
                "Letters, spaces, hyphens and apostrophes only",
            ],
            "iin_format" => ["ЖСН 12 цифрдан тұрады", "ИИН состоит из 12 цифр", "An IIN has 12 digits"],
            "iin_checksum" => [
                "ЖСН-де қате бар сияқты: тексеріп шығыңыз",
                "Похоже, в ИИН опечатка: проверьте его",
                "This IIN looks mistyped: please check it",
            ],
            "phone_format" => [
                "Нөмірді +7 701 123 45 67 түрінде жазыңыз",
                "Введите номер в виде +7 701 123 45 67",
                "Enter the number as +7 701 123 45 67",
            ],
            "phone_not_mobile" => [
                "Ұялы телефон нөмірін жазыңыз",
                "Нужен номер мобильного телефона",
                "Please give a mobile number",
            ],
            "date_invalid" => ["Күнді тексеріңіз", "Проверьте дату", "Please check the date"],
            "birth_date_future" => [
                "Туған күн болашақта бола алмайды",
                "Дата рождения не может быть в будущем",
                "A birth date cannot be in the future",
            ],
            "birth_date_too_old" => ["Туған жылды тексеріңіз", "Проверьте год рождения", "Please check the year of birth"],
            "representative_required" => [
                "Пациент 18 жасқа толмаған: заңды өкілдің деректерін толтырыңыз",
                "Пациенту нет 18 лет: заполните данные законного представителя",
                "The patient is under 18: please add the legal representative",
            ],
            "representative_minor" => [
                "Заңды өкіл кәмелетке толған болуы керек",
                "Законный представитель должен быть совершеннолетним",
                "The legal representative must be an adult",
            ],
            "relation_invalid" => ["Тізімнен таңдаңыз", "Выберите из списка", "Please choose from the list"],
            "guarantee_required" => [
                "Заңды өкіл екеніңізді растаңыз",
                "Подтвердите, что вы законный представитель",
                "Please confirm that you are the legal representative",
            ],
            "consent_required" => [
                "Бұл келісімсіз жазу мүмкін емес",
                "Без этого согласия записать вас нельзя",
                "We cannot book you without this consent",
            ],
            "slot_taken" => [
                "Бұл уақытты жаңа ғана басқа біреу алды. Басқа уақыт таңдаңыз — енгізген деректеріңіз сақталды",
                "Это время только что занял кто-то другой. Выберите другое — введённые данные сохранены",
                "Someone has just taken this time. Please choose another; what you typed is kept",
            ],
            "in_the_past" | "too_soon" | "beyond_horizon" | "clinic_closed" | "outside_hours" | "slot_invalid" => [
                "Бұл уақытқа енді жазылу мүмкін емес. Басқа уақыт таңдаңыз",
                "На это время записаться уже нельзя. Выберите другое",
                "This time can no longer be booked. Please choose another",
            ],
            _ => [
                "Бір нәрсе дұрыс болмады. Таңдауыңызды тексеріп, қайталап көріңіз",
                "Что-то пошло не так. Проверьте выбор и попробуйте ещё раз",
                "Something went wrong. Please check your choice and try again",
            ],
        },
    )
}

/// The label of the first consent checkbox (the offer is linked next to it).
pub fn consent_offer(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "Клиниканың жария офертасымен таныстым және оны қабылдаймын",
            "Я ознакомился(-ась) с публичной офертой клиники и принимаю её",
            "I have read and accept the clinic's public offer",
        ],
    )
}

/// The label of the second consent checkbox.
pub fn consent_personal_data(lang: Lang) -> &'static str {
    pick(
        lang,
        [
            "Дербес деректерімді өңдеуге келісім беремін",
            "Я даю согласие на обработку моих персональных данных",
            "I consent to the processing of my personal data",
        ],
    )
}

/// The consent to personal-data processing, readable in place: what data, why, who (with BIN),
/// for how long, to whom, where, and how to withdraw [Law 94-V].
pub fn personal_data_text(lang: Lang, cat: &Catalogue) -> String {
    let clinic = cat.clinic();
    let operator = clinic.name.get(lang);
    let bin = clinic.bin.as_str();
    let phone = clinic.phones.first().map(|p| p.to_string()).unwrap_or_default();
    match lang {
        Lang::Kk => format!(
            "Деректер операторы — {operator} (БСН {bin}). Өңделетін деректер: тегі, аты, әкесінің аты, ЖСН, туған күні, \
             тұрғылықты мекенжайы, телефон нөмірі, ал кәмелетке толмаған пациент үшін — заңды өкілдің де осы деректері. \
             Мақсаты: қабылдауға жазу, жазуды растау және медициналық көмек көрсету. Деректер медициналық құжаттарды \
             сақтауға заң талап ететін мерзім бойы сақталады. Заңда көзделген жағдайлардан басқа үшінші тұлғаларға \
             берілмейді, жария етілмейді және Қазақстаннан тыс жерге жіберілмейді: дерекқор Қазақстанда орналасқан. \
             Келісімді кез келген уақытта клиникаға жазбаша өтініш беріп немесе {phone} нөміріне хабарласып кері \
             қайтарып алуға болады."
        ),
        Lang::Ru => format!(
            "Оператор данных — {operator} (БИН {bin}). Обрабатываются: фамилия, имя, отчество, ИИН, дата рождения, адрес \
             проживания, номер телефона, а для несовершеннолетнего пациента — те же данные законного представителя. \
             Цель: запись на приём, подтверждение записи и оказание медицинской помощи. Данные хранятся столько, \
             сколько закон требует хранить медицинскую документацию. Третьим лицам они не передаются, кроме случаев, \
             предусмотренных законом, не публикуются и не передаются за пределы Казахстана: база данных находится \
             в Казахстане. Согласие можно отозвать в любое время письменным заявлением в клинику или по телефону {phone}."
        ),
        Lang::En => format!(
            "The data controller is {operator} (BIN {bin}). Processed: surname, given name, patronymic, IIN, date of birth, \
             home address and phone number, and for a patient under 18 the same details of the legal representative. \
             Purpose: booking the appointment, confirming it and providing medical care. The data are kept for as long \
             as the law requires medical records to be kept. They are not passed to third parties except where the law \
             requires, not published, and not transferred outside Kazakhstan: the database is in Kazakhstan. You can \
             withdraw this consent at any time by a written request to the clinic or by calling {phone}."
        ),
    }
}

/// Where `rules` puts the first-visit rule and the payment rule, which the confirmation repeats.
pub const FIRST_VISIT_RULE: usize = 2;
pub const PAYMENT_RULE: usize = 3;

/// The offer's rules worth knowing before a visit, in our own words.
pub fn rules(lang: Lang, cat: &Catalogue) -> Vec<String> {
    let p = &cat.clinic().policies;
    let (notice, late, early) = (p.cancel_notice_hours, p.late_grace_min, p.first_visit_arrive_early_min);
    match lang {
        Lang::Kk => vec![
            format!("Жазуды қабылдауға кемінде {notice} сағат қалғанда ғана тегін болдырмауға немесе ауыстыруға болады; кешірек болса, клиника толық құнын талап етіп, келесі жолы алдын ала төлем сұрауы мүмкін."),
            format!("{late} минуттан артық кешіксеңіз, қабылдау басқа уақытқа ауыстырылуы немесе болдырылмауы мүмкін."),
            format!("Алғашқы келуде {early} минут ерте келіп, жеке басыңызды куәландыратын құжатты ала келіңіз."),
            "Төлем тек теңгемен, қолма-қол немесе картамен, қабылдау алдында не бірден кейін жасалады.".into(),
            "Клиникада дыбыспен бейнежазба жүргізіледі.".into(),
            "Емшаралар мен тексерулер алдында ақпараттандырылған келісімге қол қоясыз.".into(),
            "Дәрігер қабылдау уақытын 60 минутқа дейін жылжытуы мүмкін.".into(),
        ],
        Lang::Ru => vec![
            format!("Бесплатно отменить или перенести запись можно не позднее чем за {notice} часов до приёма; позже клиника вправе взять полную стоимость и попросить предоплату в следующий раз."),
            format!("При опоздании больше чем на {late} минут приём могут перенести или отменить."),
            format!("На первый приём приходите за {early} минут и возьмите удостоверение личности."),
            "Оплата только в тенге, наличными или картой, до приёма или сразу после него.".into(),
            "В клинике ведётся видеозапись со звуком.".into(),
            "Перед процедурами и обследованиями вы подписываете информированное согласие.".into(),
            "Врач может сдвинуть время приёма до 60 минут.".into(),
        ],
        Lang::En => vec![
            format!("You can cancel or move a booking free of charge up to {notice} hours before the visit; later, the clinic may charge the full price and ask for prepayment next time."),
            format!("If you are more than {late} minutes late, the visit may be moved or cancelled."),
            format!("For a first visit, come {early} minutes early and bring an identity document."),
            "Payment is in tenge only, in cash or by card, before or right after the visit.".into(),
            "The clinic records video with sound.".into(),
            "Before procedures and examinations you sign an informed consent form.".into(),
            "A doctor may shift the appointment time by up to 60 minutes.".into(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_words_in_every_language() {
        let general = field_message(Lang::Ru, "no_such_code");
        for code in CODES {
            for lang in Lang::ALL {
                assert!(!field_message(lang, code).is_empty());
            }
            assert_ne!(field_message(Lang::Ru, code), general, "{code} falls back to the general message");
        }
        assert_eq!(field_message(Lang::Kk, "iin_checksum"), "ЖСН-де қате бар сияқты: тексеріп шығыңыз");
    }

    #[test]
    fn the_consent_text_names_the_operator_its_bin_and_the_way_out() {
        let cat = Catalogue::parse(include_str!("../../../data/catalogue.sample.json")).expect("valid");
        let ru = personal_data_text(Lang::Ru, &cat);
        assert!(ru.contains("Лечебно-диагностический центр оториноларингологии «PRO-ЛОР» (БИН 210840003610)"));
        assert!(ru.contains("за пределы Казахстана") && ru.contains("отозвать"));
        assert!(personal_data_text(Lang::Kk, &cat).contains("БСН 210840003610"));
        assert!(personal_data_text(Lang::En, &cat).contains("BIN 210840003610"));
        assert_eq!(rules(Lang::En, &cat).len(), 7);
        for (lang, first, pay) in
            [(Lang::Kk, "Алғашқы", "теңге"), (Lang::Ru, "первый", "тенге"), (Lang::En, "first", "tenge")]
        {
            let r = rules(lang, &cat);
            assert!(r[FIRST_VISIT_RULE].contains(first) && r[FIRST_VISIT_RULE].contains("10"), "{lang:?}");
            assert!(r[PAYMENT_RULE].contains(pay), "{lang:?}");
        }
        assert!(rules(Lang::Ru, &cat)[0].contains("за 10 часов"));
    }
}

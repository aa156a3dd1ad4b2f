//! The widget's own words in Kazakh, Russian and English. One struct, so a text missing in one
//! language is a compile error, not a blank on screen. Error codes from core are turned into
//! words here too, never in the rules themselves.

use crate::lang::Lang;
use chrono::{Datelike, NaiveDate};

pub struct Texts {
    pub prices_title: &'static str,
    pub prices_in_tenge: &'static str,
    pub book: &'static str,
    pub minutes: &'static str,
    pub regular_price: &'static str,
    pub offer_price: &'static str,
    pub needs_informed_consent: &'static str,
    pub sample_notice: &'static str,
    pub language: &'static str,
    pub address: &'static str,
    pub phone: &'static str,
    pub whatsapp: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub back_to_prices: &'static str,
    pub opening_booking: &'static str,
    pub booking_failed: &'static str,
    pub clinic_time: &'static str,
}

pub static KK: Texts = Texts {
    prices_title: "Қызметтер мен бағалар",
    prices_in_tenge: "Бағалар теңгемен берілген.",
    book: "Жазылу",
    minutes: "мин",
    regular_price: "Әдеттегі баға",
    offer_price: "Акциялық баға",
    needs_informed_consent: "Емшара алдында ақпараттандырылған келісімге қол қойылады",
    sample_notice: "Бұл — үлгі прейскурант. Клиника оны өз бағаларымен ауыстырады.",
    language: "Тіл",
    address: "Мекенжайы",
    phone: "Телефон",
    whatsapp: "WhatsApp-қа жазу",
    loading: "Прейскурант жүктеліп жатыр…",
    load_failed: "Прейскурантты жүктеу мүмкін болмады. Интернет байланысын тексеріп, қайталап көріңіз.",
    retry: "Қайталау",
    back_to_prices: "Бағаларға оралу",
    opening_booking: "Жазылу ашылып жатыр…",
    booking_failed: "Жазылуды ашу мүмкін болмады. Интернет байланысын тексеріп, қайталап көріңіз.",
    clinic_time: "Алматы уақыты (UTC+5)",
};

pub static RU: Texts = Texts {
    prices_title: "Услуги и цены",
    prices_in_tenge: "Цены указаны в тенге.",
    book: "Записаться",
    minutes: "мин",
    regular_price: "Обычная цена",
    offer_price: "Цена по акции",
    needs_informed_consent: "Перед процедурой подписывается информированное согласие",
    sample_notice: "Это образец прейскуранта. Клиника заменит его своими ценами.",
    language: "Язык",
    address: "Адрес",
    phone: "Телефон",
    whatsapp: "Написать в WhatsApp",
    loading: "Загружаем прейскурант…",
    load_failed: "Не удалось загрузить прейскурант. Проверьте подключение к интернету и попробуйте ещё раз.",
    retry: "Повторить",
    back_to_prices: "Вернуться к ценам",
    opening_booking: "Открываем запись…",
    booking_failed: "Не удалось открыть запись. Проверьте подключение к интернету и попробуйте ещё раз.",
    clinic_time: "время Алматы (UTC+5)",
};

pub static EN: Texts = Texts {
    prices_title: "Services and prices",
    prices_in_tenge: "Prices are in tenge.",
    book: "Book",
    minutes: "min",
    regular_price: "Regular price",
    offer_price: "Offer price",
    needs_informed_consent: "You sign an informed consent form before the procedure",
    sample_notice: "This is a sample price list. The clinic will replace it with its own prices.",
    language: "Language",
    address: "Address",
    phone: "Phone",
    whatsapp: "Message on WhatsApp",
    loading: "Loading the price list…",
    load_failed: "The price list could not be loaded. Check your internet connection and try again.",
    retry: "Try again",
    back_to_prices: "Back to prices",
    opening_booking: "Opening the booking…",
    booking_failed: "The booking could not be opened. Check your internet connection and try again.",
    clinic_time: "Almaty time (UTC+5)",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Kk => &KK,
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// The page title: the clinic, then what the page shows.
pub fn page_title(cat: &crate::Catalogue, lang: Lang) -> String {
    format!("{} — {}", cat.clinic().name.get(lang), texts(lang).prices_title)
}

/// "until 31 December": Kazakh puts the month in the dative before «дейін», Russian in the
/// genitive after «до».
pub fn offer_until(lang: Lang, date: NaiveDate) -> String {
    const KK_DATIVE: [&str; 12] = [
        "қаңтарға",
        "ақпанға",
        "наурызға",
        "сәуірге",
        "мамырға",
        "маусымға",
        "шілдеге",
        "тамызға",
        "қыркүйекке",
        "қазанға",
        "қарашаға",
        "желтоқсанға",
    ];
    const RU_GENITIVE: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (d, m) = (date.day(), date.month0() as usize);
    match lang {
        Lang::Kk => format!("Акция {d} {} дейін", KK_DATIVE[m]),
        Lang::Ru => format!("Акция до {d} {}", RU_GENITIVE[m]),
        Lang::En => format!("Offer ends {d} {}", EN[m]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offer_dates_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
        assert_eq!(offer_until(Lang::Kk, d), "Акция 31 желтоқсанға дейін");
        assert_eq!(offer_until(Lang::Ru, d), "Акция до 31 декабря");
        assert_eq!(offer_until(Lang::En, d), "Offer ends 31 December");
    }
}

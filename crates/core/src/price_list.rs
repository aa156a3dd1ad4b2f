//! The price list as plain HTML. One function serves both sides: the server puts its output into
//! the page it sends (prices paint before the wasm arrives, and visitors without JavaScript and
//! search engines see them), and the widget renders the same output when the language changes,
//! so taking over from the server's HTML shows no jump.
//!
//! Links work without JavaScript (`?lang=ru`, `?service=…`); the widget catches clicks on elements
//! with `data-lang` and `data-book` and handles them in place.

use crate::catalogue::{Catalogue, Service};
use crate::html::Escape;
use crate::Lang;
use chrono::NaiveDate;
use jazylu_i18n::words as texts;
use std::fmt::Write;

/// Renders the clinic header, the language switch and the services grouped by category.
/// `today` is the clinic's date; it decides which promotions are shown.
pub fn render(cat: &Catalogue, lang: Lang, today: NaiveDate) -> String {
    let mut out = String::with_capacity(8 * 1024);
    // Writing into a String cannot fail.
    let _ = write_all(&mut out, cat, lang, today);
    out
}

fn write_all(out: &mut String, cat: &Catalogue, lang: Lang, today: NaiveDate) -> std::fmt::Result {
    let t = texts(lang);
    let clinic = cat.clinic();

    out.push_str(r#"<header class="jz-head">"#);
    lang_nav(out, lang)?;
    write!(out, r#"<h1 class="jz-clinic">{}</h1><ul class="jz-contacts">"#, Escape(clinic.name.get(lang)))?;
    write!(
        out,
        r#"<li><span class="jz-sr">{}: </span>{}</li>"#,
        t.clinic_address,
        Escape(clinic.address.get(lang))
    )?;
    for p in &clinic.phones {
        write!(
            out,
            r#"<li><span class="jz-sr">{}: </span><a href="tel:{}">{p}</a></li>"#,
            t.clinic_phone,
            p.e164()
        )?;
    }
    if let Some(wa) = &clinic.whatsapp {
        write!(
            out,
            r#"<li><a href="https://wa.me/{}" rel="noopener" target="_blank">{}</a></li>"#,
            wa.digits(),
            t.message_whatsapp
        )?;
    }
    out.push_str("</ul></header>");

    if cat.is_sample() {
        write!(out, r#"<p class="jz-sample" role="note">{}</p>"#, t.sample_notice)?;
    }
    write!(
        out,
        r#"<h2 class="jz-title" id="jz-prices-title" tabindex="-1">{}</h2><p class="jz-hint">{}</p>"#,
        t.prices_title, t.prices_in_tenge
    )?;

    for category in cat.categories() {
        let mut services = cat.services_in(&category.id).peekable();
        if services.peek().is_none() {
            continue;
        }
        write!(
            out,
            r#"<section class="jz-cat" aria-labelledby="jz-cat-{id}"><h3 id="jz-cat-{id}">{}</h3><ul class="jz-services">"#,
            Escape(category.name.get(lang)),
            id = category.id,
        )?;
        for s in services {
            write_service(out, s, lang, today)?;
        }
        out.push_str("</ul></section>");
    }
    Ok(())
}

/// The language switch: plain links (`?lang=ru`) that the widget handles in place.
pub fn lang_nav(out: &mut String, lang: Lang) -> std::fmt::Result {
    write!(out, r#"<nav class="jz-langs" aria-label="{}">"#, texts(lang).language)?;
    for l in Lang::ALL {
        let current = if l == lang { r#" aria-current="true""# } else { "" };
        write!(
            out,
            r#"<a href="?lang={c}" hreflang="{c}" lang="{c}" data-lang="{c}"{current}>{}</a>"#,
            l.endonym(),
            c = l.code(),
        )?;
    }
    out.push_str("</nav>");
    Ok(())
}

fn write_service(out: &mut String, s: &Service, lang: Lang, today: NaiveDate) -> std::fmt::Result {
    let t = texts(lang);
    let name = Escape(s.name.get(lang));
    write!(
        out,
        r#"<li class="jz-svc"><div class="jz-svc-main"><span class="jz-svc-name">{name}</span><span class="jz-svc-meta">{}&nbsp;{}</span>"#,
        s.duration.get(),
        t.min,
    )?;
    if s.needs_informed_consent {
        write!(out, r#"<span class="jz-svc-note">{}</span>"#, t.needs_informed_consent)?;
    }
    out.push_str(r#"</div><div class="jz-svc-price">"#);
    let price = s.price_on(today);
    match price.promo {
        Some(promo) => write!(
            out,
            r#"<s class="jz-old"><span class="jz-sr">{}: </span>{}</s> <strong class="jz-now"><span class="jz-sr">{}: </span>{}</strong><span class="jz-promo">{}</span>"#,
            t.regular_price,
            price.regular,
            t.offer_price,
            price.now,
            t.offer_until(promo.until),
        )?,
        None => write!(out, r#"<strong class="jz-now">{}</strong>"#, price.now)?,
    }
    write!(
        out,
        r#"</div><a class="jz-book" href="?lang={l}&amp;service={id}" data-book="{id}" aria-label="{book}: {name}">{book}</a></li>"#,
        l = lang.code(),
        id = s.id,
        book = t.book,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Catalogue {
        Catalogue::parse(include_str!("../../../data/catalogue.sample.json"))
            .expect("sample catalogue is valid")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn renders_names_prices_and_promotions_in_the_language() {
        let html = render(&sample(), Lang::Ru, day(2026, 11, 25));
        assert!(html.contains("Первичный приём ЛОР-врача"));
        assert!(
            html.contains(
                r#"<s class="jz-old"><span class="jz-sr">Обычная цена: </span>12&#160;000&#160;₸</s>"#
                    .replace("&#160;", "\u{a0}")
                    .as_str()
            )
        );
        assert!(html.contains("10\u{a0}000\u{a0}₸"));
        assert!(html.contains("Акция до 31 декабря"));
        assert!(html.contains(
            r#"<a href="?lang=ru" hreflang="ru" lang="ru" data-lang="ru" aria-current="true">Русский</a>"#
        ));
        assert!(html.contains(r#"href="tel:+77002041070""#));
        assert!(html.contains(r#"href="https://wa.me/77777479065""#));
        assert!(!html.contains("Repeat visit"), "no English on a Russian page");
    }

    #[test]
    fn an_expired_promotion_shows_the_regular_price_only() {
        let html = render(&sample(), Lang::En, day(2027, 1, 1));
        assert!(!html.contains("jz-old"));
        assert!(!html.contains("Offer ends"));
        assert!(html.contains("12\u{a0}000\u{a0}₸"));
    }

    #[test]
    fn clinic_text_is_escaped() {
        let json = include_str!("../../../data/catalogue.sample.json")
            .replace("Repeat visit to an ENT doctor", "Repeat <script>alert(1)</script> visit");
        let cat = Catalogue::parse(&json).expect("still valid");
        let html = render(&cat, Lang::En, day(2026, 11, 25));
        assert!(html.contains("Repeat &lt;script&gt;alert(1)&lt;/script&gt; visit"));
        assert!(!html.contains("<script>"));
    }
}

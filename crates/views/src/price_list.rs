//! The price list: the clinic, its contacts, and the services by category with today's prices
//! (a promotion shows the regular price struck through).

use crate::{handler, lang_nav, wants_browser};
use chrono::NaiveDate;
use jazylu_core::catalogue::Service;
use jazylu_core::{Catalogue, Lang};
use jazylu_i18n::{words, Words};
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// The whole list in `lang` on the clinic's date `today` (it decides which promotions show).
/// `choose_lang` and `book` are called when a language link or a "Book" link is followed here.
pub fn price_list(
    cat: &Catalogue,
    lang: Lang,
    today: NaiveDate,
    choose_lang: impl Fn(Lang) + Copy + 'static,
    book: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let w = words(lang);
    let clinic = cat.clinic();
    let phones = clinic.phones.iter().map(|p| (p.tel_href(), p.to_string()));
    let whatsapp = clinic.whatsapp.as_ref().map(|wa| wa.whatsapp_href());
    let categories = cat
        .categories()
        .iter()
        .filter_map(|category| {
            let services: Vec<_> =
                cat.services_in(&category.id).map(|s| service(s, w, lang, today, book)).collect();
            if services.is_empty() {
                return None;
            }
            let heading = format!("jz-cat-{}", category.id);
            let labelled = heading.clone();
            Some(view! {
                <section class="jz-cat" aria-labelledby=labelled>
                    <h3 id=heading>{category.name.get(lang).to_string()}</h3>
                    <ul class="jz-services">{services}</ul>
                </section>
            })
        })
        .collect_view();
    view! {
        <div class="jz-prices">
            <header class="jz-head">
                {lang_nav(lang, choose_lang)}
                <h1 class="jz-clinic">{clinic.name.get(lang).to_string()}</h1>
                <ul class="jz-contacts">
                    <li><span class="jz-sr">{format!("{}: ", w.clinic_address)}</span>{clinic.address.get(lang).to_string()}</li>
                    {phones.map(|(href, shown)| view! {
                        <li><span class="jz-sr">{format!("{}: ", w.clinic_phone)}</span><a href=href>{shown}</a></li>
                    }).collect_view()}
                    {whatsapp.map(|href| view! {
                        <li><a href=href rel="noopener" target="_blank">{w.message_whatsapp}</a></li>
                    })}
                </ul>
            </header>
            {cat.is_sample().then(|| view! { <p class="jz-sample" role="note">{w.sample_notice}</p> })}
            <h2 class="jz-title" id="jz-prices-title" tabindex="-1">{w.prices_title}</h2>
            <p class="jz-hint">{w.prices_in_tenge}</p>
            {categories}
            {about(cat, w, lang)}
        </div>
    }
}

/// Under the prices: the hours, where complaints go, and who the clinic is in law.
fn about(cat: &Catalogue, w: &'static Words, lang: Lang) -> impl IntoView {
    let said = cat.phrased(lang);
    let lines = said.about.clone();
    let offer = cat.documents().offer.url.clone();
    view! {
        <footer class="jz-about">
            // The same view as the booking's lists of rules: one view type in the wasm.
            <ul class="jz-about-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            // The same view as the consents step's link to the offer: one type in the wasm.
            {offer.map(|url| view! { <p class="jz-doc"><a href=url target="_blank" rel="noopener">{w.public_offer}</a></p> })}
        </footer>
    }
}

fn service(
    s: &Service,
    w: &'static Words,
    lang: Lang,
    today: NaiveDate,
    book: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let name = s.name.get(lang).to_string();
    let price = s.price_on(today);
    let shown = match price.promo {
        Some(promo) => leptos::either::Either::Left(view! {
            <s class="jz-old"><span class="jz-sr">{format!("{}: ", w.regular_price)}</span>{price.regular.to_string()}</s>
            " "
            <strong class="jz-now"><span class="jz-sr">{format!("{}: ", w.offer_price)}</span>{price.now.to_string()}</strong>
            <span class="jz-promo">{w.offer_until(promo.until)}</span>
        }),
        None => {
            leptos::either::Either::Right(view! { <strong class="jz-now">{price.now.to_string()}</strong> })
        }
    };
    let id = s.id.to_string();
    let href = format!("?lang={}&service={id}", lang.code());
    view! {
        <li class="jz-svc">
            <div class="jz-svc-main">
                <span class="jz-svc-name">{name.clone()}</span>
                <span class="jz-svc-meta">{w.duration(s.duration.get().into())}</span>
                {s.needs_informed_consent.then(|| view! { <span class="jz-svc-note">{w.needs_informed_consent}</span> })}
            </div>
            <div class="jz-svc-price">{shown}</div>
            <a class="jz-book" href=href aria-label=format!("{}: {name}", w.book)
                on:click=handler(move |ev: MouseEvent| {
                    if !wants_browser(&ev) {
                        ev.prevent_default();
                        book(id.clone());
                    }
                })>
                {w.book}
            </a>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::{Owner, RenderHtml};

    fn sample() -> Catalogue {
        Catalogue::parse(include_str!("../../../data/catalogue.sample.json"))
            .expect("sample catalogue is valid")
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// The list as the server writes it into the page.
    fn render(cat: &Catalogue, lang: Lang, today: NaiveDate) -> String {
        Owner::new().with(|| price_list(cat, lang, today, |_| {}, |_| {}).to_html())
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
        assert!(
            html.contains(r#"<a href="?lang=ru" hreflang="ru" lang="ru" aria-current="true">Русский</a>"#)
        );
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

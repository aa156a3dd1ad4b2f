//! Step 4: the two acts the clinic's offer asks for, each its own unticked box after a summary
//! in our words and the clinic's full text in place. A box remembers the version of the text it
//! was ticked under.

use super::fields::Check;
use super::patient::Nav;
use super::Ctx;
use jazylu_core::booking::Field;
use jazylu_core::catalogue::Document;
use jazylu_i18n::Words;
use jazylu_views::handler;
use leptos::prelude::*;

/// The clinic's full text of a document, folded until asked for.
#[component]
fn FullText(ctx: Ctx, summary: &'static str, document: Document) -> impl IntoView {
    // One block whose line breaks the stylesheet keeps (`pre-line`): a view per paragraph costs
    // the widget more. In the page's language, which is the visitor's: no `lang` of its own.
    let text = document.text.get(ctx.lang.get_untracked()).to_string();
    view! {
        <details class="jz-doc">
            <summary>{summary}</summary>
            <p class="jz-doc-text">{text}</p>
        </details>
    }
}

#[component]
pub fn Consents(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let (offer, personal, rules, points) = ctx.cat(|c| {
        let (docs, said) = (c.documents(), c.phrased(lang));
        (docs.offer.clone(), docs.personal_data.clone(), said.offer.clone(), said.consent.clone())
    });
    let offer_ticked = Signal::derive(move || ctx.with(|f| f.form.consents.offer));
    let personal_ticked = Signal::derive(move || ctx.with(|f| f.form.consents.personal_data));
    let by_rep = ctx.peek(|f| f.as_representative);
    let personal_label = if by_rep { w.consent_personal_data_both } else { w.consent_personal_data };
    let (offer_version, personal_version) =
        (offer.version.as_str().to_string(), personal.version.as_str().to_string());
    let elsewhere = offer.url.clone();
    let list = |items: Vec<String>| view! { <ul class="jz-rules">{items.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> };
    view! {
        <form class="jz-form" novalidate on:submit=handler(move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            ctx.update(|f| ctx.cat(|c| f.next(c, jazylu_web::now())));
        })>
            {by_rep.then(|| view! { <p class="jz-note">{w.representative_consents}</p> })}
            <h3 class="jz-sub">{w.offer_summary}</h3>
            {list(rules)}
            <FullText ctx summary=w.read_offer document=offer />
            {elsewhere.map(|url| view! {
                <p class="jz-doc"><a href=url target="_blank" rel="noopener">{w.offer_elsewhere}</a></p>
            })}
            <Check ctx name="consents.offer" label=w.consent_offer checked=offer_ticked value=offer_version
                field=Field::ConsentOffer />
            <h3 class="jz-sub">{w.consent_summary}</h3>
            {list(points)}
            <FullText ctx summary=w.read_consent document=personal />
            <Check ctx name="consents.personal_data" label=personal_label checked=personal_ticked
                value=personal_version field=Field::ConsentPersonalData />
            <Nav ctx w />
        </form>
    }
}

//! Step 4: the two consents the clinic's offer asks for, each its own unticked box, and the
//! rules worth knowing before a visit.

use super::fields::Check;
use super::patient::Nav;
use super::Ctx;
use jazylu_core::booking::Field;
use jazylu_i18n::Words;
use jazylu_views::handler;
use leptos::prelude::*;

#[component]
pub fn Consents(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let (offer_url, consent_text, rules) = ctx.cat(|c| {
        let clinic = c.clinic();
        (clinic.offer_url.clone(), c.consent_text(w, lang), w.rules(clinic.policies.quoted()))
    });
    let offer = Signal::derive(move || ctx.with(|f| f.form.consents.offer));
    let personal = Signal::derive(move || ctx.with(|f| f.form.consents.personal_data));
    let by_rep = ctx.peek(|f| f.as_representative);
    view! {
        <form class="jz-form" novalidate on:submit=handler(move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            ctx.update(|f| ctx.cat(|c| f.next(c, jazylu_web::now())));
        })>
            {by_rep.then(|| view! { <p class="jz-note">{w.representative_consents}</p> })}
            <Check ctx name="consents.offer" label=w.consent_offer checked=offer field=Field::ConsentOffer />
            {offer_url.map(|url| view! {
                <p class="jz-doc"><a href=url target="_blank" rel="noopener">{w.offer_text}</a></p>
            })}
            <Check ctx name="consents.personal_data" label=w.consent_personal_data checked=personal
                field=Field::ConsentPersonalData />
            <details class="jz-doc"><summary>{w.read_consent}</summary><p>{consent_text}</p></details>
            <h3 class="jz-sub">{w.before_visit}</h3>
            <ul class="jz-rules">{rules.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            <Nav ctx w />
        </form>
    }
}

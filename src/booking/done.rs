//! The confirmation: the reference, the visit, when the call centre calls, the deadline, what
//! to bring, an add-to-calendar file and the link to manage the booking.

use super::visit::{Contacts, Deadline, Visit};
use super::{manage, Ctx};
use crate::lang_nav::LangNav;
use jazylu_api::Status;
use jazylu_core::confirmation::callback_words;
use jazylu_core::flow::Flow;
use jazylu_views::handler;
use leptos::prelude::*;

#[component]
pub fn Done(ctx: Ctx) -> impl IntoView {
    {
        let w = ctx.w();
        let lang = ctx.lang.get_untracked();
        let r = ctx.peek(|f| f.receipt.clone())?;
        let now = jazylu_web::now();
        let confirmed = r.status == Status::Confirmed;
        let (call, rules, calendar) = ctx.cat(|c| {
            let call = (!confirmed).then(|| match callback_words(c, now, w) {
                Some(at) => (w.call_at, Some(at)),
                None => (w.call_soon, None),
            });
            (call, c.phrased(lang).confirmation.clone(), r.calendar_url(c, lang, now))
        });
        let link = format!("{}#manage={}.{}", jazylu_web::page_url(lang), r.reference, r.token);
        let open_manage = {
            let link = link.clone();
            let (reference, token) = (r.reference.clone(), r.token.clone());
            move |ev: leptos::ev::MouseEvent| {
                // The page is ours to show; the address becomes the link, so it can be kept.
                ev.prevent_default();
                jazylu_web::show_address(&link);
                ctx.update(|f| *f = Flow::manage(&reference, &token));
                manage::load(ctx);
            }
        };
        let price = r.price();
        Some(view! {
            <LangNav lang=ctx.lang />
            <section class="jz-flow jz-done" aria-labelledby="jz-step-title">
                <h2 id="jz-step-title" tabindex="-1">{if confirmed { w.confirmed } else { w.received }}</h2>
                <p class="jz-ref">{w.reference} ": " <strong>{r.reference.clone()}</strong></p>
                <Visit ctx w service=r.service.clone() doctor=r.doctor.clone() start=r.start price />
                {call.map(|(text, at)| view! { <p class="jz-callback">{text} " " {at.map(|a| view! { <strong>{a}</strong> })}</p> })}
                <Deadline ctx w deadline=r.cancel_deadline />
                <ul class="jz-rules">{rules.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                <p><a class="jz-ics" download=format!("{}.ics", r.reference) href=calendar>{w.add_to_calendar}</a></p>
                <p class="jz-manage-link">{w.manage_link} ":" <br /><a href=link.clone() on:click=handler(open_manage)>{link.clone()}</a></p>
                <Contacts ctx w />
                <p><button type="button" class="jz-primary" on:click=handler(move |_| ctx.exit())>{w.book_another}</button></p>
            </section>
        })
    }
}

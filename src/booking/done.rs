//! The confirmation: the reference, the visit, when the call centre calls, the deadline, what
//! to bring, an add-to-calendar file and the link to manage the booking.

use super::visit::{Contacts, Deadline, Visit};
use super::{effects, manage, Ctx};
use crate::lang_nav::LangNav;
use jazylu_api::Status;
use jazylu_core::confirmation::{callback, ics, CalendarEvent, Callback};
use jazylu_core::flow::Flow;
use jazylu_i18n::{FIRST_VISIT_RULE, PAYMENT_RULE};
use leptos::prelude::*;

/// Percent-encodes everything but unreserved characters (for a `data:` URL).
fn percent(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[component]
pub fn Done(ctx: Ctx) -> impl IntoView {
    {
        let w = ctx.w();
        let lang = ctx.lang.get_untracked();
        let r = ctx.peek(|f| f.receipt.clone())?;
        let now = jazylu_web::now();
        let confirmed = r.status == Status::Confirmed;
        let (call, rules, calendar) = ctx.cat(|c| {
            let today = c.clinic().time_zone.today(now);
            let call = (!confirmed).then(|| match callback(c, now) {
                Some(Callback::At { date, weekday, time }) => {
                    let day = if date == today {
                        w.today
                    } else if Some(date) == today.succ_opt() {
                        w.tomorrow
                    } else {
                        w.on_weekday(weekday)
                    };
                    let m = u32::from(time.minutes());
                    (w.call_at, Some(w.call_after(day, m / 60, m % 60)))
                }
                _ => (w.call_soon, None),
            });
            let p = &c.clinic().policies;
            let rules = w.rules(p.quoted());
            let name = c.service(&r.service).map_or(String::new(), |s| s.name.get(lang).to_string());
            let first = rules.get(FIRST_VISIT_RULE).cloned().unwrap_or_default();
            let file = ics(&CalendarEvent {
                reference: &r.reference,
                start: r.start,
                end: r.end,
                title: &format!("{name} — {}", c.clinic().name.get(lang)),
                location: c.clinic().address.get(lang),
                description: &format!("{first} {}: {}", w.reference, r.reference),
                created: now,
            });
            (call, rules, format!("data:text/calendar;charset=utf-8,{}", percent(&file)))
        });
        let rule = |i: usize| rules.get(i).cloned().unwrap_or_default();
        let link = format!("{}#manage={}.{}", effects::page_url(lang), r.reference, r.token);
        let open_manage = {
            let link = link.clone();
            let (reference, token) = (r.reference.clone(), r.token.clone());
            move |ev: leptos::ev::MouseEvent| {
                // The page is ours to show; the address becomes the link, so it can be kept.
                ev.prevent_default();
                effects::show_address(&link);
                ctx.update(|f| *f = Flow::manage(&reference, &token));
                manage::load(ctx);
            }
        };
        let price = jazylu_core::Tenge::new(r.price).map(|p| p.to_string()).unwrap_or_default();
        Some(view! {
            <LangNav lang=ctx.lang />
            <section class="jz-flow jz-done" aria-labelledby="jz-step-title">
                <h2 id="jz-step-title" tabindex="-1">{if confirmed { w.confirmed } else { w.received }}</h2>
                <p class="jz-ref">{w.reference} ": " <strong>{r.reference.clone()}</strong></p>
                <Visit ctx w service=r.service.clone() doctor=r.doctor.clone() start=r.start price />
                {call.map(|(text, at)| view! { <p class="jz-callback">{text} " " {at.map(|a| view! { <strong>{a}</strong> })}</p> })}
                <Deadline ctx w deadline=r.cancel_deadline />
                <ul class="jz-rules"><li>{rule(FIRST_VISIT_RULE)}</li><li>{rule(PAYMENT_RULE)}</li></ul>
                <p><a class="jz-ics" download=format!("{}.ics", r.reference) href=calendar>{w.add_to_calendar}</a></p>
                <p class="jz-manage-link">{w.manage_link} ":" <br /><a href=link.clone() on:click=open_manage>{link.clone()}</a></p>
                <Contacts ctx w />
                <p><button type="button" class="jz-primary" on:click=move |_| ctx.exit()>{w.book_another}</button></p>
            </section>
        })
    }
}

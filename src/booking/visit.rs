//! What the review, the confirmation and the manage page share: the visit, the deadline for
//! free cancellation, and the clinic's contacts.

use super::Ctx;
use chrono::{DateTime, Timelike, Utc};
use jazylu_core::catalogue::past_deadline;
use jazylu_core::Tenge;
use jazylu_i18n::Words;
use leptos::prelude::*;

/// "среда, 2 декабря 2026, 09:30" in clinic time.
pub fn when(ctx: Ctx, w: &'static Words, t: DateTime<Utc>) -> String {
    let local = t.with_timezone(&ctx.cat(|c| c.clinic().time_zone.offset()));
    format!("{}, {:02}:{:02}", w.date(local.date_naive()), local.hour(), local.minute())
}

/// Service, doctor, time and price, as a description list.
#[component]
pub fn Visit(
    ctx: Ctx,
    w: &'static Words,
    service: String,
    doctor: String,
    start: DateTime<Utc>,
    price: Option<Tenge>,
) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let (service, doctor) = ctx.cat(|c| {
        (
            c.service(&service).map_or(String::new(), |s| s.name.get(lang).to_string()),
            c.doctor(&doctor).map_or(String::new(), |d| d.name.get(lang).to_string()),
        )
    });
    view! {
        <dl class="jz-summary">
            <dt>{w.service}</dt><dd>{service}</dd>
            <dt>{w.doctor}</dt><dd>{doctor}</dd>
            <dt>{w.when}</dt><dd>{when(ctx, w, start)} " " <small>"(" {w.clinic_time} ")"</small></dd>
            <dt>{w.price}</dt><dd>{price.map(|p| p.to_string())}</dd>
        </dl>
    }
}

/// The free-cancellation deadline in clinic time, or the warning that it has passed.
#[component]
pub fn Deadline(ctx: Ctx, w: &'static Words, deadline: DateTime<Utc>) -> impl IntoView {
    if !past_deadline(deadline, jazylu_web::now()) {
        leptos::either::Either::Left(view! {
            <p class="jz-deadline">
                {w.free_cancel_until} " " <strong>{when(ctx, w, deadline)}</strong> " " <small>"(" {w.clinic_time} ")"</small>
            </p>
        })
    } else {
        leptos::either::Either::Right(view! { <p class="jz-alert jz-deadline">{w.deadline_passed}</p> })
    }
}

/// The clinic's phone, WhatsApp and address: the official way for anything the widget cannot do.
#[component]
pub fn Contacts(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let (phone, whatsapp, address) = ctx.cat(|c| {
        let clinic = c.clinic();
        (
            clinic.phones.first().map(|p| (p.tel_href(), p.to_string())),
            clinic.whatsapp.as_ref().map(|p| p.whatsapp_href()),
            clinic.address.get(lang).to_string(),
        )
    });
    view! {
        <p class="jz-contact-actions">
            {phone.map(|(href, shown)| view! { <a class="jz-call" href=href>{shown}</a> })}
            {whatsapp.map(|href| view! {
                <a class="jz-wa" href=href rel="noopener" target="_blank">{w.message_whatsapp}</a>
            })}
        </p>
        <p class="jz-address">{w.clinic_address} ": " {address}</p>
    }
}

//! Step 5: everything as it will be stored, then "Book". Sending cannot happen twice; a failure
//! keeps everything on screen and offers a retry under the same Idempotency-Key.

use super::visit::Visit;
use super::{effects, Ctx};
use jazylu_core::booking::{full_name, Relation};
use jazylu_core::flow::{mask_iin, Net};
use jazylu_core::person::BirthDate;
use jazylu_core::phone::Phone;
use jazylu_i18n::Words;
use jazylu_views::handler;
use leptos::prelude::*;

/// A birth date and a phone as they will be stored ("20.05.1995", "+7 701 123 45 67").
fn as_stored(ctx: Ctx, birth: &str, phone: &str) -> (String, String) {
    let today = ctx.cat(|c| c.clinic().time_zone.today(jazylu_web::now()));
    let birth = BirthDate::parse(birth, today).map_or_else(|_| birth.to_string(), |b| b.dotted());
    let phone = Phone::parse_mobile(phone).map_or_else(|_| phone.to_string(), |p| p.to_string());
    (birth, phone)
}

#[component]
pub fn Review(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let f = ctx.flow.get_untracked();
    let (doctor, start) = f.slot.clone()?;
    let (price, late) = ctx.cat(|c| {
        let price = c.service(&f.form.service).map(|s| c.price_at(s, start).now);
        (price, c.clinic().policies.is_late(start, jazylu_web::now()))
    });
    let p = &f.form.patient;
    let (birth, phone) = as_stored(ctx, &p.birth_date, &p.phone);
    let patient = full_name([&p.surname, &p.given_name, &p.patronymic]);
    let (iin, address) = (format!("{}: {}", w.iin, mask_iin(&p.iin)), p.address.clone());
    let representative = f.as_representative.then(|| {
        let r = &f.representative;
        let relation = Relation::parse(&r.relation).map_or("", |r| r.word(w));
        let (_, phone) = as_stored(ctx, &r.birth_date, &r.phone);
        (
            format!("{} ({relation})", full_name([&r.surname, &r.given_name, &r.patronymic])),
            format!("{}: {}", w.iin, mask_iin(&r.iin)),
            phone,
        )
    });
    let net = move || ctx.with(|f| f.net);
    let failed = move || match net() {
        Net::Failed(why) => Some(view! { <p class="jz-alert" id="jz-send-failed">{why.word(w)}</p> }),
        _ => None,
    };
    let label = move || match net() {
        Net::Pending => w.sending,
        Net::Failed(_) => w.retry,
        Net::Idle => w.book,
    };
    Some(view! {
        <Visit ctx w service=f.form.service.clone() doctor start price />
        <dl class="jz-summary">
            <dt>{w.steps[2]}</dt>
            <dd>{patient}<br />{iin}<br />{w.birth_date} ": " {birth}<br />{phone}</dd>
            <dt>{w.address}</dt><dd>{address}</dd>
            {representative.map(|(name, iin, phone)| view! {
                <dt>{w.representative}</dt><dd>{name}<br />{iin}<br />{phone}</dd>
            })}
        </dl>
        {late.then(|| view! { <p class="jz-alert">{w.late_booking}</p> })}
        {failed}
        <form class="jz-form" novalidate on:submit=handler(move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            effects::submit(ctx);
        })>
            <div class="jz-nav">
                <button type="button" class="jz-back2" on:click=handler(move |_| ctx.update(|f| f.back()))>{w.back}</button>
                <button type="submit" class="jz-primary" disabled=move || net() == Net::Pending
                    aria-disabled=move || (net() == Net::Pending).then_some("true")>{label}</button>
            </div>
        </form>
    })
}

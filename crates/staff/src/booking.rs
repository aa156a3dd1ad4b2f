//! One booking in full: the people (the IIN masked until "show", which is recorded), consents,
//! channel and campaign tags, history, and the actions: confirm, cancel with a reason, move,
//! arrived or no-show, erase the person's data.

use crate::api::{self, Body, Failure};
use crate::app::Ctx;
use crate::time::{shown, typed};
use jazylu_api::{
    Attendance, CancelByClinic, MarkAttendance, Move, RevealedIin, StaffBooking, StaffPerson, Status,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn Booking(
    ctx: Ctx,
    reference: String,
    open: RwSignal<Option<String>>,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let booking = RwSignal::new(None::<Result<StaffBooking, Failure>>);
    let iin = RwSignal::new(None::<RevealedIin>);
    let said = RwSignal::new(None::<Result<&'static str, Failure>>);
    let busy = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let move_doctor = RwSignal::new(String::new());
    let move_start = RwSignal::new(String::new());
    let erase_asked = RwSignal::new(false);
    let path = StoredValue::new(format!("/api/staff/bookings/{reference}"));

    spawn_local(async move {
        let got = api::send::<StaffBooking>("GET", &path.get_value(), &ctx.token(), None).await;
        if let Err(f) = &got {
            ctx.failed(f);
        }
        if let Ok(b) = &got {
            move_doctor.try_set(b.entry.doctor.clone());
        }
        booking.try_set(Some(got));
        jazylu_web::focus("st-booking-title");
    });

    // One action: the answer is the booking as it is now.
    let act = move |action: &'static str, body: Option<Body<'static>>| {
        busy.set(true);
        spawn_local(async move {
            let url = format!("{}/{action}", path.get_value());
            match api::send::<StaffBooking>("POST", &url, &ctx.token(), body).await {
                Ok(b) => {
                    booking.try_set(Some(Ok(b)));
                    said.try_set(Some(Ok(ctx.w().done)));
                    erase_asked.try_set(false);
                    changed();
                }
                Err(f) => {
                    ctx.failed(&f);
                    said.try_set(Some(Err(f)));
                }
            }
            busy.try_set(false);
            jazylu_web::focus("st-booking-said");
        });
    };
    let reveal = move |_| {
        spawn_local(async move {
            let url = format!("{}/iin", path.get_value());
            match api::send::<RevealedIin>("POST", &url, &ctx.token(), None).await {
                Ok(r) => {
                    iin.try_set(Some(r));
                }
                Err(f) => {
                    ctx.failed(&f);
                    said.try_set(Some(Err(f)));
                }
            }
        });
    };

    let person = move |p: StaffPerson, shown_iin: Option<String>, title: &'static str| {
        let w = ctx.w();
        let name = jazylu_core::booking::full_name([
            &p.surname,
            &p.given_name,
            p.patronymic.as_deref().unwrap_or(""),
        ]);
        let masked = shown_iin.is_none();
        view! {
            <h3>{title}</h3>
            <dl class="st-facts">
                <dt>{w.patient}</dt><dd>{name}</dd>
                <dt>{w.iin}</dt>
                <dd>{shown_iin.unwrap_or(p.iin_masked)} " "
                    {masked.then(|| view! { <button type="button" class="st-quiet" on:click=reveal>{w.show_iin}</button> })}
                </dd>
                <dt>{w.birth_date}</dt><dd>{p.birth_date}</dd>
                {p.phone.map(|ph| view! { <dt>{w.phone}</dt><dd><a href=format!("tel:{ph}")>{ph.clone()}</a></dd> })}
                {p.address.map(|a| view! { <dt>{w.address}</dt><dd>{a}</dd> })}
            </dl>
        }
    };

    let body = move || {
        let w = ctx.w();
        match booking.get() {
            None => view! { <p role="status">{w.working}</p> }.into_any(),
            Some(Err(f)) => view! { <p class="st-alert" role="alert">{f.said(w)}</p> }.into_any(),
            Some(Ok(b)) => {
                let e = &b.entry;
                let live = e.status != Status::Cancelled && !e.erased;
                let revealed = iin.get();
                let patient = b
                    .person
                    .clone()
                    .map(|p| person(p, revealed.as_ref().map(|r| r.patient.clone()), w.patient));
                let representative = b.representative.clone().map(|p| {
                    let shown_iin = revealed.as_ref().and_then(|r| r.representative.clone());
                    person(p, shown_iin, w.representative)
                });
                let status = e.attendance.map_or(e.status.as_str(), |a| match a {
                    Attendance::Arrived => "arrived",
                    Attendance::NoShow => "no_show",
                });
                let consents = b
                    .consents
                    .iter()
                    .map(|c| {
                        let (document, who) = w.consent(&c.document, &c.given_by);
                        view! { <li>{format!("{document} ({} {}) · {who} · {}", w.version, c.version, shown(&c.given_at))}</li> }
                    })
                    .collect_view();
                let tags = b.utm.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ");
                let history = b
                    .history
                    .iter()
                    .map(|h| {
                        let detail = h.detail.as_ref().map(|d| d.to_string()).unwrap_or_default();
                        let who = if h.actor == "visitor" { w.visitor } else { h.actor.as_str() };
                        view! { <li>{format!("{} · {} · {} {}", shown(&h.at), who, w.action(&h.action), detail)}</li> }
                    })
                    .collect_view();
                let doctors = ctx.served.get().map(|cat| {
                    let lang = ctx.lang.get();
                    let service = cat.service(&e.service).map(|s| s.doctors.clone()).unwrap_or_default();
                    service
                        .iter()
                        .filter_map(|id| cat.doctor(id.as_str()))
                        .map(|d| {
                            let id = d.id.to_string();
                            let chosen = id.clone();
                            view! { <option value=id selected=move || move_doctor.get() == chosen>{d.name.get(lang).to_string()}</option> }
                        })
                        .collect_view()
                });
                let offset = ctx.served.get().map(|c| c.clinic().time_zone.offset());
                let moving = move |_| {
                    let Some(start) = offset.and_then(|o| typed(&move_start.get_untracked(), o)) else {
                        said.set(Some(Err(Failure::Refused("outside_hours".into(), String::new()))));
                        jazylu_web::focus("st-booking-said");
                        return;
                    };
                    act("move", Some(Body::json(&Move { doctor: move_doctor.get_untracked(), start })));
                };
                let actions = live.then(|| {
                    view! {
                        <div class="st-actions">
                            {(e.status == Status::Requested).then(|| view! {
                                <button type="button" class="st-primary" disabled=move || busy.get()
                                    on:click=move |_| act("confirm", None)>{w.confirm}</button>
                            })}
                            <button type="button" disabled=move || busy.get()
                                on:click=move |_| act("attendance", Some(Body::json(&MarkAttendance { attendance: Attendance::Arrived })))>
                                {w.mark_arrived}</button>
                            <button type="button" disabled=move || busy.get()
                                on:click=move |_| act("attendance", Some(Body::json(&MarkAttendance { attendance: Attendance::NoShow })))>
                                {w.mark_no_show}</button>
                        </div>
                        <fieldset class="st-inline">
                            <legend>{w.move_to}</legend>
                            <label>{w.doctor} " "
                                <select on:change=move |ev| move_doctor.set(event_target_value(&ev))>{doctors}</select></label>
                            <label>{w.new_start} " "
                                <input type="datetime-local" step="300" prop:value=move || move_start.get()
                                    on:input=move |ev| move_start.set(event_target_value(&ev)) /></label>
                            <button type="button" disabled=move || busy.get() on:click=moving>{w.move_to}</button>
                        </fieldset>
                        <fieldset class="st-inline">
                            <legend>{w.cancel}</legend>
                            <label>{w.reason} " "
                                <input type="text" maxlength="500" prop:value=move || reason.get()
                                    on:input=move |ev| reason.set(event_target_value(&ev)) /></label>
                            <button type="button" class="st-danger" disabled=move || busy.get()
                                on:click=move |_| act("cancel", Some(Body::json(&CancelByClinic { reason: reason.get_untracked() })))>
                                {w.cancel}</button>
                        </fieldset>
                    }
                });
                let erase = (!e.erased).then(|| {
                    view! {
                        <div class="st-actions">
                            {move || if erase_asked.get() {
                                view! {
                                    <div class="st-alert" role="alert">
                                        <p>{ctx.w().erase_sure}</p>
                                        <button type="button" class="st-danger" id="st-erase-yes" disabled=move || busy.get()
                                            on:click=move |_| act("erase", None)>{ctx.w().erase}</button>
                                        " "
                                        <button type="button" on:click=move |_| erase_asked.set(false)>{ctx.w().close}</button>
                                    </div>
                                }.into_any()
                            } else {
                                view! {
                                    <button type="button" class="st-quiet" on:click=move |_| {
                                        erase_asked.set(true);
                                        jazylu_web::focus("st-erase-yes");
                                    }>{ctx.w().erase}</button>
                                }.into_any()
                            }}
                        </div>
                    }
                });
                view! {
                    <p class="st-status">{w.status(status)} " · " {shown(&e.start)} " – " {shown(&e.end).get(11..).unwrap_or("").to_string()}
                        " · " {e.price} " ₸"</p>
                    {e.erased.then(|| view! { <p class="st-alert">{w.erased}</p> })}
                    {patient}
                    {representative}
                    <h3>{w.consents}</h3>
                    <ul>{consents}</ul>
                    <p><strong>{w.channel}</strong> ": " {b.channel.clone().unwrap_or_default()} " " {tags}</p>
                    {actions}
                    {erase}
                    <h3>{w.history}</h3>
                    <ol class="st-history">{history}</ol>
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="st-card st-booking" aria-labelledby="st-booking-title">
            <div class="st-row">
                <h2 id="st-booking-title" tabindex="-1">{reference.clone()}</h2>
                <button type="button" class="st-quiet" on:click=move |_| open.set(None)>{move || ctx.w().close}</button>
            </div>
            <p id="st-booking-said" tabindex="-1" role="status"
                class=move || match said.get() { Some(Err(_)) => "st-alert", _ => "st-ok" }>
                {move || said.get().map(|s| match s { Ok(t) => t, Err(f) => f.said(ctx.w()) })}
            </p>
            {body}
        </section>
    }
}

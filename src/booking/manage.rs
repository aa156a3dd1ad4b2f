//! The manage page of a booking: what it is, its status, and cancelling it after an "are you
//! sure?" (which takes focus), with the warning that a late cancellation may be charged.

use super::visit::{Contacts, Deadline, Visit};
use super::{effects, Ctx};
use crate::lang_nav::LangNav;
use jazylu_api::Status;
use jazylu_core::flow::{ByClinic, Failure, Net};
use jazylu_views::handler;
use leptos::either::Either;
use leptos::prelude::*;

pub fn load(ctx: Ctx) {
    effects::manage(ctx, false);
}

#[component]
pub fn Manage(ctx: Ctx) -> impl IntoView {
    // Made afresh when what it shows changes.
    let shown = move || {
        ctx.with(|f| (f.net, f.confirm_cancel, f.receipt.as_ref().map(|r| (r.status, r.cancelled_late))))
    };
    super::fresh(shown, move |_| {
        let w = ctx.w();
        let (net, receipt, confirm) = ctx.peek(|f| (f.net, f.receipt.clone(), f.confirm_cancel));
        let problem = match &net {
            Net::Failed(why) => {
                let retry = (*why != Failure::NotFound && receipt.is_none())
                    .then(|| view! { <button type="button" class="jz-retry" on:click=handler(move |_| load(ctx))>{w.retry}</button> });
                Some(
                    view! { <p class="jz-alert" role="alert" id="jz-manage-error">{why.word(w)}</p> {retry} },
                )
            }
            _ => None,
        };
        let loading = (net == Net::Pending && receipt.is_none())
            .then(|| view! { <p class="jz-status">{w.loading_booking}</p> });
        let booking = receipt.map(|r| {
            let status = match r.status {
                Status::Confirmed => w.status_confirmed,
                Status::Cancelled => w.status_cancelled,
                Status::Requested => w.status_requested,
            };
            let now = jazylu_web::now();
            let late = ctx.cat(|c| c.clinic().policies.is_late(r.start, now));
            let pending = net == Net::Pending;
            let price = r.price();
            let by_clinic = match r.by_clinic {
                ByClinic::Cancelled if r.status == Status::Cancelled => Some(w.cancelled_by_clinic),
                ByClinic::Moved if r.status != Status::Cancelled => Some(w.moved_by_clinic),
                _ => None,
            };
            let by_clinic = by_clinic.map(|said| view! { <p class="jz-alert" id="jz-by-clinic">{said}</p> });
            let actions = if r.status == Status::Cancelled {
                r.cancelled_late.then(|| Either::Left(view! { <p class="jz-alert">{w.cancelled_late}</p> }))
            } else if r.cancellable(now) {
                let ask = if confirm || pending {
                    Either::Left(view! {
                        <div class="jz-alert" role="alert">
                            <p>{w.cancel_sure}</p>
                            {late.then(|| view! { <p>{w.late_cancel_warning}</p> })}
                            <div class="jz-nav">
                                <button type="button" class="jz-back2" disabled=pending
                                    on:click=handler(move |_| ctx.update(|f| { f.confirm_cancel = false; f.focus = Some("jz-cancel".into()); }))>
                                    {w.keep_booking}
                                </button>
                                <button type="button" class="jz-danger" id="jz-cancel-yes" disabled=pending
                                    on:click=handler(move |_| effects::manage(ctx, true))>
                                    {if pending { w.sending } else { w.cancel_yes }}
                                </button>
                            </div>
                        </div>
                    })
                } else {
                    Either::Right(view! {
                        <p><button type="button" class="jz-danger" id="jz-cancel"
                            on:click=handler(move |_| ctx.update(|f| { f.confirm_cancel = true; f.focus = Some("jz-cancel-yes".into()); }))>
                            {w.cancel}
                        </button></p>
                    })
                };
                Some(Either::Right(view! { <Deadline ctx w deadline=r.cancel_deadline /> {ask} }))
            } else {
                None
            };
            view! {
                <p class="jz-ref">{w.reference} ": " <strong>{r.reference.clone()}</strong></p>
                <Visit ctx w service=r.service.clone() doctor=r.doctor.clone() start=r.start price />
                <p class="jz-status-line" id="jz-booking-status" tabindex="-1">{status}</p>
                {by_clinic}
                {actions}
            }
        });
        view! {
            <LangNav lang=ctx.lang />
            <section class="jz-flow" aria-labelledby="jz-step-title">
                <button type="button" class="jz-back" on:click=handler(move |_| ctx.exit())>"← " {w.back_to_prices}</button>
                <h2 id="jz-step-title" tabindex="-1">{w.your_booking}</h2>
                {problem}
                {loading}
                {booking}
                <Contacts ctx w />
            </section>
        }
    })
}

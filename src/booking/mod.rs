//! The booking flow as components: one file per step, over core's `Flow` in one signal. Core
//! holds every rule and transition; these views wire signals to it, and `effects` talks to the
//! endpoint and the tab. The framework escapes every text.

mod consents;
mod doctor;
mod done;
mod effects;
mod fields;
mod keys;
mod manage;
mod patient;
mod review;
mod shell;
mod time;
mod visit;

pub use crate::fresh::fresh;
pub use effects::resume_service;

use crate::app::Handover;
use jazylu_core::flow::{manage_link, Event, Failure, Flow, Net, Step};
use jazylu_core::{Catalogue, Lang};
use jazylu_i18n::{words, Words};
use leptos::either::EitherOf3;
use leptos::prelude::*;
use std::sync::Arc;

/// What every part of the flow needs: the state, the language, the catalogue, where the endpoint
/// is, and the way back to the prices. Copy, so views and handlers take it by value.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub flow: RwSignal<Flow>,
    pub lang: RwSignal<Lang>,
    pub(crate) cat: StoredValue<Arc<Catalogue>>,
    pub(crate) base: StoredValue<String>,
    exit: Callback<()>,
}

impl Ctx {
    /// The words of the current language. Untracked: every view that shows words is made
    /// afresh on a language switch (`fresh`).
    pub fn w(self) -> &'static Words {
        words(self.lang.get_untracked())
    }

    // Through guards rather than `with`/`update`: those are generic over the closure, and each
    // use would be a copy of the signal machinery in the wasm.
    pub fn cat<R>(self, f: impl FnOnce(&Catalogue) -> R) -> R {
        f(&self.cat.get_value())
    }

    /// Reads the flow, tracked.
    pub fn with<R>(self, f: impl FnOnce(&Flow) -> R) -> R {
        f(&self.flow.read())
    }

    /// Reads the flow, untracked.
    pub fn peek<R>(self, f: impl FnOnce(&Flow) -> R) -> R {
        f(&self.flow.read_untracked())
    }

    /// Changes the flow without moving focus or keeping it for the tab.
    pub fn set(self, change: impl FnOnce(&mut Flow)) {
        change(&mut self.flow.write());
    }

    /// Changes the flow, keeps it for the tab, and moves focus where the change asks: to the
    /// field with a problem, or to the heading of a new step.
    pub fn update(self, change: impl FnOnce(&mut Flow)) {
        let before = self.peek(|f| f.step);
        let focus = {
            let mut f = self.flow.write();
            change(&mut f);
            f.focus.take().or_else(|| (f.step != before).then(|| "jz-step-title".to_string()))
        };
        effects::save(&self.flow.read_untracked());
        if let Some(id) = focus {
            // After the new view is in the page.
            request_animation_frame(move || jazylu_web::focus(&id));
        }
    }

    /// Back to the price list.
    pub fn exit(self) {
        effects::leave_flow();
        self.exit.run(());
    }
}

#[component]
pub fn BookingFlow(handover: Handover, lang: RwSignal<Lang>, on_exit: Callback<()>) -> impl IntoView {
    let flow = match manage_link(&format!("manage={}", handover.manage)) {
        Some((reference, token)) => Flow::manage(&reference, &token),
        None => {
            let mut f = effects::resume(&handover.service);
            (f.form.channel, f.form.utm) = jazylu_web::way_in();
            f.preselect_doctor(&handover.catalogue, &handover.doctor);
            jazylu_web::emit(Some(Event::ServiceSelected { service: handover.service.clone() }));
            // A tab reloaded after the clinic changed a document: those ticks are void.
            f.drop_stale_consents(&handover.catalogue);
            f
        }
    };
    let ctx = Ctx {
        flow: RwSignal::new(flow),
        lang,
        cat: StoredValue::new(handover.catalogue),
        base: StoredValue::new(handover.api_base),
        exit: on_exit,
    };
    match ctx.peek(|f| f.step) {
        Step::Manage => effects::manage(ctx, false),
        Step::Done => {}
        _ => effects::load_times(ctx),
    }
    request_animation_frame(|| jazylu_web::focus("jz-step-title"));

    let step = Memo::new(move |_| ctx.with(|f| f.step));
    // One persistent live region: "Sending…", failures and the result are announced here.
    let announce = move || {
        let w = ctx.w();
        ctx.with(|f| match (&f.net, f.step) {
            (Net::Pending, Step::Review) => w.sending,
            (Net::Failed(why), Step::Review) => why.word(w),
            (Net::Failed(Failure::Network), _) => w.send_failed,
            (_, Step::Done) => w.received,
            _ => "",
        })
    };
    view! {
        <div class="jz-flow-root">
            <p class="jz-sr" role="status">{announce}</p>
            {fresh(move || (step.get(), lang.get()), move |(s, _)| match s {
                Step::Done => EitherOf3::A(view! { <done::Done ctx /> }),
                Step::Manage => EitherOf3::B(view! { <manage::Manage ctx /> }),
                s => EitherOf3::C(view! { <shell::Shell ctx step=s /> }),
            })}
        </div>
    }
}

//! The flow's side effects: the endpoint (busy time, the booking, the manage page), the tab's
//! copy of the flow, and what the page address says about the way in.

use super::Ctx;
use jazylu_api::Availability;
use jazylu_core::availability::{Busy, Window};
use jazylu_core::clock::IsoDate;
use jazylu_core::flow::{Answer, Flow, Net, Step, Times};
use jazylu_web::{json, tab};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The flow kept for this tab only: `sessionStorage` ends with the tab, so an IIN never lands in
/// long-lived storage.
const FLOW: &str = "jazylu-flow";

fn load() -> Option<Flow> {
    Flow::from_session(json::read(&tab::storage()?.get_item(FLOW).ok()??)?)
}

pub fn save(flow: &Flow) {
    let Some(s) = tab::storage() else { return };
    if flow.step == Step::Manage {
        return;
    }
    if let Some(kept) = json::write(&flow.to_session()) {
        let _ = s.set_item(FLOW, &kept);
    }
    let _ = if flow.step == Step::Doctor {
        s.remove_item(tab::RESUME)
    } else {
        s.set_item(tab::RESUME, &flow.form.service)
    };
}

/// The flow to show for `service`: the one this tab kept (what was typed survives a reload),
/// moved to `service` if it was for another.
pub fn resume(service: &str) -> Flow {
    match load() {
        Some(f) if f.form.service == service => f,
        Some(f) => f.for_service(service),
        None => Flow::new(service),
    }
}

/// The service of a booking this tab was in the middle of, to come back to it after a reload.
pub fn resume_service() -> Option<String> {
    tab::storage()?.get_item(tab::RESUME).ok()?
}

/// The visitor goes back to the prices: the manage link leaves the address, and a booking made
/// is not resumed by the next "Book".
pub fn leave_flow() {
    jazylu_web::clear_fragment();
    if let Some(s) = tab::storage() {
        let _ = s.remove_item(tab::MANAGE);
    }
    if load().is_some_and(|kept| !kept.worth_resuming()) {
        if let Some(s) = tab::storage() {
            let _ = s.remove_item(FLOW);
            let _ = s.remove_item(tab::RESUME);
        }
    }
}

/// The doctors' busy time over the booking horizon, once: free times are computed here.
pub fn load_times(ctx: Ctx) {
    ctx.set(|f| f.times = Times::Loading);
    let w = ctx.cat(|c| Window::horizon(c, jazylu_web::now()));
    let url = format!("{}/api/availability?from={}&days={}", ctx.base.get_value(), IsoDate(w.from), w.days());
    spawn_local(async move {
        let answer = jazylu_web::call("GET", &url, None, &[]).await;
        let busy = answer
            .filter(|(status, _)| *status == 200)
            .and_then(|(_, text)| json::read::<Availability>(&text))
            .map(|a| a.busy.iter().filter_map(Busy::from_wire).collect());
        ctx.set(|f| f.times_loaded(busy));
    });
}

/// "Book": the request under its Idempotency-Key, the same key for every retry of it.
pub fn submit(ctx: Ctx) {
    let mut sent = None;
    let lang = ctx.lang.get_untracked();
    ctx.update(|f| sent = ctx.cat(|c| f.submit(c, jazylu_web::now(), lang, jazylu_web::random_key)));
    let Some((key, body)) = sent.and_then(|(key, req)| Some((key, json::write(&req)?))) else { return };
    let url = format!("{}/api/bookings", ctx.base.get_value());
    spawn_local(async move {
        let headers = [("Content-Type", "application/json"), ("Idempotency-Key", key.as_str())];
        let answer = jazylu_web::call("POST", &url, Some(&body), &headers).await.map(json::answer);
        let taken = matches!(answer, Some(Answer::Err(409, _)));
        if answer.as_ref().is_some_and(Answer::changed_documents) {
            // The clinic published new texts since this page loaded: show them before asking again.
            reload_catalogue(ctx).await;
        }
        ctx.update(|f| f.answered(answer));
        jazylu_web::emit(ctx.peek(Flow::outcome));
        if taken {
            load_times(ctx);
        }
    });
}

/// The catalogue as the endpoint serves it now, in place of the one this flow started with (kept
/// if it cannot be loaded: the visitor then sees the old text and the server refuses again).
async fn reload_catalogue(ctx: Ctx) {
    match crate::api::catalogue(&ctx.base.get_value()).await {
        Ok(c) => ctx.cat.set_value(std::sync::Arc::new(c)),
        Err(e) => web_sys::console::warn_2(&"Jazylu: catalogue not reloaded".into(), &e.code().into()),
    }
}

/// The manage page: shows the booking, or cancels it.
pub fn manage(ctx: Ctx, cancel: bool) {
    let Some((reference, token)) = ctx.peek(|f| f.manage.clone()) else { return };
    ctx.set(|f| f.net = Net::Pending);
    let url =
        format!("{}/api/bookings/{reference}{}", ctx.base.get_value(), if cancel { "/cancel" } else { "" });
    spawn_local(async move {
        let auth = format!("Bearer {token}");
        let method = if cancel { "POST" } else { "GET" };
        let answer = jazylu_web::call(method, &url, None, &[("Authorization", &auth)]).await;
        ctx.update(|f| {
            f.managed(answer.map(json::answer));
            if cancel {
                f.focus = Some("jz-booking-status".into());
            }
        });
    });
}

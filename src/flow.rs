//! The booking flow on screen. Core holds the state and paints each step as HTML (like the price
//! list); this component keeps the state for the tab, turns clicks, typing and form submits into
//! calls on `Flow`, and talks to the endpoint.

use crate::{api, dom, host};
use jazylu_core::availability::busy_from_json;
use jazylu_core::clock::IsoDate;
use jazylu_core::flow::{horizon, render::render, Flow, Net, Step, Times};
use jazylu_core::{texts, Catalogue, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, FocusEvent, MouseEvent, SubmitEvent};

/// Where the visitor goes from the flow: back to the price list, or a manage page.
#[derive(Clone, Copy)]
pub struct Exits {
    pub selected: RwSignal<Option<String>>,
    pub manage: RwSignal<Option<(String, String)>>,
}

#[component]
pub fn BookingFlow(
    catalogue: Arc<Catalogue>,
    lang: RwSignal<Lang>,
    exits: Exits,
    start: Flow,
    api_base: String,
) -> impl IntoView {
    let flow = StoredValue::new(start);
    let cat = StoredValue::new(catalogue);
    let base = StoredValue::new(api_base);
    let tick = RwSignal::new(0u32);

    // Paints the step again, keeps the flow for the tab, and moves focus where the step wants it.
    let paint = move || {
        flow.with_value(|f| {
            if f.step != Step::Manage {
                dom::save(&f.to_session());
            }
        });
        tick.update(|n| *n = n.wrapping_add(1));
        let id = flow.with_value(|f| f.focus.clone()).unwrap_or_else(|| "jz-step-title".into());
        request_animation_frame(move || host::focus(&id));
    };

    let load_times = move || {
        flow.update_value(|f| f.times = Times::Loading);
        let (from, to) = cat.with_value(|c| horizon(c, host::now()));
        let url = format!("{}/api/availability?from={}&to={}", base.get_value(), IsoDate(from), IsoDate(to));
        spawn_local(async move {
            let answer = api::call("GET", &url, None, &[]).await;
            let busy = answer.filter(|(s, _)| *s == 200).and_then(|(_, text)| busy_from_json(&text));
            flow.update_value(|f| f.times_loaded(busy));
            if flow.with_value(|f| f.step == Step::Time) {
                paint();
            }
        });
    };

    let submit = move || {
        let (now, l) = (host::now(), lang.get_untracked());
        let sent =
            cat.with_value(|c| flow.try_update_value(|f| f.submit(c, now, l, dom::fresh_key))).flatten();
        paint();
        let Some((key, body)) = sent else { return };
        let url = format!("{}/api/bookings", base.get_value());
        spawn_local(async move {
            let headers = [("Content-Type", "application/json"), ("Idempotency-Key", key.as_str())];
            let answer = api::call("POST", &url, Some(&body), &headers).await;
            let taken = answer.as_ref().is_some_and(|(s, _)| *s == 409);
            flow.update_value(|f| f.answered(answer.as_ref().map(|(s, t)| (*s, t.as_str()))));
            paint();
            if taken {
                load_times();
            }
        });
    };

    // The manage page: show the booking, or cancel it.
    let manage = move |cancel: bool| {
        let Some((reference, token)) =
            flow.with_value(|f| f.receipt.as_ref().map(|r| (r.reference.clone(), r.token.clone())))
        else {
            return;
        };
        flow.update_value(|f| f.net = Net::Pending);
        paint();
        let url =
            format!("{}/api/bookings/{reference}{}", base.get_value(), if cancel { "/cancel" } else { "" });
        spawn_local(async move {
            let auth = format!("Bearer {token}");
            let answer =
                api::call(if cancel { "POST" } else { "GET" }, &url, None, &[("Authorization", &auth)]).await;
            flow.update_value(|f| f.managed(answer.as_ref().map(|(s, t)| (*s, t.as_str()))));
            paint();
        });
    };

    let leave = move || {
        host::clear_fragment();
        exits.manage.set(None);
        exits.selected.set(None);
        request_animation_frame(|| host::focus("jz-prices-title"));
    };

    let on_click = move |ev: MouseEvent| {
        let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
        let found = target.and_then(|t| {
            t.closest("[data-act],[data-doctor],[data-day],[data-slot],[data-focus],a[data-lang]")
                .ok()
                .flatten()
        });
        let Some(el) = found else { return };
        let attr = |name: &str| el.get_attribute(name);
        if let Some(l) = attr("data-lang").and_then(|l| Lang::from_tag(&l)) {
            ev.prevent_default();
            lang.set(l);
            host::show_lang(l, &cat.with_value(|c| texts::page_title(c, l)));
            return;
        }
        if let Some(id) = attr("data-focus") {
            ev.prevent_default();
            host::focus(&id);
            return;
        }
        if let Some(d) = attr("data-doctor") {
            flow.update_value(|f| f.choose_doctor(&d));
        } else if let Some(d) = attr("data-day") {
            flow.update_value(|f| f.choose_day(&d));
        } else if let Some(s) = attr("data-slot") {
            flow.update_value(|f| f.choose_slot(&s));
        } else {
            match attr("data-act").as_deref() {
                Some("back") if flow.with_value(|f| f.step == Step::Doctor) => return leave(),
                Some("back") => flow.update_value(Flow::back),
                Some("times") => load_times(),
                Some("again") => {
                    dom::forget();
                    return leave();
                }
                Some("prices") => return leave(),
                Some("cancel") => flow.update_value(|f| f.confirm_cancel = true),
                Some("keep") => flow.update_value(|f| f.confirm_cancel = false),
                Some("cancel-yes") => return manage(true),
                Some("reload") => return manage(false),
                // The link changes the address (so it can be bookmarked); the page is ours to show.
                Some("manage") => {
                    let link = attr("href")
                        .and_then(|h| h.split_once('#').and_then(|(_, f)| jazylu_core::flow::manage_link(f)));
                    exits.manage.set(link);
                    return;
                }
                _ => return,
            }
        }
        paint();
    };

    let on_input = move |ev: Event| {
        let Some((name, value, checked)) = dom::field(&ev) else { return };
        flow.update_value(|f| f.set(&name, &value, checked));
        flow.with_value(|f| {
            if name == "as_representative" {
                dom::apply(&f.toggle_representative());
            }
            dom::save(&f.to_session());
        });
    };

    let on_leave = move |ev: FocusEvent| {
        let Some((name, _, _)) = dom::field(&ev) else { return };
        let (now, l) = (host::now(), lang.get_untracked());
        let patches =
            cat.with_value(|c| flow.try_update_value(|f| f.leave(&name, c, now, l))).unwrap_or_default();
        patches.iter().for_each(dom::apply);
    };

    // A masked IIN is shown in full again while it is edited.
    let on_enter = move |ev: FocusEvent| {
        if let Some((name, _, _)) = dom::field(&ev).filter(|(n, _, _)| n.ends_with(".iin")) {
            flow.with_value(|f| dom::set_value(&name, f.iin(&name)));
        }
    };

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if flow.with_value(|f| f.step == Step::Review) {
            return submit();
        }
        cat.with_value(|c| flow.update_value(|f| f.next(c, host::now())));
        paint();
    };

    match flow.with_value(|f| f.step) {
        Step::Manage => manage(false),
        Step::Done => {}
        _ => load_times(),
    }

    let html = move || {
        tick.track();
        let l = lang.get();
        cat.with_value(|c| flow.with_value(|f| render(f, c, l, host::now(), &dom::page_url())))
    };

    view! {
        <div
            class="jz-flow-root"
            on:click=on_click
            on:input=on_input
            on:change=on_input
            on:focusout=on_leave
            on:focusin=on_enter
            on:submit=on_submit
            inner_html=html
        ></div>
    }
}

/// The flow to show for `service`: the one this tab kept (what was typed survives a reload), moved
/// to `service` if it was for another.
pub fn resume(service: &str, host: &host::Host) -> Flow {
    let kept = dom::load().and_then(|t| Flow::from_session(&t));
    let mut f = match kept {
        Some(f) if f.service == service => f,
        Some(f) => f.for_service(service),
        None => Flow::new(service),
    };
    f.channel = host.channel.clone();
    f.utm = host.utm.clone();
    f
}

/// The service of a flow this tab was in the middle of (past choosing a doctor), to resume it
/// after a reload.
pub fn kept_service() -> Option<String> {
    let f = Flow::from_session(&dom::load()?)?;
    (f.step != Step::Doctor).then_some(f.service)
}

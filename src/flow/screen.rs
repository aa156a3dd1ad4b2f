//! The flow on screen: one shared state, the events caught on the root element, and the calls
//! to the endpoint.

use super::dom;
use jazylu_core::availability::Busy;
use jazylu_core::clock::IsoDate;
use jazylu_core::flow::{horizon, render::render, Flow, Net, Step, Times};
use jazylu_core::{Catalogue, Lang};
use jazylu_web as web;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, Event, HtmlElement};

struct Screen {
    root: HtmlElement,
    cat: Arc<Catalogue>,
    lang: Cell<Lang>,
    flow: RefCell<Flow>,
    base: String,
    on_exit: Rc<dyn Fn(Lang)>,
}

type Shared = Rc<Screen>;

pub fn show(
    root: HtmlElement,
    cat: Arc<Catalogue>,
    lang: Lang,
    flow: Flow,
    base: String,
    on_exit: Rc<dyn Fn(Lang)>,
) {
    let s: Shared =
        Rc::new(Screen { root, cat, lang: Cell::new(lang), flow: RefCell::new(flow), base, on_exit });
    for (name, handler) in [
        ("click", click as fn(&Shared, Event)),
        ("input", input),
        ("change", input),
        ("focusout", leave),
        ("focusin", enter),
        ("submit", submit_form),
    ] {
        let own = s.clone();
        let f = Closure::<dyn Fn(Event)>::new(move |ev: Event| handler(&own, ev));
        let _ = s.root.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
        // The root lives as long as the flow is shown; the listener goes with it.
        f.forget();
    }
    paint(&s);
    let step = s.flow.borrow().step;
    match step {
        Step::Manage => manage(&s, false),
        Step::Done => {}
        _ => load_times(&s),
    }
}

/// Paints the step, keeps the flow for the tab, and moves focus where the step wants it.
fn paint(s: &Shared) {
    let (html, focus) = {
        let f = s.flow.borrow();
        if f.step != Step::Manage {
            dom::save(&f);
        }
        (render(&f, &s.cat, s.lang.get(), web::now(), &web::page_url(s.lang.get())), f.focus.clone())
    };
    // No borrow is held from here on: replacing the page and moving focus fire focus events at
    // once, and their handlers read the flow.
    s.root.set_inner_html(&html);
    web::focus(focus.as_deref().unwrap_or("jz-step-title"));
}

fn exit(s: &Shared) {
    web::clear_fragment();
    // A booking made is shown again after a reload, but not once the visitor has moved on:
    // the next "Book" starts afresh.
    if dom::load().is_some_and(|kept| !kept.worth_resuming()) {
        dom::forget();
    }
    (s.on_exit)(s.lang.get());
}

fn load_times(s: &Shared) {
    s.flow.borrow_mut().times = Times::Loading;
    let (from, to) = horizon(&s.cat, web::now());
    let url = format!("{}/api/availability?from={}&to={}", s.base, IsoDate(from), IsoDate(to));
    let s = s.clone();
    spawn_local(async move {
        let answer = web::call("GET", &url, None, &[]).await;
        let busy = answer
            .filter(|(status, _)| *status == 200)
            .and_then(|(_, text)| web::json::read::<jazylu_api::Availability>(&text))
            .map(|a| a.busy.iter().filter_map(Busy::from_wire).collect());
        s.flow.borrow_mut().times_loaded(busy);
        // Elsewhere nothing shows the times; painting would only move the visitor's focus.
        if s.flow.borrow().step == Step::Time {
            paint(&s);
        }
    });
}

fn submit(s: &Shared) {
    let sent = s.flow.borrow_mut().submit(&s.cat, web::now(), s.lang.get(), dom::fresh_key);
    paint(s);
    let Some((key, body)) = sent.and_then(|(key, req)| Some((key, web::json::write(&req)?))) else { return };
    let url = format!("{}/api/bookings", s.base);
    let s = s.clone();
    spawn_local(async move {
        let headers = [("Content-Type", "application/json"), ("Idempotency-Key", key.as_str())];
        let answer = web::call("POST", &url, Some(&body), &headers).await;
        let taken = answer.as_ref().is_some_and(|(status, _)| *status == 409);
        s.flow.borrow_mut().answered(answer.map(web::json::answer));
        paint(&s);
        if taken {
            load_times(&s);
        }
    });
}

/// The manage page: shows the booking, or cancels it.
fn manage(s: &Shared, cancel: bool) {
    let Some((reference, token)) = s.flow.borrow().manage.clone() else { return };
    // A manage page opened from a link is pending already and painted as such by `show`.
    let pending = std::mem::replace(&mut s.flow.borrow_mut().net, Net::Pending) == Net::Pending;
    if !pending {
        paint(s);
    }
    let url = format!("{}/api/bookings/{reference}{}", s.base, if cancel { "/cancel" } else { "" });
    let s = s.clone();
    spawn_local(async move {
        let auth = format!("Bearer {token}");
        let answer =
            web::call(if cancel { "POST" } else { "GET" }, &url, None, &[("Authorization", &auth)]).await;
        s.flow.borrow_mut().managed(answer.map(web::json::answer));
        paint(&s);
    });
}

fn click(s: &Shared, ev: Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let found = target.and_then(|t| {
        t.closest("[data-act],[data-doctor],[data-day],[data-slot],[data-focus],a[data-lang]").ok().flatten()
    });
    let Some(el) = found else { return };
    let attr = |name: &str| el.get_attribute(name);
    if let Some(l) = attr("data-lang").and_then(|l| Lang::from_tag(&l)) {
        ev.prevent_default();
        s.lang.set(l);
        web::show_lang(l, &jazylu_i18n::words(l).page_title(s.cat.clinic().name.get(l)));
        return paint(s);
    }
    if let Some(id) = attr("data-focus") {
        ev.prevent_default();
        return web::focus(&id);
    }
    {
        // Event handlers never wait for the flow: a panic would stop the whole module.
        let Ok(mut f) = s.flow.try_borrow_mut() else { return };
        if let Some(d) = attr("data-doctor") {
            f.choose_doctor(&d);
        } else if let Some(d) = attr("data-day") {
            f.choose_day(&d);
        } else if let Some(slot) = attr("data-slot") {
            f.choose_slot(&slot);
        } else {
            match attr("data-act").as_deref() {
                Some("back") if f.step == Step::Doctor => {
                    drop(f);
                    return exit(s);
                }
                Some("back") => f.back(),
                Some("again") => {
                    drop(f);
                    return exit(s);
                }
                Some("prices") => {
                    drop(f);
                    return exit(s);
                }
                Some("cancel") => f.confirm_cancel = true,
                Some("keep") => f.confirm_cancel = false,
                Some("times") => {
                    drop(f);
                    return load_times(s);
                }
                Some("cancel-yes") => {
                    drop(f);
                    return manage(s, true);
                }
                Some("reload") => {
                    drop(f);
                    return manage(s, false);
                }
                // The link changes the address (so it can be bookmarked); the page is ours to show.
                // The manage page is shown here; the address changes to the link (so it can be
                // bookmarked) without loading it.
                Some("manage") => {
                    let href = attr("href").unwrap_or_default();
                    let link =
                        href.split_once('#').and_then(|(_, frag)| jazylu_core::flow::manage_link(frag));
                    let Some((reference, token)) = link else { return };
                    ev.prevent_default();
                    web::show_address(&href);
                    *f = Flow::manage(&reference, &token);
                    drop(f);
                    return manage(s, false);
                }
                _ => return,
            }
        }
    }
    paint(s);
}

fn input(s: &Shared, ev: Event) {
    let Some((name, value, checked)) = dom::field(&ev) else { return };
    let Ok(mut f) = s.flow.try_borrow_mut() else { return };
    f.set(&name, &value, checked);
    dom::save(&f);
    let patch = (name == "as_representative").then(|| f.toggle_representative());
    drop(f);
    patch.iter().for_each(dom::apply);
}

/// Also fires while the page is painted over (the focused field goes away): then the flow is
/// busy and there is nothing to say about the field.
fn leave(s: &Shared, ev: Event) {
    let Some((name, _, _)) = dom::field(&ev) else { return };
    let Ok(mut f) = s.flow.try_borrow_mut() else { return };
    let patches = f.leave(&name, &s.cat, web::now(), s.lang.get());
    drop(f);
    patches.iter().for_each(dom::apply);
}

/// A masked IIN is shown in full again while it is edited.
fn enter(s: &Shared, ev: Event) {
    let Some((name, _, _)) = dom::field(&ev).filter(|(n, _, _)| n.ends_with(".iin")) else { return };
    let Ok(f) = s.flow.try_borrow() else { return };
    let iin = f.iin(&name).to_string();
    drop(f);
    dom::set_value(&name, &iin);
}

fn submit_form(s: &Shared, ev: Event) {
    ev.prevent_default();
    let Ok(mut f) = s.flow.try_borrow_mut() else { return };
    if f.step == Step::Review {
        drop(f);
        return submit(s);
    }
    f.next(&s.cat, web::now());
    drop(f);
    paint(s);
}

/// The flow to show for `service`: the one this tab kept (what was typed survives a reload),
/// moved to `service` if it was for another.
pub fn resume(service: &str) -> Flow {
    match dom::load() {
        Some(f) if f.form.service == service => f,
        Some(f) => f.for_service(service),
        None => Flow::new(service),
    }
}

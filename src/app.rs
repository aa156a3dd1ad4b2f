//! The widget's root: loads the catalogue, holds the language and the chosen service, and shows
//! either the price list or the start of a booking.

use crate::api;
use crate::flow::{self, BookingFlow, Exits};
use crate::host::{self, Host};
use crate::prices::PriceList;
use jazylu_core::texts::texts;
use jazylu_core::Catalogue;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

#[derive(Clone)]
pub enum Load {
    Loading,
    Ready(Arc<Catalogue>),
    /// Why is in the console; the visitor gets one clear message and a retry.
    Failed,
}

#[component]
pub fn App(host: Host) -> impl IntoView {
    let lang = RwSignal::new(host.lang);
    let load = RwSignal::new(Load::Loading);
    // A reload in the middle of a booking comes back to it.
    let selected = RwSignal::new(host.service.clone().or_else(flow::kept_service));
    let manage = RwSignal::new(host.manage.clone());
    let exits = Exits { selected, manage };
    let host = StoredValue::new(host);
    let prerendered = host.with_value(|h| h.prerendered.clone());
    let has_prerender = prerendered.is_some();
    let api_base = StoredValue::new(host.with_value(|h| h.api_base.clone()));

    // Copy (it holds only handles), so the retry button can call it again.
    let fetch = move || {
        let base = api_base.get_value();
        load.set(Load::Loading);
        spawn_local(async move {
            load.set(match api::catalogue(&base).await {
                Ok(c) => {
                    host::mark("jazylu-ready");
                    Load::Ready(Arc::new(c))
                }
                Err(e) => {
                    web_sys::console::warn_1(&format!("Jazylu: catalogue not loaded ({})", e.code()).into());
                    Load::Failed
                }
            });
        });
    };
    fetch();

    // Derived, not a Memo: a Memo would compare whole catalogues (and bring that code along).
    let catalogue = Signal::derive(move || match load.get() {
        Load::Ready(c) => Some(c),
        _ => None,
    });

    let status = move || {
        let t = texts(lang.get());
        match load.get() {
            Load::Failed => Some(Either::Left(view! {
                <div class="jz-error" role="alert">
                    <p>{t.load_failed}</p>
                    <button type="button" class="jz-retry" on:click=move |_| fetch()>{t.retry}</button>
                </div>
            })),
            Load::Loading if !has_prerender => {
                Some(Either::Right(view! { <p class="jz-status" role="status">{t.loading}</p> }))
            }
            _ => None,
        }
    };

    let body = move || {
        let c = catalogue.get();
        let start = match (manage.get(), selected.get()) {
            (Some((reference, token)), _) => Some(jazylu_core::flow::Flow::manage(&reference, &token)),
            (None, Some(id)) if c.as_ref().is_some_and(|c| c.service(&id).is_some()) => {
                Some(host.with_value(|h| flow::resume(&id, h)))
            }
            _ => None,
        };
        match start.zip(c) {
            Some((start, c)) => Either::Left(
                view! { <BookingFlow catalogue=c lang exits start api_base=api_base.get_value() /> },
            ),
            None => {
                Either::Right(view! { <PriceList catalogue lang selected prerendered=prerendered.clone() /> })
            }
        }
    };

    view! {
        <div class="jz-app" aria-busy=move || matches!(load.get(), Load::Loading).to_string()>
            {status}
            {body}
        </div>
    }
}

//! The widget's root: loads the catalogue, holds the language, and shows the price list or hands
//! over to the booking flow.

use crate::api;
use crate::booking::{resume_service, BookingFlow};
use crate::host::{drop_server_copy, Host};
use crate::prices::PriceList;
use jazylu_core::flow::Event;
use jazylu_core::Catalogue;
use jazylu_i18n::words as texts;
use jazylu_views::handler;
use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// What the booking flow is started with.
#[derive(Clone)]
pub struct Handover {
    pub catalogue: Arc<Catalogue>,
    pub service: String,
    /// A doctor the link named for that service, or empty.
    pub doctor: String,
    /// `REF.TOKEN` of a manage link, or empty.
    pub manage: String,
    pub api_base: String,
}

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
    let selected = RwSignal::new(host.service.clone().or_else(resume_service));
    let manage = RwSignal::new(host.manage.clone());
    let server_copy = host.server_copy;
    let host = StoredValue::new(host);

    // Copy (it holds only handles), so the retry button can call it again.
    let fetch = move || {
        let base = host.with_value(|h| h.api_base.clone());
        load.set(Load::Loading);
        spawn_local(async move {
            load.set(match api::catalogue(&base).await {
                Ok(c) => {
                    jazylu_web::mark("jazylu-ready");
                    jazylu_web::emit(Some(Event::Viewed));
                    Load::Ready(Arc::new(c))
                }
                Err(e) => {
                    web_sys::console::warn_2(&"Jazylu: catalogue not loaded".into(), &e.code().into());
                    Load::Failed
                }
            });
        });
    };
    fetch();

    // Back from the booking flow to the prices, with focus on their heading.
    let on_exit = Callback::new(move |()| {
        manage.set(None);
        selected.set(None);
        request_animation_frame(|| jazylu_web::focus("jz-prices-title"));
    });

    // A language switch (not the first language) shows in the document and the address.
    Effect::new(move |first: Option<()>| {
        let l = lang.get();
        if first.is_some() {
            if let Load::Ready(c) = load.get_untracked() {
                jazylu_web::show_lang(l, &jazylu_i18n::words(l).page_title(c.clinic().name.get(l)));
            }
        }
    });

    let status = move || {
        let t = texts(lang.get());
        match load.get() {
            Load::Failed => Some(Either::Left(view! {
                <div class="jz-error" role="alert">
                    <p>{t.load_failed}</p>
                    <button type="button" class="jz-retry" on:click=handler(move |_| fetch())>{t.retry}</button>
                </div>
            })),
            Load::Loading if !server_copy => {
                Some(Either::Right(view! { <p class="jz-status" role="status">{t.loading_prices}</p> }))
            }
            _ => None,
        }
    };

    // One view of each kind: every `view!` is code in the wasm.
    let body = move || {
        let Load::Ready(c) = load.get() else { return None };
        // The widget's own view replaces the server's from here on.
        drop_server_copy();
        let service = selected.get().filter(|id| c.service(id).is_some());
        let link = manage.get();
        Some(if service.is_some() || link.is_some() {
            let service = service.unwrap_or_default();
            // Only for the service the link named.
            let doctor =
                host.with_value(|h| h.doctor.clone().filter(|_| h.service.as_ref() == Some(&service)));
            let handover = Handover {
                catalogue: c,
                doctor: doctor.unwrap_or_default(),
                service,
                manage: link.unwrap_or_default(),
                api_base: host.with_value(|h| h.api_base.clone()),
            };
            Either::Left(view! { <BookingFlow handover lang on_exit /> })
        } else {
            Either::Right(view! { <PriceList catalogue=c lang selected /> })
        })
    };

    view! {
        <div class="jz-app" aria-busy=move || matches!(load.get(), Load::Loading).to_string()>
            {status}
            {body}
        </div>
    }
}

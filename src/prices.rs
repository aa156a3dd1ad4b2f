//! The price list. Its markup comes from `jazylu_core::price_list::render`, the same function the
//! server uses for the page it sends, so the widget takes over without a visible change. Clicks
//! on the language links and "Book" buttons are caught here and handled without a reload.

use crate::handler::handler;
use jazylu_core::{price_list, Catalogue, Lang};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

#[component]
pub fn PriceList(
    catalogue: Signal<Option<Arc<Catalogue>>>,
    lang: RwSignal<Lang>,
    selected: RwSignal<Option<String>>,
    prerendered: Option<String>,
) -> impl IntoView {
    let html = move || match catalogue.get() {
        Some(c) => price_list::render(&c, lang.get(), c.clinic().time_zone.today(jazylu_web::now())),
        None => prerendered.clone().unwrap_or_default(),
    };

    let on_click = move |ev: MouseEvent| {
        // Until the catalogue is here the links do their plain job (a reload in that language).
        if catalogue.get_untracked().is_none() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Ok(Some(el)) = target.closest("a[data-lang],[data-book]") else {
            return;
        };
        if let Some(l) = el.get_attribute("data-lang").and_then(|l| Lang::from_tag(&l)) {
            ev.prevent_default();
            lang.set(l);
            if let Some(c) = catalogue.get_untracked() {
                jazylu_web::show_lang(l, &jazylu_i18n::words(l).page_title(c.clinic().name.get(l)));
            }
        } else if let Some(id) = el.get_attribute("data-book") {
            ev.prevent_default();
            selected.set(Some(id));
        }
    };

    view! { <div class="jz-prices" on:click=handler(on_click) inner_html=html></div> }
}

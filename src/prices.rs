//! The price list in the browser: the same view the server put into the page (`jazylu-views`),
//! made afresh in the language chosen, its links handled in place.

use crate::fresh::fresh;
use jazylu_core::{Catalogue, Lang};
use jazylu_views::price_list;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn PriceList(
    catalogue: Arc<Catalogue>,
    lang: RwSignal<Lang>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    fresh(
        move || lang.get(),
        move |l| {
            let today = catalogue.clinic().time_zone.today(jazylu_web::now());
            price_list(&catalogue, l, today, move |l| lang.set(l), move |id| selected.set(Some(id)))
        },
    )
}

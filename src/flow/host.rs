//! Hands the page over to the booking flow (`crate::flow`) when a visitor books, and gets the
//! visitor back (with their language) when they leave it.

use crate::app::Handover;
use jazylu_core::Lang;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The element the flow paints into.
const ROOT: &str = "jz-flow-root";

#[component]
pub fn BookingHost(
    handover: Handover,
    lang: RwSignal<Lang>,
    selected: RwSignal<Option<String>>,
    manage: RwSignal<Option<String>>,
) -> impl IntoView {
    let open = move || {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(ROOT));
        let Some(root) = root.and_then(|r| r.dyn_into::<HtmlElement>().ok()) else { return };
        let exit: Rc<dyn Fn(Lang)> = Rc::new(move |l| back_to_prices(l, lang, selected, manage));
        let h = handover.clone();
        super::start(root, h.catalogue, lang.get_untracked(), &h.service, &h.manage, h.api_base, exit);
    };
    // After this view is in the page.
    request_animation_frame(open);
    view! { <div class="jz-flow-root" id=ROOT></div> }
}

/// Back to the price list, in the language the visitor ended with.
#[inline(never)]
fn back_to_prices(
    l: Lang,
    lang: RwSignal<Lang>,
    selected: RwSignal<Option<String>>,
    manage: RwSignal<Option<String>>,
) {
    lang.set(l);
    manage.set(None);
    selected.set(None);
    request_animation_frame(|| jazylu_web::focus("jz-prices-title"));
}

/// The service of a booking this tab was in the middle of, to come back to it after a reload
/// (the flow keeps it in `sessionStorage`).
pub fn resume_service() -> Option<String> {
    jazylu_web::tab::storage()?.get_item(jazylu_web::tab::RESUME).ok()?
}

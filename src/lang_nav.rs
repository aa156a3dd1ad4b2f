//! The booking flow's language switch: the price list's, switching the flow in place.

use jazylu_core::Lang;
use leptos::prelude::*;

#[component]
pub fn LangNav(lang: RwSignal<Lang>) -> impl IntoView {
    // Made afresh with the step on a language switch, so it reads the language once.
    jazylu_views::lang_nav(lang.get_untracked(), move |l| lang.set(l))
}

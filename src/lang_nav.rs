//! The language switch of the booking flow: plain links (`?lang=ru`) that switch in place.

use crate::handler::handler;
use jazylu_core::Lang;
use jazylu_i18n::words;
use leptos::prelude::*;

#[component]
pub fn LangNav(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <nav class="jz-langs" aria-label=move || words(lang.get()).language>
            {Lang::ALL.into_iter().map(|l| view! {
                <a href=format!("?lang={}", l.code()) hreflang=l.code() lang=l.code()
                    aria-current=move || (lang.get() == l).then_some("true")
                    on:click=handler(move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        lang.set(l);
                    })>
                    {l.endonym()}
                </a>
            }).collect_view()}
        </nav>
    }
}

//! The language switch: a link per language (`?lang=ru`), switched in place by `choose`.

use crate::{handler, wants_browser};
use jazylu_core::Lang;
use jazylu_i18n::words;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

pub fn lang_nav(lang: Lang, choose: impl Fn(Lang) + Copy + 'static) -> impl IntoView {
    view! {
        <nav class="jz-langs" aria-label=words(lang).language>
            {Lang::ALL.into_iter().map(|l| view! {
                <a href=format!("?lang={}", l.code()) hreflang=l.code() lang=l.code()
                    aria-current=(l == lang).then_some("true")
                    on:click=handler(move |ev: MouseEvent| {
                        if !wants_browser(&ev) {
                            ev.prevent_default();
                            choose(l);
                        }
                    })>
                    {l.endonym()}
                </a>
            }).collect_view()}
        </nav>
    }
}

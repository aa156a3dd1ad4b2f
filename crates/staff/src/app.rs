//! The root: the language, signing in with a staff token, and the two pages (price list,
//! bookings).

use crate::api::{self, Failure};
use crate::session;
use jazylu_core::{Catalogue, Lang};
use jazylu_i18n::{staff_words, StaffWords};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// What every staff view reads: the language, the token, and the catalogue served now.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub token: RwSignal<Option<String>>,
    pub served: RwSignal<Option<Arc<Catalogue>>>,
}

impl Ctx {
    pub fn w(&self) -> &'static StaffWords {
        staff_words(self.lang.get())
    }

    pub fn token(&self) -> String {
        self.token.get_untracked().unwrap_or_default()
    }

    /// A 401 means the token no longer works: back to signing in.
    pub fn failed(&self, f: &Failure) {
        if *f == Failure::SignedOut {
            session::keep_token(None);
            self.token.set(None);
        }
    }

    pub fn reload_catalogue(&self) {
        let served = self.served;
        spawn_local(async move { served.set(api::catalogue().await.map(Arc::new)) });
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Prices,
    Bookings,
}

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(session::lang());
    session::keep_lang(lang.get_untracked());
    let ctx = Ctx { lang, token: RwSignal::new(session::token()), served: RwSignal::new(None) };
    ctx.reload_catalogue();
    let tab = RwSignal::new(Tab::Bookings);
    Effect::new(move |_| {
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(ctx.w().title);
        }
    });
    let sign_out = move |_| {
        session::keep_token(None);
        ctx.token.set(None);
    };
    let tab_button = move |which: Tab, label: fn(&StaffWords) -> &'static str| {
        view! {
            <button type="button" class="st-tab" aria-pressed=move || (tab.get() == which).to_string()
                on:click=move |_| tab.set(which)>{move || label(ctx.w())}</button>
        }
    };
    view! {
        <header class="st-head">
            <p class="st-brand">{move || ctx.w().title}</p>
            <LangSelect ctx />
            <Show when=move || ctx.token.get().is_some()>
                <nav class="st-tabs" aria-label="Jazylu">
                    {tab_button(Tab::Bookings, |w| w.tab_bookings)}
                    {tab_button(Tab::Prices, |w| w.tab_prices)}
                </nav>
                <button type="button" class="st-quiet" on:click=sign_out>{move || ctx.w().sign_out}</button>
            </Show>
        </header>
        <main class="st-main">
            {move || match (ctx.token.get().is_some(), tab.get()) {
                (false, _) => view! { <SignIn ctx /> }.into_any(),
                (true, Tab::Prices) => view! { <crate::prices::Prices ctx /> }.into_any(),
                (true, Tab::Bookings) => view! { <crate::inbox::Inbox ctx /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn LangSelect(ctx: Ctx) -> impl IntoView {
    let choose = move |ev| {
        if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
            session::keep_lang(l);
            ctx.lang.set(l);
        }
    };
    view! {
        <select class="st-lang" aria-label="Тіл / Язык / Language" on:change=choose>
            {Lang::ALL.map(|l| view! {
                <option value=l.code() selected=move || ctx.lang.get() == l>{l.endonym()}</option>
            })}
        </select>
    }
}

/// The token is tried on a staff route before it is kept.
#[component]
fn SignIn(ctx: Ctx) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Failure>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let token = typed.get_untracked().trim().to_string();
        if token.is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match api::text("GET", "/api/staff/catalog/versions", &token, None).await {
                Ok(_) => {
                    session::keep_token(Some(&token));
                    ctx.token.set(Some(token));
                }
                Err(f) => {
                    problem.try_set(Some(f));
                    jazylu_web::focus("st-token");
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <form class="st-card st-signin" on:submit=submit>
            <h1>{move || ctx.w().sign_in_title}</h1>
            <label for="st-token">{move || ctx.w().token_label}</label>
            <input id="st-token" type="password" autocomplete="off" spellcheck="false" required
                aria-describedby="st-token-hint st-token-error"
                aria-invalid=move || problem.get().is_some().to_string()
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            <p id="st-token-hint" class="st-hint">{move || ctx.w().token_hint}</p>
            <p id="st-token-error" class="st-alert" role="alert">{move || problem.get().map(|f| f.said(ctx.w()))}</p>
            <button type="submit" disabled=move || busy.get()>
                {move || if busy.get() { ctx.w().working } else { ctx.w().sign_in }}
            </button>
        </form>
    }
}

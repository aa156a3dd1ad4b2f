//! Step 1: one of the service's doctors, or any available one.

use super::Ctx;
use jazylu_i18n::Words;
use jazylu_views::handler;
use leptos::prelude::*;

#[component]
pub fn Doctor(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let service = ctx.peek(|f| f.form.service.clone());
    let doctors: Vec<(String, String, String)> = ctx.cat(|c| {
        c.service(&service)
            .map(|s| s.doctors.iter().filter_map(|id| c.doctor(id.as_str())).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.id.to_string(), d.name.get(lang).to_string(), d.specialty.get(lang).to_string()))
            .collect()
    });
    let chosen = move |id: &str| ctx.with(|f| f.doctor.as_deref().unwrap_or("") == id);
    let choose = move |id: String| ctx.update(|f| f.choose_doctor(&id));
    let any = (doctors.len() > 1).then(|| {
        view! {
            <li><button type="button" aria-pressed=move || chosen("").to_string() on:click=handler(move |_| choose(String::new()))>
                <strong>{w.any_doctor}</strong>
            </button></li>
        }
    });
    view! {
        {super::time::notice(ctx, w)}
        <ul class="jz-choices">
            {any}
            {doctors.into_iter().map(|(id, name, specialty)| {
                let pressed = id.clone();
                view! {
                    <li><button type="button" aria-pressed=move || chosen(&pressed).to_string()
                        on:click=handler(move |_| choose(id.clone()))>
                        <strong>{name}</strong> " " <span>{specialty}</span>
                    </button></li>
                }
            }).collect_view()}
        </ul>
    }
}

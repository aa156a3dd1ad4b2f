//! Step 3: the patient, and the legal representative when the patient is under 18 or someone
//! books for them.

use super::fields::{problem, Check, Input, Kind, Person};
use super::Ctx;
use jazylu_core::booking::{Field, Relation};
use jazylu_i18n::Words;
use jazylu_views::handler;
use leptos::prelude::*;

#[component]
pub fn Patient(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let minor = move || ctx.with(|f| ctx.cat(|c| f.minor(c, jazylu_web::now())));
    let as_rep = Signal::derive(move || ctx.with(|f| f.as_representative));
    let whatsapp = Signal::derive(move || ctx.with(|f| f.form.patient.whatsapp));
    let guarantee = Signal::derive(move || ctx.with(|f| f.representative.guarantee));
    let relation_problem = move || problem(ctx, Field::Relation);
    view! {
        <form class="jz-form" novalidate on:submit=handler(move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            ctx.update(|f| ctx.cat(|c| f.next(c, jazylu_web::now())));
        })>
            <p class="jz-hint">{w.required_legend}</p>
            <fieldset>
                <legend class="jz-sr">{w.patient}</legend>
                <Person ctx at=Field::Patient patient=true phone_hint=w.phone_hint />
                <Input ctx field=Field::Address label=w.address kind=Kind::Text("street-address") />
                <Check ctx name="patient.whatsapp" label=w.whatsapp_results checked=whatsapp />
            </fieldset>
            <p class="jz-note" id="jz-minor" role="status">{move || minor().then_some(w.minor_note)}</p>
            <Check ctx name="as_representative" label=w.as_representative checked=as_rep field=Field::Representative />
            <fieldset id="jz-rep" hidden=move || !as_rep.get()>
                <legend>{w.representative}</legend>
                // With a representative, the patient's own phone may stay empty.
                <p class="jz-note">{w.phone_optional_hint}</p>
                <Person ctx at=Field::Rep patient=false phone_hint=w.phone_hint />
                <div class="jz-field">
                    <label for="jz-f-representative.relation">{w.relation}</label>
                    <select id="jz-f-representative.relation" name="representative.relation"
                        aria-describedby="jz-e-representative.relation"
                        aria-invalid=move || relation_problem().map(|_| "true")
                        prop:value=move || ctx.with(|f| f.representative.relation.clone())
                        on:change=handler(move |ev| {
                            let value = event_target_value(&ev);
                            ctx.update(|f| {
                                f.set("representative.relation", &value, false);
                                ctx.cat(|c| f.leave_field(Field::Relation, c, jazylu_web::now()));
                            });
                        })>
                        <option value="">{w.choose}</option>
                        {Relation::ALL.into_iter().map(|r| view! {
                            <option value=r.code()>{r.word(w)}</option>
                        }).collect_view()}
                    </select>
                    <p class="jz-err" id="jz-e-representative.relation">{relation_problem}</p>
                </div>
                <Check ctx name="representative.guarantee" label=w.guarantee checked=guarantee field=Field::Guarantee />
            </fieldset>
            <Nav ctx w />
        </form>
    }
}

/// Back and Next under a form; Next submits it.
#[component]
pub fn Nav(ctx: Ctx, w: &'static Words) -> impl IntoView {
    view! {
        <div class="jz-nav">
            <button type="button" class="jz-back2" on:click=handler(move |_| ctx.update(|f| f.back()))>{w.back}</button>
            <button type="submit" class="jz-primary">{w.next}</button>
        </div>
    }
}

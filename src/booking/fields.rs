//! A labelled input and a checkbox, each with its message under it. Inputs are named by their
//! error paths (`patient.iin`), with `id="jz-f-{path}"`, so the summary's links find them.

use super::Ctx;
use jazylu_core::booking::{Field, PersonField};
use jazylu_core::flow::mask_iin;
use jazylu_core::ident::Iin;
use jazylu_views::handler;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

/// How an input is typed and filled in.
#[derive(Clone, Copy)]
pub enum Kind {
    Text(&'static str),
    Iin,
    Date(&'static str),
    Phone(&'static str),
}

/// The message of the field's problem, if it has one (tracked).
pub fn problem(ctx: Ctx, field: Field) -> Option<&'static str> {
    let code = ctx.with(|f| f.errors.iter().find(|e| e.field == field).map(|e| e.code))?;
    Some(ctx.w().field_message(code))
}

#[component]
pub fn Input(
    ctx: Ctx,
    field: Field,
    label: &'static str,
    kind: Kind,
    #[prop(optional)] hint: Option<&'static str>,
    /// May stay empty: no required mark (a field is required unless this says so). The
    /// patient's phone keeps its mark when a representative books; its hint says it may stay empty.
    #[prop(optional)]
    optional: bool,
) -> impl IntoView {
    let path = field.path();
    let id = format!("jz-f-{path}");
    let message_id = format!("jz-e-{path}");
    let hint_id = format!("jz-h-{path}");
    let described = if hint.is_some() { format!("{message_id} {hint_id}") } else { message_id.clone() };
    let focused = RwSignal::new(false);
    let is_iin = matches!(kind, Kind::Iin);
    // A valid IIN is shown masked except while it is edited.
    let shown = move || {
        let value = ctx.with(|f| f.value(field).to_string());
        if is_iin && !focused.get() && Iin::parse(&value).is_ok() {
            mask_iin(&value)
        } else {
            value
        }
    };
    let (ty, mode, auto) = match kind {
        Kind::Text(auto) => ("text", "text", auto),
        Kind::Iin => ("text", "numeric", "off"),
        Kind::Date(auto) => ("text", "numeric", auto),
        Kind::Phone(auto) => ("tel", "tel", auto),
    };
    let on_focus = move |ev: leptos::ev::FocusEvent| {
        focused.set(true);
        if is_iin {
            // The full number to edit, selected, so typing replaces the masked one.
            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                input.set_value(&ctx.peek(|f| f.value(field).to_string()));
                input.select();
            }
        }
    };
    let on_blur = move |_| {
        focused.set(false);
        ctx.update(|f| {
            ctx.cat(|c| f.leave_field(field, c, jazylu_web::now()));
        });
    };
    view! {
        // A required field's label is marked by the stylesheet (a visual "*", silent to screen
        // readers, which hear `aria-required`).
        <div class=if optional { "jz-field" } else { "jz-field jz-req" }>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="jz-hint" id=hint_id>{h}</p> })}
            <input id=id name=path type=ty inputmode=mode autocomplete=auto maxlength=if is_iin { Some("15") } else { None }
                aria-describedby=described
                aria-required=(!optional).then_some("true")
                aria-invalid=move || problem(ctx, field).map(|_| "true")
                prop:value=shown
                on:input=handler(move |ev| {
                    let value = event_target_value(&ev);
                    ctx.set(|f| f.set(path, &value, false));
                    // Kept for the tab as it is typed: a reload loses nothing.
                    ctx.peek(super::effects::save);
                })
                on:focus=handler(on_focus)
                on:blur=handler(on_blur) />
            <p class="jz-err" id=message_id>{move || problem(ctx, field)}</p>
        </div>
    }
}

/// A checkbox; `name` is a field path or one of the flow's own boxes. `value` goes to the flow
/// with the tick (a consent's document version).
#[component]
pub fn Check(
    ctx: Ctx,
    name: &'static str,
    label: &'static str,
    checked: Signal<bool>,
    #[prop(optional)] field: Option<Field>,
    #[prop(optional)] value: String,
) -> impl IntoView {
    let id = format!("jz-f-{name}");
    let message_id = format!("jz-e-{name}");
    let message = move || field.and_then(|f| problem(ctx, f));
    view! {
        <div class="jz-check">
            <input type="checkbox" id=id.clone() name=name aria-describedby=message_id.clone()
                aria-invalid=move || message().map(|_| "true")
                prop:checked=checked
                on:change=handler(move |ev| {
                    let on = event_target_checked(&ev);
                    ctx.update(|f| {
                        f.set(name, &value, on);
                        // A box ticked is its own answer: its message goes at once.
                        if on {
                            f.errors.retain(|e| Some(e.field) != field);
                        }
                    });
                }) />
            <label for=id>{label}</label>
            <p class="jz-err" id=message_id>{message}</p>
        </div>
    }
}

/// The six fields of a person, named for where the block sits.
#[component]
pub fn Person(
    ctx: Ctx,
    at: fn(PersonField) -> Field,
    patient: bool,
    phone_hint: &'static str,
) -> impl IntoView {
    let w = ctx.w();
    // The patient's own details may be filled in by the browser; the representative's not.
    let auto = |a: &'static str| if patient { a } else { "off" };
    view! {
        <Input ctx field=at(PersonField::Surname) label=w.surname kind=Kind::Text(auto("family-name")) />
        <Input ctx field=at(PersonField::GivenName) label=w.given_name kind=Kind::Text(auto("given-name")) />
        <Input ctx field=at(PersonField::Patronymic) label=w.patronymic kind=Kind::Text(auto("additional-name"))
            optional=true />
        <Input ctx field=at(PersonField::Iin) label=w.iin kind=Kind::Iin hint=w.iin_hint />
        <Input ctx field=at(PersonField::BirthDate) label=w.birth_date kind=Kind::Date(auto("bday")) hint=w.birth_date_hint />
        <Input ctx field=at(PersonField::Phone) label=w.phone kind=Kind::Phone(auto("tel")) hint=phone_hint />
    }
}

//! Around every numbered step: the way back, the service booked, the progress, the step's
//! heading and the list of what needs attention.

use super::{consents, doctor, patient, review, time, Ctx};
use crate::lang_nav::LangNav;
use jazylu_core::booking::{Field, PersonField};
use jazylu_core::flow::{field_focus, Step};
use jazylu_i18n::Words;
use jazylu_views::handler;
use leptos::either::EitherOf5;
use leptos::prelude::*;

#[component]
pub fn Shell(ctx: Ctx, step: Step) -> impl IntoView {
    let at = Step::NUMBERED.iter().position(|s| *s == step).unwrap_or(0);
    let back = move |_| {
        if step == Step::Doctor {
            ctx.exit();
        } else {
            ctx.update(|f| f.back());
        }
    };
    {
        let w = ctx.w();
        let title = match step {
            Step::Doctor => w.choose_doctor,
            Step::Time => w.choose_time,
            Step::Patient => w.patient,
            Step::Consents => w.consents,
            _ => w.review,
        };
        let body = match step {
            Step::Doctor => EitherOf5::A(view! { <doctor::Doctor ctx w /> }),
            Step::Time => EitherOf5::B(view! { <time::Time ctx w /> }),
            Step::Patient => EitherOf5::C(view! { <patient::Patient ctx w /> }),
            Step::Consents => EitherOf5::D(view! { <consents::Consents ctx w /> }),
            _ => EitherOf5::E(view! { <review::Review ctx w /> }),
        };
        view! {
            <LangNav lang=ctx.lang />
            <section class="jz-flow" aria-labelledby="jz-step-title">
                <button type="button" class="jz-back" on:click=handler(back)>
                    "← " {if step == Step::Doctor { w.back_to_prices } else { w.back }}
                </button>
                <ServiceLine ctx w />
                <ol class="jz-progress">
                    {w.steps.iter().enumerate().map(|(i, name)| view! {
                        <li class:jz-past=i < at aria-current=(i == at).then_some("step")><span>{*name}</span></li>
                    }).collect_view()}
                </ol>
                <h2 id="jz-step-title" tabindex="-1">
                    <span class="jz-stepno">{w.step_of(at + 1, Step::NUMBERED.len())}</span> " " {title}
                </h2>
                <Summary ctx w step />
                {body}
            </section>
        }
    }
}

/// The service, its length and its price on the chosen day (today before a time is chosen).
#[component]
fn ServiceLine(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let line = move || {
        ctx.with(|f| -> Option<(String, String, String)> {
            ctx.cat(|c| {
                let s = c.service(&f.form.service)?;
                let price = match &f.slot {
                    Some((_, start)) => c.price_at(s, *start).now,
                    None => s.price_on(c.clinic().time_zone.today(jazylu_web::now())).now,
                };
                let lang = ctx.lang.get_untracked();
                Some((s.name.get(lang).to_string(), w.duration(s.duration.get().into()), price.to_string()))
            })
        })
    };
    super::fresh(line, |l| {
        l.map(|(name, minutes, price)| {
            view! {
                <p class="jz-booking-svc"><strong>{name}</strong> " " <span>{minutes}</span> " " <span>{price}</span></p>
            }
        })
    })
}

/// The label of a field as the summary names it.
pub fn label(w: &'static Words, field: Field) -> String {
    use PersonField as P;
    let person = |p: P| match p {
        P::Surname => w.surname,
        P::GivenName => w.given_name,
        P::Patronymic => w.patronymic,
        P::Iin => w.iin,
        P::BirthDate => w.birth_date,
        P::Phone => w.phone,
    };
    match field {
        Field::Patient(p) => person(p).to_string(),
        Field::Rep(p) => format!("{}: {}", w.representative, person(p)),
        Field::Address => w.address.to_string(),
        Field::Representative => w.representative.to_string(),
        Field::Relation => format!("{}: {}", w.representative, w.relation),
        Field::Guarantee => format!("{}: {}", w.representative, w.guarantee),
        Field::ConsentOffer => w.consent_offer.to_string(),
        Field::ConsentPersonalData => w.consent_personal_data.to_string(),
        Field::Service | Field::Doctor | Field::Slot => w.when.to_string(),
    }
}

/// "Please check: IIN, Phone": why Next did not go on, each a link to its field. It follows
/// the fields as they are fixed.
#[component]
fn Summary(ctx: Ctx, w: &'static Words, step: Step) -> impl IntoView {
    let here = move || {
        ctx.with(|f| {
            f.errors.iter().map(|e| e.field).filter(|f| Step::of_field(*f) == step).collect::<Vec<_>>()
        })
    };
    super::fresh(here, move |fields| {
        // The doctor and time steps say why in their own notice.
        (!fields.is_empty() && !matches!(step, Step::Doctor | Step::Time)).then(|| {
            view! {
                <div class="jz-alert" role="alert" id="jz-summary">
                    <p>{w.fix_fields}</p>
                    <ul>
                        {fields.into_iter().map(|field| {
                            let id = field_focus(field.path());
                            let target = id.clone();
                            view! {
                                <li><a href=format!("#{id}") on:click=handler(move |ev: leptos::ev::MouseEvent| {
                                    ev.prevent_default();
                                    jazylu_web::focus(&target);
                                })>{label(w, field)}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    })
}

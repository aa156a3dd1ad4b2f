//! Step 2: a month grid of the days with free times, then the times of the chosen day. Free
//! times are computed here from the busy time loaded once (core's `free_slots`), always in
//! clinic time. Each grid is one Tab stop; arrow keys move within it.

use super::{effects, keys, Ctx};
use chrono::{Datelike, NaiveDate, Timelike};
use jazylu_core::availability::{calendar_months, free_days, Slot};
use jazylu_core::clock::{Instant, IsoDate};
use jazylu_core::flow::{Flow, Times};
use jazylu_i18n::Words;
use jazylu_views::handler;
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// Why the visitor is asked to choose again (a time taken, a doctor no longer there), if so.
pub fn notice(ctx: Ctx, w: &'static Words) -> impl IntoView {
    move || {
        ctx.with(|f| f.slot_notice)
            .map(|code| view! { <p class="jz-alert" role="alert">{w.field_message(code)}</p> })
    }
}

#[component]
pub fn Time(ctx: Ctx, w: &'static Words) -> impl IntoView {
    let slots = Memo::new(move |_| ctx.with(|f| ctx.cat(|c| f.offered(c, jazylu_web::now()))));
    let state = move || {
        let loading = ctx.with(|f| match f.times {
            Times::Loading => Some(true),
            Times::Failed => Some(false),
            Times::Ready(_) => None,
        });
        (loading, slots.get())
    };
    let body = super::fresh(state, move |state| match state {
        (Some(true), _) => EitherOf4::A(view! { <p class="jz-status">{w.loading_times}</p> }),
        (Some(false), _) => EitherOf4::B(view! {
            <div class="jz-error" role="alert">
                <p>{w.times_failed}</p>
                <button type="button" class="jz-retry" on:click=handler(move |_| effects::load_times(ctx))>{w.retry}</button>
            </div>
        }),
        (None, Some(slots)) if !slots.is_empty() => {
            EitherOf4::C(view! { <Days ctx w slots=slots.clone() /> })
        }
        _ => EitherOf4::D(view! { <p class="jz-note">{w.no_times_at_all}</p> }),
    });
    view! { {notice(ctx, w)} {body} }
}

/// The calendar and the times of the chosen day.
#[component]
fn Days(ctx: Ctx, w: &'static Words, slots: Vec<Slot>) -> impl IntoView {
    let zone = ctx.cat(|c| c.clinic().time_zone.offset());
    let day_of = move |s: &Slot| s.start.with_timezone(&zone).date_naive();
    let free = free_days(&slots, zone);
    let (Some(first), Some(last)) = (free.first().copied(), free.last().copied()) else { return None };
    let day = Memo::new(move |_| ctx.with(|f| f.day).filter(|d| (first..=last).contains(d)).unwrap_or(first));
    let months = ctx.cat(|c| calendar_months(c.clinic().time_zone.today(jazylu_web::now()), &free));
    let choose = move |d: NaiveDate| ctx.update(|f| f.choose_day(&IsoDate(d).to_string()));
    let grid = months
        .into_iter()
        .map(|month| {
            let name = w.month_year(month);
            let lead = month.weekday().num_days_from_monday() as usize;
            let dates: Vec<NaiveDate> = month.iter_days().take_while(|d| d.month() == month.month()).collect();
            let open_days = free.clone();
            view! {
                <p class="jz-month" aria-hidden="true">{name.clone()}</p>
                <div class="jz-days" role="group" aria-label=name on:keydown=handler(move |ev| keys::days(ev, &open_days, choose))>
                    {w.weekdays_short().iter().map(|h| view! { <span class="jz-wd" aria-hidden="true">{*h}</span> }).collect_view()}
                    {(0..lead).map(|_| view! { <span></span> }).collect_view()}
                    {dates.into_iter().map(|date| {
                        let n = slots.iter().filter(|s| day_of(s) == date).count();
                        let open = n > 0;
                        view! {
                            <button type="button" class="jz-day" id=format!("jz-day-{}", IsoDate(date))
                                aria-pressed=move || (day.get() == date).to_string()
                                tabindex=move || if day.get() == date { "0" } else { "-1" }
                                aria-label=format!("{}: {}", w.date(date), w.free_slots(n as u32))
                                disabled=!open
                                on:click=handler(move |_| choose(date))>
                                {date.day()}
                            </button>
                        }
                    }).collect_view()}
                </div>
            }
        })
        .collect_view();

    let times = super::fresh(
        move || day.get(),
        move |d| {
            let of_day: Vec<Slot> = slots.iter().filter(|s| day_of(s) == d).cloned().collect();
            let title = w.date(d);
            view! {
                <h3 class="jz-sub" id="jz-times-title">{title} " " <small>"(" {w.clinic_time} ")"</small></h3>
                <ul class="jz-slots" aria-labelledby="jz-times-title" on:keydown=handler(keys::list)>
                    {of_day.into_iter().enumerate().map(|(i, s)| {
                        let local = s.start.with_timezone(&zone);
                        let hm = format!("{:02}:{:02}", local.hour(), local.minute());
                        let value = format!("{}|{}", s.doctor, Instant(s.start));
                        let chosen = ctx.peek(|f| f.slot.as_ref().is_some_and(|(doc, t)| *doc == s.doctor.as_str() && *t == s.start));
                        view! {
                            <li><button type="button" aria-pressed=chosen.to_string() tabindex=if i == 0 || chosen { "0" } else { "-1" }
                                on:click=handler(move |_| {
                                    ctx.update(|f| f.choose_slot(&value));
                                    jazylu_web::emit(ctx.peek(Flow::slot_event));
                                })>{hm}</button></li>
                        }
                    }).collect_view()}
                </ul>
            }
        },
    );
    Some(view! {
        <h3 class="jz-sub">{w.choose_day} " " <small>"(" {w.clinic_time} ")"</small></h3>
        {grid}
        {times}
    })
}

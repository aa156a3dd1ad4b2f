//! The price list: a draft chosen or dropped (CSV or JSON), every problem at its place, the
//! preview in three languages at phone and desktop width on a chosen date, publishing, the
//! versions with their rollback, and a print view for the reception desk.

use crate::api::{self, Body, Failure};
use crate::app::Ctx;
use crate::preview::{Preview, DESKTOP, PHONE};
use jazylu_api::{CatalogVersion, DraftCheck, DraftProblem};
use jazylu_core::{Catalogue, Lang};
use jazylu_i18n::StaffWords;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// A draft as read from its file, and what the check said of it.
#[derive(Clone)]
struct Draft {
    name: String,
    kind: &'static str,
    text: String,
    problems: Vec<DraftProblem>,
    valid: Option<Arc<Catalogue>>,
}

fn kind_of(name: &str) -> &'static str {
    if name.to_ascii_lowercase().ends_with(".csv") {
        "text/csv"
    } else {
        "application/json"
    }
}

fn place(p: &DraftProblem, w: &StaffWords) -> String {
    match (&p.row, &p.column, &p.path) {
        (Some(r), Some(c), _) => format!("{} {r}, {} {c}", w.row, w.column),
        (Some(r), None, _) => format!("{} {r}", w.row),
        (_, _, Some(path)) => path.clone(),
        _ => String::new(),
    }
}

#[component]
pub fn Prices(ctx: Ctx) -> impl IntoView {
    let draft = RwSignal::new(None::<Draft>);
    let busy = RwSignal::new(false);
    let said = RwSignal::new(None::<Result<String, Failure>>);
    let versions = RwSignal::new(Vec::<CatalogVersion>::new());
    let today =
        ctx.served.with_untracked(|c| c.as_ref().map(|c| c.clinic().time_zone.today(jazylu_web::now())));
    let date = RwSignal::new(today.unwrap_or_default());
    let wide = RwSignal::new(false);

    let load_versions = move || {
        spawn_local(async move {
            match api::send::<Vec<CatalogVersion>>("GET", "/api/staff/catalog/versions", &ctx.token(), None)
                .await
            {
                Ok(v) => {
                    versions.try_set(v);
                }
                Err(f) => ctx.failed(&f),
            }
        })
    };
    load_versions();

    let check = move |name: String, text: String| {
        busy.set(true);
        said.set(None);
        spawn_local(async move {
            let kind = kind_of(&name);
            let body = Body { kind, text: text.clone() };
            match api::send::<DraftCheck>("POST", "/api/staff/catalog/check", &ctx.token(), Some(body)).await
            {
                Ok(c) => {
                    let valid =
                        c.catalogue.and_then(|v| serde_json::from_value::<Catalogue>(v).ok()).map(Arc::new);
                    draft.try_set(Some(Draft { name, kind, text, problems: c.problems, valid }));
                    jazylu_web::focus("st-draft-result");
                }
                Err(f) => {
                    ctx.failed(&f);
                    said.try_set(Some(Err(f)));
                }
            }
            busy.try_set(false);
        });
    };
    let read = move |file: web_sys::File| {
        let name = file.name();
        spawn_local(async move {
            let text =
                wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            if let Some(text) = text {
                check(name, text);
            }
        });
    };
    let chosen = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read(file);
        }
        // Choosing the same file again, once fixed, reads it again.
        input.set_value("");
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            read(file);
        }
    };
    // After a publication or a rollback: say so, and read what is served now.
    let served_changed = move |done: Result<String, Failure>| {
        if let Err(f) = &done {
            ctx.failed(f);
        } else {
            ctx.reload_catalogue();
            load_versions();
        }
        said.try_set(Some(done));
        busy.try_set(false);
        jazylu_web::focus("st-said");
    };
    let publish = move |_| {
        let Some(d) = draft.get_untracked() else { return };
        busy.set(true);
        spawn_local(async move {
            let body = Body { kind: d.kind, text: d.text };
            let done =
                api::send::<CatalogVersion>("PUT", "/api/staff/catalog", &ctx.token(), Some(body)).await;
            if done.is_ok() {
                draft.try_set(None);
            }
            served_changed(done.map(|v| ctx.w().published.replace("{n}", &v.id.to_string())));
        });
    };
    let restore = move |id: i64| {
        busy.set(true);
        spawn_local(async move {
            let path = format!("/api/staff/catalog/versions/{id}/restore");
            let done = api::send::<CatalogVersion>("POST", &path, &ctx.token(), None).await;
            served_changed(done.map(|_| ctx.w().restored.replace("{n}", &id.to_string())));
        });
    };

    let result = move || {
        draft.get().map(|d| {
            let w = ctx.w();
            let summary = if d.problems.is_empty() {
                w.no_problems.to_string()
            } else {
                w.problems_found.replace("{n}", &d.problems.len().to_string())
            };
            let problems = d
                .problems
                .iter()
                .map(|p| view! { <li><strong>{place(p, w)}</strong> ": " {w.problem(&p.code)}</li> })
                .collect_view();
            let can_publish = d.problems.is_empty() && d.valid.is_some();
            view! {
                <section class="st-card" aria-labelledby="st-draft-result">
                    <h2 id="st-draft-result" tabindex="-1">{d.name.clone()}</h2>
                    <p class=if d.problems.is_empty() { "st-ok" } else { "st-alert" }>{summary}</p>
                    <ul class="st-problems">{problems}</ul>
                    <button type="button" class="st-primary" disabled=move || !can_publish || busy.get() on:click=publish>
                        {move || if busy.get() { ctx.w().working } else { ctx.w().publish }}
                    </button>
                </section>
                <PreviewPanel ctx valid=d.valid.clone() date wide />
            }
        })
    };

    view! {
        <h1 class="st-title">{move || ctx.w().tab_prices}</h1>
        <p id="st-said" tabindex="-1" role="status" class=move || match said.get() { Some(Err(_)) => "st-alert", _ => "st-ok" }>
            {move || said.get().map(|s| match s { Ok(t) => t, Err(f) => f.said(ctx.w()).to_string() })}
        </p>
        <section class="st-card" aria-labelledby="st-draft-title">
            <h2 id="st-draft-title">{move || ctx.w().draft_title}</h2>
            <div class="st-drop" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=dropped>
                <label for="st-file" class="st-file-label">{move || ctx.w().choose_file}</label>
                <input id="st-file" type="file" accept=".csv,.json,text/csv,application/json" on:change=chosen
                    disabled=move || busy.get() />
                <p class="st-hint">{move || ctx.w().drop_here}</p>
            </div>
        </section>
        {result}
        <Versions ctx versions restore busy />
        <PrintView ctx date />
    }
}

/// The valid part of the draft in three languages, at the chosen width, on the chosen date.
#[component]
fn PreviewPanel(
    ctx: Ctx,
    valid: Option<Arc<Catalogue>>,
    date: RwSignal<chrono::NaiveDate>,
    wide: RwSignal<bool>,
) -> impl IntoView {
    let Some(cat) = valid else {
        return view! { <p class="st-hint">{move || ctx.w().preview_none}</p> }.into_any();
    };
    let frames = move || {
        let width = if wide.get() { DESKTOP } else { PHONE };
        let date = date.get();
        Lang::ALL.map(|lang| view! { <Preview cat=cat.clone() lang date width /> }).collect_view()
    };
    let set_date = move |ev| {
        if let Some(d) = jazylu_core::clock::parse_date(&event_target_value(&ev)) {
            date.set(d);
        }
    };
    view! {
        <section class="st-card" aria-labelledby="st-preview-title">
            <h2 id="st-preview-title">{move || ctx.w().preview_title}</h2>
            <div class="st-row">
                <label>{move || ctx.w().prices_on} " "
                    <input type="date" prop:value=move || date.get().to_string() on:change=set_date />
                </label>
                <fieldset class="st-widths">
                    <legend class="st-sr">{move || ctx.w().preview_title}</legend>
                    <label><input type="radio" name="st-width" checked=move || !wide.get() on:change=move |_| wide.set(false) />
                        {move || ctx.w().phone_width} " " {PHONE} " px"</label>
                    <label><input type="radio" name="st-width" checked=move || wide.get() on:change=move |_| wide.set(true) />
                        {move || ctx.w().desktop_width} " " {DESKTOP} " px"</label>
                </fieldset>
            </div>
            <div class="st-previews">{frames}</div>
        </section>
    }
    .into_any()
}

#[component]
fn Versions(
    ctx: Ctx,
    versions: RwSignal<Vec<CatalogVersion>>,
    restore: impl Fn(i64) + Copy + Send + Sync + 'static,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let rows = move || {
        let w = ctx.w();
        versions
            .get()
            .into_iter()
            .map(|v| {
                let id = v.id;
                let action = if v.current {
                    view! { <span class="st-badge">{w.current}</span> }.into_any()
                } else {
                    view! {
                        <button type="button" disabled=move || busy.get() on:click=move |_| restore(id)
                            aria-label=format!("{} {}: {}", w.version, id, w.restore)>{w.restore}</button>
                    }
                    .into_any()
                };
                view! {
                    <tr>
                        <td>{v.id}</td>
                        <td>{crate::time::shown(&v.published_at)}</td>
                        <td>{v.published_by.clone()}</td>
                        <td>{v.services}</td>
                        <td>{action}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="st-card" aria-labelledby="st-versions-title">
            <h2 id="st-versions-title">{move || ctx.w().versions_title}</h2>
            <div class="st-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{move || ctx.w().version}</th>
                        <th scope="col">{move || ctx.w().time}</th>
                        <th scope="col">{move || ctx.w().published_by}</th>
                        <th scope="col">{move || ctx.w().services}</th>
                        <th scope="col"><span class="st-sr">{move || ctx.w().restore}</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The price list served now, for the reception desk: A4, the clinic's name and requisites,
/// "valid from", grouped by category. Only printed (the stylesheet hides it on screen).
#[component]
fn PrintView(ctx: Ctx, date: RwSignal<chrono::NaiveDate>) -> impl IntoView {
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let sheet = move || {
        ctx.served.get().map(|cat| {
            let lang = ctx.lang.get();
            let words = jazylu_i18n::words(lang);
            let day = date.get();
            let clinic = cat.clinic();
            let phones = clinic.phones.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ");
            let groups = cat
                .categories()
                .iter()
                .map(|c| {
                    let rows = cat
                        .services_in(&c.id)
                        .map(|s| {
                            let price = s.price_on(day);
                            view! {
                                <tr><td>{s.name.get(lang).to_string()}</td><td>{s.duration.get()} " " {words.min}</td>
                                <td class="st-num">{price.now.to_string()}</td></tr>
                            }
                        })
                        .collect_view();
                    view! { <h3>{c.name.get(lang).to_string()}</h3><table class="st-print-table"><tbody>{rows}</tbody></table> }
                })
                .collect_view();
            view! {
                <h2>{clinic.name.get(lang).to_string()}</h2>
                <p>{format!("{} · BIN {} · {}", clinic.address.get(lang), clinic.bin.as_str(), phones)}</p>
                <p><strong>{words.prices_title}</strong> " — " {ctx.w().prices_on} " " {day.format("%d.%m.%Y").to_string()}</p>
                <p>{words.prices_in_tenge}</p>
                {groups}
            }
        })
    };
    view! {
        <p><button type="button" on:click=print>{move || ctx.w().print}</button></p>
        <section class="st-print" aria-hidden="true">{sheet}</section>
    }
}

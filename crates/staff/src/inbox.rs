//! The bookings by day: today and the next 7 days unless chosen, filtered by status and doctor,
//! requests first; a request that came in while the call centre was closed says when it is due a
//! call. One opens in full below the list; the list downloads as CSV.

use crate::api::{self, Failure};
use crate::app::Ctx;
use crate::booking::Booking;
use crate::time::shown;
use jazylu_api::{Inbox as List, InboxEntry};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[derive(Clone, PartialEq)]
struct Filter {
    from: String,
    days: String,
    status: String,
    doctor: String,
}

impl Filter {
    fn query(&self) -> String {
        // Left out, the endpoint's defaults: the clinic's today, and 8 days.
        let mut q = Vec::new();
        for (k, v) in
            [("from", &self.from), ("days", &self.days), ("status", &self.status), ("doctor", &self.doctor)]
        {
            if !v.is_empty() {
                q.push(format!("{k}={v}"));
            }
        }
        q.join("&")
    }
}

#[component]
pub fn Inbox(ctx: Ctx) -> impl IntoView {
    let filter = RwSignal::new(Filter {
        from: String::new(),
        days: "8".into(),
        status: String::new(),
        doctor: String::new(),
    });
    let list = RwSignal::new(None::<Result<Vec<InboxEntry>, Failure>>);
    let open = RwSignal::new(None::<String>);

    let load = move || {
        let query = filter.get_untracked().query();
        spawn_local(async move {
            let got =
                api::send::<List>("GET", &format!("/api/staff/bookings?{query}"), &ctx.token(), None).await;
            match &got {
                // The dates the endpoint chose, shown in the filter.
                Ok(l) if filter.try_with_untracked(|f| f.from.is_empty()) == Some(true) => {
                    filter.try_update(|f| f.from = l.from.clone());
                }
                Err(f) => ctx.failed(f),
                _ => {}
            }
            list.try_set(Some(got.map(|l| l.bookings)));
        });
    };
    load();
    let export = move |_| {
        let (query, from) = filter.with_untracked(|f| (f.query(), f.from.clone()));
        spawn_local(async move {
            match api::text("GET", &format!("/api/staff/bookings.csv?{query}"), &ctx.token(), None).await {
                Ok(csv) => download(&csv, &format!("bookings-{from}.csv")),
                Err(f) => {
                    ctx.failed(&f);
                    list.try_set(Some(Err(f)));
                }
            }
        });
    };
    let set = move |field: fn(&mut Filter) -> &mut String| {
        move |ev| {
            let value = event_target_value(&ev);
            filter.update(|f| *field(f) = value);
            load();
        }
    };
    let doctors = move || {
        ctx.served.get().map(|cat| {
            let lang = ctx.lang.get();
            cat.doctors()
                .iter()
                .map(|d| view! { <option value=d.id.to_string()>{d.name.get(lang).to_string()}</option> })
                .collect_view()
        })
    };
    let name_of = move |kind: &str, id: &str| -> String {
        let lang = ctx.lang.get_untracked();
        ctx.served
            .with_untracked(|c| {
                c.as_ref().and_then(|c| match kind {
                    "doctor" => c.doctor(id).map(|d| d.name.get(lang).to_string()),
                    _ => c.service(id).map(|s| s.name.get(lang).to_string()),
                })
            })
            .unwrap_or_else(|| id.to_string())
    };
    let rows = move || {
        let w = ctx.w();
        match list.get() {
            None => view! { <p role="status">{w.working}</p> }.into_any(),
            Some(Err(f)) => view! { <p class="st-alert" role="alert">{f.said(w)}</p> }.into_any(),
            Some(Ok(entries)) if entries.is_empty() => view! { <p>{w.no_bookings}</p> }.into_any(),
            Some(Ok(entries)) => {
                let rows = entries
                    .into_iter()
                    .map(|b| {
                        let reference = b.reference.clone();
                        let status = b.attendance.map_or(b.status.as_str(), |a| match a {
                            jazylu_api::Attendance::Arrived => "arrived",
                            jazylu_api::Attendance::NoShow => "no_show",
                        });
                        let due = b.call_due.as_deref().map(|t| format!("{}: {}", w.call_due, shown(t)));
                        let label = format!("{} {} {}", w.open, b.reference, b.patient);
                        view! {
                            <tr class:st-new=b.status == jazylu_api::Status::Requested>
                                <td>{shown(&b.start)}</td>
                                <td>{name_of("doctor", &b.doctor)}</td>
                                <td>{name_of("service", &b.service)}</td>
                                <td>{if b.erased { w.erased.to_string() } else { b.patient.clone() }}</td>
                                <td>{b.phone.clone().map(|p| view! { <a href=format!("tel:{p}")>{p.clone()}</a> })}</td>
                                <td>{w.status(status)} {due.map(|d| view! { <br/><small>{d}</small> })}</td>
                                <td><button type="button" aria-label=label on:click=move |_| {
                                    open.set(Some(reference.clone()));
                                }>{b.reference.clone()}</button></td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="st-scroll">
                        <table class="st-inbox">
                            <caption class="st-sr">{w.bookings_title}</caption>
                            <thead><tr>
                                <th scope="col">{w.time}</th><th scope="col">{w.doctor}</th><th scope="col">{w.service}</th>
                                <th scope="col">{w.patient}</th><th scope="col">{w.phone}</th><th scope="col">{w.status}</th>
                                <th scope="col"><span class="st-sr">{w.open}</span></th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        }
    };
    let changed = move || {
        load();
        ctx.reload_catalogue();
    };
    view! {
        <h1 class="st-title">{move || ctx.w().bookings_title}</h1>
        <form class="st-card st-filters" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <label>{move || ctx.w().from} " "
                <input type="date" prop:value=move || filter.get().from on:change=set(|f| &mut f.from) /></label>
            <label>{move || ctx.w().days} " "
                <input type="number" min="1" max="366" prop:value=move || filter.get().days on:change=set(|f| &mut f.days) /></label>
            <label>{move || ctx.w().status} " "
                <select on:change=set(|f| &mut f.status)>
                    <option value="">{move || ctx.w().all}</option>
                    <option value="requested">{move || ctx.w().requested}</option>
                    <option value="confirmed">{move || ctx.w().confirmed}</option>
                    <option value="cancelled">{move || ctx.w().cancelled}</option>
                </select></label>
            <label>{move || ctx.w().doctor} " "
                <select on:change=set(|f| &mut f.doctor)>
                    <option value="">{move || ctx.w().all}</option>
                    {doctors}
                </select></label>
            <button type="button" on:click=export>{move || ctx.w().export_csv}</button>
        </form>
        {rows}
        {move || open.get().map(|reference| view! { <Booking ctx reference open changed /> })}
    }
}

/// Saves `text` as a file through a link to a blob: nothing leaves the page.
fn download(text: &str, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) =
        doc.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

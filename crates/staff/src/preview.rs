//! The price list exactly as visitors will see it: the widget's own view (`jazylu_views`) with
//! the widget's stylesheets, in a frame of a phone's or a desktop's width, so that its layout
//! rules for narrow screens apply as they will on a phone.

use jazylu_core::{Catalogue, Lang};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The widths previewed, in CSS pixels.
pub const PHONE: u32 = 360;
pub const DESKTOP: u32 = 1024;

/// The price list's markup in `lang` on `date`, rendered by the same view the widget mounts.
fn markup(cat: Arc<Catalogue>, lang: Lang, date: chrono::NaiveDate) -> String {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return String::new() };
    let Some(holder) = doc.create_element("div").ok().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return String::new();
    };
    let handle = leptos::mount::mount_to(holder.clone(), move || {
        jazylu_views::price_list(&cat, lang, date, |_| {}, |_| {})
    });
    let html = holder.inner_html();
    drop(handle);
    html
}

/// The page's stylesheets, for the frames: the widget's, as trunk linked them here, and the
/// staff pages' own, whose rules (all `.st-…`) touch nothing of the widget.
fn stylesheets() -> String {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return String::new() };
    let Ok(links) = doc.query_selector_all("link[rel=stylesheet]") else { return String::new() };
    (0..links.length())
        .filter_map(|i| links.item(i)?.dyn_into::<web_sys::Element>().ok()?.get_attribute("href"))
        .map(|href| format!(r#"<link rel="stylesheet" href="{}">"#, href.replace('"', "")))
        .collect()
}

/// One language's preview at `width`.
#[component]
pub fn Preview(cat: Arc<Catalogue>, lang: Lang, date: chrono::NaiveDate, width: u32) -> impl IntoView {
    let body = markup(cat, lang, date);
    let doc = format!(
        r#"<!doctype html><html lang="{code}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">{css}</head><body><main class="jz">{body}</main></body></html>"#,
        code = lang.code(),
        css = stylesheets(),
    );
    let title = format!("{} — {}", lang.endonym(), width);
    view! {
        <figure class="st-preview">
            <figcaption lang=lang.code()>{lang.endonym()}</figcaption>
            <iframe title=title srcdoc=doc width=width.to_string() height="640" tabindex="0"></iframe>
        </figure>
    }
}

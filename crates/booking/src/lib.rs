//! The booking flow, a wasm module of its own: the price list (`jazylu`) loads it when a visitor
//! books, so a first visit downloads only what shows prices.
//!
//! Core holds the state and paints each step as HTML; this module keeps the state for the tab,
//! turns clicks, typing and submits into calls on `Flow`, and talks to the endpoint. No framework:
//! the page is painted whole on a step change and patched in place while the visitor types.

mod dom;
mod screen;

use jazylu_core::flow::{manage_link, Flow};
use jazylu_core::{Catalogue, Lang};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Shows the flow in `root`. `service` starts a booking; `manage` (`REF.TOKEN`) opens the manage
/// page instead. `on_exit` is called with the current language code when the visitor goes back
/// to the price list.
#[wasm_bindgen]
pub fn start(
    root: HtmlElement,
    catalogue: &str,
    lang: &str,
    service: &str,
    manage: &str,
    api_base: &str,
    on_exit: js_sys::Function,
) -> Result<(), JsValue> {
    let cat = Catalogue::parse(catalogue).map_err(|_| JsValue::from_str("catalogue_invalid"))?;
    let lang = Lang::from_tag(lang).unwrap_or(Lang::DEFAULT);
    let flow = match manage_link(&format!("manage={manage}")) {
        Some((reference, token)) => Flow::manage(&reference, &token),
        None => {
            let mut f = screen::resume(service);
            (f.form.channel, f.form.utm) = dom::campaign(&root);
            f
        }
    };
    screen::show(root, cat, lang, flow, api_base.to_string(), on_exit);
    Ok(())
}

/// For scripts/bench only (feature `bench`): `free_slots` for `service`, any doctor, over the
/// catalogue's horizon, with every third free slot made busy; the milliseconds of each of `runs`
/// runs, timed in the browser (each the mean of ten calls: the browser's clock is coarse).
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn bench_free_slots(catalogue: &str, service: &str, runs: u32) -> Result<Vec<f64>, JsValue> {
    use jazylu_core::availability::{free_slots, Busy, DoctorChoice};
    let cat = Catalogue::parse(catalogue).map_err(|_| JsValue::from_str("catalogue_invalid"))?;
    let s = cat.service(service).ok_or_else(|| JsValue::from_str("no such service"))?;
    let now = jazylu_web::now();
    let (from, to) = jazylu_core::flow::horizon(&cat, now);
    let busy: Vec<Busy> = free_slots(&cat, s, &DoctorChoice::Any, &[], now, from, to)
        .iter()
        .step_by(3)
        .map(|x| Busy { doctor: x.doctor.clone(), start: x.start, end: x.end })
        .collect();
    let perf =
        web_sys::window().and_then(|w| w.performance()).ok_or_else(|| JsValue::from_str("no performance"))?;
    Ok((0..runs)
        .map(|_| {
            let t = perf.now();
            for _ in 0..10 {
                let n = free_slots(&cat, s, &DoctorChoice::Any, &busy, now, from, to).len();
                // Keeps the call from being optimised away.
                std::hint::black_box(n);
            }
            (perf.now() - t) / 10.0
        })
        .collect())
}

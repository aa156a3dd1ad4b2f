//! For scripts/bench only (feature `bench`, never in the widget a visitor gets): core's
//! `free_slots` timed as wasm in the browser (`bench/slots.mjs`).

use jazylu_core::availability::{free_slots, Busy, DoctorChoice};
use jazylu_core::Catalogue;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// `free_slots` for `service`, any doctor, over the catalogue's horizon, with every third free
/// slot made busy; the milliseconds of each of `runs` runs (each the mean of ten calls: the
/// browser's clock is coarse).
#[wasm_bindgen]
pub fn bench_free_slots(catalogue: &str, service: &str, runs: u32) -> Result<Vec<f64>, JsValue> {
    let cat = Catalogue::parse(catalogue).map_err(|_| JsValue::from_str("catalogue_invalid"))?;
    let s = cat.service(service).ok_or_else(|| JsValue::from_str("no such service"))?;
    let now = jazylu_web::now();
    let w = jazylu_core::availability::Window::horizon(&cat, now);
    let busy: Vec<Busy> = free_slots(&cat, s, &DoctorChoice::Any, &[], now, w.from, w.to)
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
                // black_box keeps the call from being optimised away.
                std::hint::black_box(free_slots(&cat, s, &DoctorChoice::Any, &busy, now, w.from, w.to).len());
            }
            (perf.now() - t) / 10.0
        })
        .collect())
}

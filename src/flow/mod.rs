//! The booking flow in the page: core's `Flow` painted as HTML by `jazylu_core::flow::render`,
//! events caught on the root element, calls to the endpoint. It lives in the same wasm module
//! as the price list (one module, not two: see docs/benchmarks.md). The next step makes each
//! step a Leptos component and retires the painting.

mod dom;
mod host;
mod screen;

pub use host::{resume_service, BookingHost};

use jazylu_core::flow::{manage_link, Flow};
use jazylu_core::{Catalogue, Lang};
use std::rc::Rc;
use std::sync::Arc;
use web_sys::HtmlElement;

/// Shows the flow in `root`. `service` starts a booking; `manage` (`REF.TOKEN`) opens the manage
/// page instead. `on_exit` gets the current language when the visitor goes back to the prices.
pub fn start(
    root: HtmlElement,
    cat: Arc<Catalogue>,
    lang: Lang,
    service: &str,
    manage: &str,
    api_base: String,
    on_exit: Rc<dyn Fn(Lang)>,
) {
    let flow = match manage_link(&format!("manage={manage}")) {
        Some((reference, token)) => Flow::manage(&reference, &token),
        None => {
            let mut f = screen::resume(service);
            (f.form.channel, f.form.utm) = jazylu_web::way_in();
            f
        }
    };
    screen::show(root, cat, lang, flow, api_base, on_exit);
}

/// For scripts/bench only (feature `bench`): `free_slots` for `service`, any doctor, over the
/// catalogue's horizon, with every third free slot made busy; the milliseconds of each of `runs`
/// runs, timed in the browser (each the mean of ten calls: the browser's clock is coarse).
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_free_slots(
    catalogue: &str,
    service: &str,
    runs: u32,
) -> Result<Vec<f64>, wasm_bindgen::JsValue> {
    use jazylu_core::availability::{free_slots, Busy, DoctorChoice};
    use wasm_bindgen::JsValue;
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

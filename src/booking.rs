//! Booking happens in a second wasm module (`crates/booking`), loaded when a visitor books: the
//! price list's first visit stays small. This component loads it, hands it a mount element and
//! what it needs, and gets the visitor back (with their language) when they leave the flow.

use jazylu_core::Lang;
use jazylu_i18n::words as texts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

// The module lies next to the widget's own files (dist/booking/), wherever they are served from;
// this snippet sits in dist/snippets/<crate>/. `load` imports it and instantiates its wasm once
// per page (two instantiations at once would leave one loader over two instances); the browser
// remembers a module that failed to load, so a retry asks for it under a new name. `prefetch`
// asks the browser to fetch the module when it is idle: the price list calls it once it is
// ready, so the download neither competes with the first visit nor waits for "Book".
#[wasm_bindgen(inline_js = "const here = (file) => new URL('../../booking/' + file, import.meta.url);
let ready;
export function load(retry) {
  if (!ready || retry) {
    const url = here('jazylu_booking.js');
    if (retry) url.search = 'retry=' + retry;
    ready = import(url.href).then(async (m) => { await m.default(); return m; });
    ready.catch(() => { ready = undefined; });
  }
  return ready;
}
export function prefetch() {
  for (const [file, as] of [['jazylu_booking.js', 'script'], ['jazylu_booking_bg.wasm', 'fetch'], ['booking.css', 'style']]) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'prefetch', as, crossOrigin: 'anonymous', href: here(file).href });
    document.head.append(link);
  }
}")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load(retry: u32) -> Result<js_sys::Promise, JsValue>;
    pub fn prefetch();
}

/// What the booking module is started with.
#[derive(Clone)]
pub struct Handover {
    pub catalogue: Arc<str>,
    pub service: String,
    /// `REF.TOKEN` of a manage link, or empty.
    pub manage: String,
    pub api_base: String,
}

/// The element the booking module paints into.
const ROOT: &str = "jz-flow-root";

#[component]
pub fn BookingHost(
    handover: Handover,
    lang: RwSignal<Lang>,
    selected: RwSignal<Option<String>>,
    manage: RwSignal<Option<String>>,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    let tries = StoredValue::new(0u32);
    let handover = StoredValue::new(handover);
    let exit = move |code: String| back_to_prices(&code, lang, selected, manage);
    let open = move || {
        let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(ROOT));
        let Some(root) = root.and_then(|r| r.dyn_into::<HtmlElement>().ok()) else { return };
        failed.set(false);
        let l = lang.get_untracked();
        let attempt = tries.get_value();
        tries.set_value(attempt + 1);
        spawn_local(async move {
            let on_exit = Closure::<dyn Fn(String)>::new(exit).into_js_value();
            if let Err(e) = start(root, &handover.get_value(), l, on_exit, attempt).await {
                web_sys::console::warn_2(&"Jazylu: the booking module did not start".into(), &e);
                failed.set(true);
            }
        });
    };
    // After this view is in the page.
    request_animation_frame(open);

    let error = move || {
        failed.get().then(|| {
            let t = texts(lang.get());
            view! {
                <div class="jz-error" role="alert">
                    <p>{t.booking_failed}</p>
                    <button type="button" class="jz-retry" on:click=move |_| open()>{t.retry}</button>
                    <button type="button" class="jz-back" on:click=move |_| back_to_prices("", lang, selected, manage)>
                        {t.back_to_prices}
                    </button>
                </div>
            }
        })
    };
    view! {
        {error}
        <div class="jz-flow-root" id=ROOT>
            <p class="jz-status" role="status">{texts(lang.get_untracked()).opening_booking}</p>
        </div>
    }
}

/// Back to the price list, in the language the visitor ended with (a code; empty keeps it).
#[inline(never)]
fn back_to_prices(
    code: &str,
    lang: RwSignal<Lang>,
    selected: RwSignal<Option<String>>,
    manage: RwSignal<Option<String>>,
) {
    if let Some(l) = Lang::from_tag(code) {
        lang.set(l);
    }
    manage.set(None);
    selected.set(None);
    request_animation_frame(|| jazylu_web::focus("jz-prices-title"));
}

async fn start(
    root: HtmlElement,
    h: &Handover,
    lang: Lang,
    on_exit: JsValue,
    attempt: u32,
) -> Result<(), JsValue> {
    let module = JsFuture::from(load(attempt)?).await?;
    let args = js_sys::Array::new();
    for v in [
        root.into(),
        JsValue::from_str(&h.catalogue),
        JsValue::from_str(lang.code()),
        JsValue::from_str(&h.service),
        JsValue::from_str(&h.manage),
        JsValue::from_str(&h.api_base),
        on_exit,
    ] {
        args.push(&v);
    }
    let start: js_sys::Function = js_sys::Reflect::get(&module, &"start".into())?.dyn_into()?;
    start.apply(&JsValue::NULL, &args)?;
    Ok(())
}

/// The service of a booking this tab was in the middle of, to come back to it after a reload
/// (the booking module keeps it in `sessionStorage`).
pub fn resume_service() -> Option<String> {
    jazylu_web::tab::storage()?.get_item(jazylu_web::tab::RESUME).ok()?
}

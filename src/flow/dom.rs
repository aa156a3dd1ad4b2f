//! The few direct DOM touches the flow needs: applying a `Patch` in place, reading a field, the
//! tab's storage and a fresh Idempotency-Key.

use jazylu_core::flow::{Flow, Patch, Step};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event};

fn by_id(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

fn set_prop(el: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(el, &name.into(), value);
}

/// Changes the painted page without painting it again (focus and a pending click survive).
pub fn apply(patch: &Patch) {
    match patch {
        Patch::Message { field, text } => {
            if let Some(el) = by_id(&format!("jz-e-{field}")) {
                el.set_text_content(Some(text));
            }
            if let Some(input) = by_id(&format!("jz-f-{field}")) {
                let _ = if text.is_empty() {
                    input.remove_attribute("aria-invalid")
                } else {
                    input.set_attribute("aria-invalid", "true")
                };
            }
        }
        Patch::Value { field, value } => set_value(field, value),
        Patch::Show { id, show } => {
            if let Some(el) = by_id(id) {
                let _ = el.toggle_attribute_with_force("hidden", !show);
            }
        }
        Patch::Check { field, checked } => {
            if let Some(el) = by_id(&format!("jz-f-{field}")) {
                set_prop(&el, "checked", &JsValue::from_bool(*checked));
            }
        }
    }
}

pub fn set_value(field: &str, value: &str) {
    if let Some(el) = by_id(&format!("jz-f-{field}")) {
        set_prop(&el, "value", &JsValue::from_str(value));
    }
}

/// The named form field an event came from: its name, value and (for a checkbox) whether it is
/// ticked.
pub fn field(ev: &Event) -> Option<(String, String, bool)> {
    let el: Element = ev.target()?.dyn_into().ok()?;
    let name = el.get_attribute("name")?;
    let get = |p: &str| js_sys::Reflect::get(&el, &p.into()).ok();
    let value = get("value").and_then(|v| v.as_string()).unwrap_or_default();
    let checked = get("checked").and_then(|v| v.as_bool()).unwrap_or(false);
    Some((name, value, checked))
}

use jazylu_web::tab::{storage, RESUME};

const FLOW: &str = "jazylu-flow";

/// The flow kept for this tab only: `sessionStorage` ends with the tab, so an IIN never lands
/// in long-lived storage.
pub fn load() -> Option<Flow> {
    Flow::from_session(jazylu_web::json::read(&storage()?.get_item(FLOW).ok()??)?)
}

pub fn save(flow: &Flow) {
    let Some(s) = storage() else { return };
    if let Some(kept) = jazylu_web::json::write(&flow.to_session()) {
        let _ = s.set_item(FLOW, &kept);
    }
    let _ = if flow.step == Step::Doctor {
        s.remove_item(RESUME)
    } else {
        s.set_item(RESUME, &flow.form.service)
    };
}

pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(FLOW);
        let _ = s.remove_item(RESUME);
    }
}

/// A key no other request shares: time plus randomness, 20+ characters.
pub fn fresh_key() -> String {
    jazylu_web::random_key()
}

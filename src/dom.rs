//! The few direct DOM touches the flow needs: applying a `Patch` in place, reading a field, the
//! tab's storage and a fresh Idempotency-Key.

use jazylu_core::flow::Patch;
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

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

const KEY: &str = "jazylu-flow";

/// The flow kept for this tab only: `sessionStorage` ends with the tab, so an IIN never lands
/// in long-lived storage.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok()?
}

pub fn save(text: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, text);
    }
}

pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

/// A key no other request shares: time plus randomness, 20+ characters.
pub fn fresh_key() -> String {
    let r = |_| (js_sys::Math::random() * 4_294_967_296.0) as u32;
    let [a, b, c]: [u32; 3] = [0, 1, 2].map(r);
    format!("{:x}-{a:08x}{b:08x}{c:08x}", js_sys::Date::now() as u64)
}

/// The page's address without its fragment, for the manage link.
pub fn page_url() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or("").to_string()
}

//! The visit's events for the embedding page: a bubbling `CustomEvent` on the widget's element
//! (a framed page forwards it to its host). What an event may hold is core's `Event`.

use jazylu_core::flow::Event;

pub fn emit(event: Option<Event>) {
    let Some(event) = event else { return };
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("jazylu"));
    let Some(root) = root else { return };
    let detail = js_sys::Object::new();
    for (key, value) in event.detail() {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &value.into());
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = root.dispatch_event(&e);
    }
}

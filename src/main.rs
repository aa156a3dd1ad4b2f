//! The Jazylu widget. `main` finds the element to mount on, reads what the host page chose, and
//! hands over to `App`; everything else is in small modules.

mod api;
mod app;
#[cfg(feature = "bench")]
mod bench;
mod booking;
mod fresh;
mod host;
mod lang_nav;
mod prices;

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    let Some(host) = host::Host::find() else {
        web_sys::console::error_1(&"Jazylu: no element with id=\"jazylu\" to mount on".into());
        return;
    };
    let root = host.root.clone();
    leptos::mount::mount_to(root, move || app::App(app::AppProps { host })).forget();
}

//! Views that both sides render from one definition: the server writes them into the page it
//! sends (prices paint before any wasm, and without JavaScript), and the widget renders the same
//! markup in the browser, so its taking over shows no change.
//!
//! Their links are plain links (`?lang=ru`, `?service=…`); the widget's handlers do the same in
//! place once it has started.

mod handler;
mod lang_nav;
mod price_list;

pub use handler::handler;
pub use lang_nav::lang_nav;
pub use price_list::price_list;

/// The id of the element around the price list the server writes into the page; the widget
/// removes it when it draws its own.
pub const SERVER_COPY: &str = "jz-server";

/// Whether a click asks for something other than following the link here (a new tab, a
/// download): then the browser does it.
pub fn wants_browser(ev: &leptos::ev::MouseEvent) -> bool {
    ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() || ev.button() != 0
}

//! The browser edge shared by the price list (`jazylu`) and the booking flow (`jazylu-booking`):
//! requests that give up after a timeout, focus, and the page's language, title and address.
//! Both wasm modules link it; nothing here holds a rule.

mod event;
mod fetch;
pub mod json;
mod page;
pub mod tab;

pub use event::emit;
pub use fetch::call;
pub use page::{clear_fragment, focus, mark, now, page_url, random_key, show_address, show_lang, way_in};

//! Arrow keys in the day grid and the list of times: each is one Tab stop, and the arrows move
//! within it (a roving tabindex).

use chrono::{Days, NaiveDate};
use jazylu_core::clock::IsoDate;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

/// Left and right go to the previous or next free day, up and down a week back or on (to the
/// nearest free day from there); the day is chosen as it gets focus.
pub fn days(ev: KeyboardEvent, free: &[NaiveDate], choose: impl Fn(NaiveDate)) {
    let Some(current) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .and_then(|el| el.id().strip_prefix("jz-day-").and_then(jazylu_core::clock::parse_date))
    else {
        return;
    };
    let target = match ev.key().as_str() {
        "ArrowRight" => free.iter().find(|d| **d > current),
        "ArrowLeft" => free.iter().rev().find(|d| **d < current),
        "ArrowDown" => {
            let week = current + Days::new(7);
            free.iter().find(|d| **d >= week)
        }
        "ArrowUp" => {
            let week = current - Days::new(7);
            free.iter().rev().find(|d| **d <= week)
        }
        _ => return,
    };
    ev.prevent_default();
    if let Some(d) = target.copied() {
        choose(d);
        jazylu_web::focus(&format!("jz-day-{}", IsoDate(d)));
    }
}

/// Arrows move focus along a list of buttons (one per `li`), Home and End to its ends.
pub fn list(ev: KeyboardEvent) {
    let Some(button) = ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else { return };
    let Some(item) = button.parent_element() else { return };
    let Some(list) = item.parent_element() else { return };
    let items = list.children();
    let count = items.length();
    let at = (0..count).find(|i| items.item(*i).is_some_and(|x| x == item)).unwrap_or(0);
    let to = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => (at + 1).min(count.saturating_sub(1)),
        "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => count.saturating_sub(1),
        _ => return,
    };
    ev.prevent_default();
    let next =
        items.item(to).and_then(|li| li.first_element_child()).and_then(|b| b.dyn_into::<HtmlElement>().ok());
    if let Some(next) = next {
        let _ = button.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        let _ = next.focus();
    }
}

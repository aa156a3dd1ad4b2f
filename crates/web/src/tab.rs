//! What the widget keeps for this tab only (`sessionStorage`: gone when the tab closes).

/// The service of a booking under way: the booking module writes it, the price list reads it
/// to come back to the booking after a reload (without carrying the flow's code).
pub const RESUME: &str = "jazylu-resume";

/// The manage link (`REF.TOKEN`) this tab opened, while the visitor is on its page.
pub const MANAGE: &str = "jazylu-manage";

pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

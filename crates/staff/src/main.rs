//! Jazylu's staff pages: an administrator checks a new price list, sees it as visitors will,
//! and publishes it or brings back an earlier one; an operator works the booking requests. The
//! rules are core's and the server's; these are views over `/api/staff/*`.

mod api;
mod app;
mod booking;
mod inbox;
mod preview;
mod prices;
mod session;
mod time;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

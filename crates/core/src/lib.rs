//! Jazylu's domain. Every rule lives here once and runs twice: in the widget for instant feedback
//! and in the server as the authority. No I/O: callers pass in "now" and the busy intervals.

pub mod availability;
pub mod booking;
pub mod catalogue;
pub mod clock;
pub mod confirmation;
pub mod flow;
pub mod ident;
pub mod money;
pub mod person;
pub mod phone;

pub use catalogue::{Catalogue, Problem, ProblemCode};
/// The languages live with the words; the domain only names them.
pub use jazylu_i18n::Lang;
pub use money::Tenge;

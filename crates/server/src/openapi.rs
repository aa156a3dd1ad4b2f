//! The API described for clients, made from the code: each route documents itself where it is
//! written (`#[utoipa::path]`, registered together with the route by `utoipa_axum::routes!`), the
//! bodies are the wire types' own schemas, and what a layer answers is added to the routes it
//! wraps, once. The document is served as built at start, with the published catalogue's ids and
//! booking horizon in it.

use jazylu_core::Catalogue;
use serde_json::{json, Value};
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{Content, HeaderBuilder, OpenApi, Ref, Response, ResponseBuilder};
use utoipa::Modify;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Jazylu booking API",
        description = "The endpoint behind the Jazylu widget. Every error is JSON with a stable \
            `code`. Times are RFC 3339 in clinic time (+05:00). No route takes personal data in its \
            URL."
    ),
    modifiers(&ManageToken)
)]
pub struct ApiDoc;

struct ManageToken;

impl Modify for ManageToken {
    fn modify(&self, doc: &mut OpenApi) {
        let mut bearer = Http::new(HttpAuthScheme::Bearer);
        bearer.description = Some("the manage_token returned once, at booking".into());
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme("manageToken", SecurityScheme::Http(bearer));
    }
}

/// An error answer: the wire contract's `ErrorBody`.
pub fn error(description: &str) -> Response {
    ResponseBuilder::new()
        .description(description)
        .content("application/json", Content::new(Some(Ref::from_schema_name("ErrorBody"))))
        .build()
}

/// What the rate limit answers.
pub fn too_many_requests() -> Response {
    let mut res = error("too_many_requests: this client is over its limit");
    let retry = HeaderBuilder::new()
        .schema(
            utoipa::openapi::ObjectBuilder::new()
                .schema_type(utoipa::openapi::Type::Integer)
                .minimum(Some(1)),
        )
        .description(Some("seconds to wait before trying again"))
        .build();
    res.headers.insert("Retry-After".into(), retry);
    res
}

/// Adds `status` to every operation of `doc` (a layer's answer on the routes it wraps); `only`
/// picks the operations, by method.
pub fn answer_everywhere(doc: &mut OpenApi, status: u16, res: &Response, only: fn(&str) -> bool) {
    for item in doc.paths.paths.values_mut() {
        let ops: [(&str, &mut Option<Operation>); 2] = [("get", &mut item.get), ("post", &mut item.post)];
        for (method, op) in ops {
            if let Some(op) = op.as_mut().filter(|_| only(method)) {
                op.responses.responses.entry(status.to_string()).or_insert_with(|| res.clone().into());
            }
        }
    }
}

pub fn any(_: &str) -> bool {
    true
}

/// The document as served: the catalogue's service and doctor ids as the only ones a booking
/// may name, and its booking horizon as the longest availability window.
pub fn served(doc: OpenApi, catalogue: &Catalogue) -> String {
    let mut v = serde_json::to_value(doc).unwrap_or(Value::Null);
    let ids = |ids: Vec<&str>| Value::from(ids);
    let request = "/components/schemas/BookingRequest/properties";
    if let Some(service) = v.pointer_mut(&format!("{request}/service")) {
        service["enum"] = ids(catalogue.services().iter().map(|s| s.id.as_str()).collect());
    }
    if let Some(doctor) = v.pointer_mut(&format!("{request}/doctor")) {
        doctor["enum"] = ids(catalogue.doctors().iter().map(|d| d.id.as_str()).collect());
    }
    let window = "/paths/~1api~1availability/get/parameters";
    if let Some(Value::Array(params)) = v.pointer_mut(window) {
        for p in params.iter_mut().filter(|p| p["name"] == "days") {
            p["schema"]["maximum"] = json!(catalogue.clinic().policies.window_days());
        }
    }
    v.to_string()
}

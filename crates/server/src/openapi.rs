//! The API described for clients, made from the code: each route documents itself where it is
//! written (`#[utoipa::path]`, registered together with the route by `utoipa_axum::routes!`), the
//! bodies are the wire types' own schemas, and what a layer answers is added to the routes it
//! wraps, once. The document is served with the published catalogue's ids and
//! booking horizon in it, made again on each request from the version served.

use jazylu_core::catalogue::DocumentKind;
use jazylu_core::Catalogue;
use serde_json::{json, Value};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{Content, HeaderBuilder, ObjectBuilder, OpenApi, Ref, Response, ResponseBuilder, Type};
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
        let mut staff = Http::new(HttpAuthScheme::Bearer);
        staff.description = Some("a staff token (`--staff-token`); only its argon2 hash is kept".into());
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme("staffToken", SecurityScheme::Http(staff));
    }
}

/// An answer a layer gives on the routes it wraps, documented once as a shared response (named
/// by its code) that those routes refer to.
pub struct LayerAnswer {
    pub status: u16,
    pub code: &'static str,
    pub description: &'static str,
    /// Only on routes that take a body (a body limit).
    pub with_body_only: bool,
    /// Says when to try again (`Retry-After`, seconds).
    pub retry_after: bool,
}

impl LayerAnswer {
    const fn new(status: u16, code: &'static str, description: &'static str) -> LayerAnswer {
        LayerAnswer { status, code, description, with_body_only: false, retry_after: false }
    }

    fn response(&self) -> Response {
        let mut res = ResponseBuilder::new()
            .description(format!("{}: {}", self.code, self.description))
            .content("application/json", Content::new(Some(Ref::from_schema_name("ErrorBody"))))
            .build();
        if self.retry_after {
            let seconds = ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(1));
            let header = HeaderBuilder::new().schema(seconds).description(Some("seconds to wait")).build();
            res.headers.insert("Retry-After".into(), header);
        }
        res
    }
}

pub const TIMEOUT: LayerAnswer = LayerAnswer::new(408, "timeout", "the request took too long");
pub const TOO_LARGE: LayerAnswer = LayerAnswer {
    with_body_only: true,
    ..LayerAnswer::new(413, "payload_too_large", "64 KiB at most, 2 MiB for a staff draft")
};
pub const INTERNAL: LayerAnswer = LayerAnswer::new(500, "internal", "a fault of ours, logged");
pub const OVERLOADED: LayerAnswer = LayerAnswer::new(503, "overloaded", "try again in a moment");
/// A write from a browser page on a site not in the allow-list (`routes::from_allowed_site`).
pub const FOREIGN_SITE: LayerAnswer = LayerAnswer {
    with_body_only: true,
    ..LayerAnswer::new(403, "origin_not_allowed", "this site may not make bookings here")
};
pub const TOO_MANY: LayerAnswer = LayerAnswer {
    retry_after: true,
    ..LayerAnswer::new(429, "too_many_requests", "this client is over its limit")
};

/// Adds each of `answers` to every operation of `doc` (the routes a layer wraps).
pub fn layer_answers(doc: &mut OpenApi, answers: &[LayerAnswer]) {
    for answer in answers {
        let shared = Ref::new(format!("#/components/responses/{}", answer.code));
        for item in doc.paths.paths.values_mut() {
            for (takes_body, op) in [(false, &mut item.get), (true, &mut item.post), (true, &mut item.put)] {
                if let Some(op) = op.as_mut().filter(|_| takes_body || !answer.with_body_only) {
                    let status = answer.status.to_string();
                    op.responses.responses.entry(status).or_insert_with(|| shared.clone().into());
                }
            }
        }
        let components = doc.components.get_or_insert_with(Default::default);
        components.responses.insert(answer.code.into(), answer.response().into());
    }
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
    let consents = "/components/schemas/Consents/properties";
    for kind in DocumentKind::ALL {
        if let Some(version) = v.pointer_mut(&format!("{consents}/{}_version", kind.code())) {
            version["enum"] = json!([catalogue.documents().get(kind).version.as_str()]);
        }
    }
    let window = "/paths/~1api~1availability/get/parameters";
    if let Some(Value::Array(params)) = v.pointer_mut(window) {
        for p in params.iter_mut().filter(|p| p["name"] == "days") {
            p["schema"]["maximum"] = json!(catalogue.clinic().policies.window_days());
        }
    }
    v.to_string()
}

//! The OpenAPI document matches the real routes: every documented path and method is answered by
//! its handler (not by the router's fallbacks), and every route is documented.

mod common;

use common::{client, spawn};
use serde_json::Value;

#[tokio::test]
async fn every_documented_route_exists_and_every_route_is_documented() {
    let s = spawn().await;
    let doc: Value =
        client().get(s.url("/api/openapi.json")).send().await.expect("request").json().await.expect("json");
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().expect("paths");

    let mut documented = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().expect("path item").keys() {
            documented.push(format!("{} {path}", method.to_uppercase()));
            let url = s.url(&path.replace("{reference}", "JZ-AAAAAA").replace("{id}", "1"));
            let req = match method.as_str() {
                "get" => client().get(url),
                "post" => client().post(url).header("content-type", "application/json").body("{}"),
                "put" => client().put(url).header("content-type", "application/json").body("{}"),
                other => panic!("undocumented method {other}"),
            };
            let res = req.send().await.expect("request");
            let status = res.status();
            let body: Value = res.json().await.unwrap_or(Value::Null);
            assert!(
                !matches!(body["code"].as_str(), Some("not_found" | "method_not_allowed")),
                "{method} {path} is documented but not routed ({status} {body})"
            );
        }
    }
    documented.sort();
    assert_eq!(
        documented,
        [
            "GET /api/availability",
            "GET /api/bookings/{reference}",
            "GET /api/catalog",
            "GET /api/health",
            "GET /api/openapi.json",
            "GET /api/staff/bookings",
            "GET /api/staff/bookings.csv",
            "GET /api/staff/bookings/{reference}",
            "GET /api/staff/catalog/versions",
            "POST /api/bookings",
            "POST /api/bookings/{reference}/cancel",
            "POST /api/staff/bookings/{reference}/attendance",
            "POST /api/staff/bookings/{reference}/cancel",
            "POST /api/staff/bookings/{reference}/confirm",
            "POST /api/staff/bookings/{reference}/erase",
            "POST /api/staff/bookings/{reference}/iin",
            "POST /api/staff/bookings/{reference}/move",
            "POST /api/staff/catalog/check",
            "POST /api/staff/catalog/versions/{id}/restore",
            "PUT /api/staff/catalog",
        ],
        "the routes in crates/server/src/routes/mod.rs"
    );
}

/// The document restates core's rules for clients; these are the numbers it must agree on.
#[tokio::test]
async fn the_document_states_the_rules_core_applies() {
    use jazylu_core::person::{Address, NamePart};
    let s = spawn().await;
    let doc: Value =
        client().get(s.url("/api/openapi.json")).send().await.expect("request").json().await.expect("json");
    let schema = |name: &str| doc["components"]["schemas"][name]["properties"].clone();
    let strings = |v: &Value| -> Vec<String> {
        v.as_array().expect("a list").iter().map(|x| x.as_str().expect("a string").to_string()).collect()
    };
    let cat = common::requests::catalogue();

    let request = schema("BookingRequest");
    let services: Vec<String> = cat.services().iter().map(|s| s.id.as_str().to_string()).collect();
    let doctors: Vec<String> = cat.doctors().iter().map(|d| d.id.as_str().to_string()).collect();
    assert_eq!(strings(&request["service"]["enum"]), services);
    assert_eq!(strings(&request["doctor"]["enum"]), doctors);
    let tags = strings(&request["utm"]["propertyNames"]["enum"]);
    assert_eq!(tags, jazylu_api::CAMPAIGN_TAGS);

    for person in ["Patient", "Representative"] {
        let p = schema(person);
        for name in ["surname", "given_name", "patronymic"] {
            assert_eq!(p[name]["maxLength"], NamePart::MAX_CHARS, "{person}.{name}");
        }
        let iin = p["iin"]["examples"][0].as_str().expect("an IIN example");
        assert!(jazylu_core::ident::Iin::parse(iin).is_ok(), "{iin}");
    }
    assert_eq!(schema("Patient")["address"]["maxLength"], Address::MAX_CHARS);
    let phone =
        schema("Representative")["phone"]["examples"][0].as_str().expect("a phone example").to_string();
    assert!(jazylu_core::phone::Phone::parse_mobile(&phone).is_ok(), "{phone}");

    let codes = strings(&doc["components"]["schemas"]["FieldCode"]["enum"]);
    let all: Vec<&str> = jazylu_api::FieldCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(codes, all);

    let params = &doc["paths"]["/api/availability"]["get"]["parameters"];
    let days = params.as_array().expect("params").iter().find(|p| p["name"] == "days").expect("days");
    assert_eq!(days["schema"]["maximum"], cat.clinic().policies.window_days());
}

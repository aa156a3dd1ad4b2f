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
            let url = s.url(&path.replace("{reference}", "JZ-AAAAAA"));
            let req = match method.as_str() {
                "get" => client().get(url),
                "post" => client().post(url).header("content-type", "application/json").body("{}"),
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
            "POST /api/bookings",
            "POST /api/bookings/{reference}/cancel",
        ],
        "the routes in crates/server/src/routes/mod.rs"
    );
}

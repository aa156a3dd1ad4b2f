//! The hosted page: price list already in the HTML, in the visitor's language; static files.

mod common;

use common::{client, spawn};
use reqwest::StatusCode;

#[tokio::test]
async fn the_page_holds_the_price_list_in_the_chosen_language() {
    let s = spawn().await;
    let ru = client().get(s.url("/?lang=ru")).send().await.expect("request");
    assert_eq!(ru.status(), StatusCode::OK);
    assert_eq!(ru.headers()["content-type"], "text/html; charset=utf-8");
    let csp = ru.headers()["content-security-policy"].to_str().expect("ascii").to_string();
    assert!(csp.contains("frame-ancestors 'self' https://clinic.example"), "{csp}");
    let html = ru.text().await.expect("body");
    assert!(html.contains(r#"<html lang="ru">"#));
    assert!(html.contains(r#"data-lang="ru""#));
    assert!(html.contains("Первичный приём ЛОР-врача"));
    assert!(html.contains("8\u{a0}000\u{a0}₸"));
    assert!(!html.contains("%JZ_"), "every token is filled");

    let en =
        client().get(s.url("/")).header("accept-language", "en-GB,en;q=0.9").send().await.expect("request");
    let html = en.text().await.expect("body");
    assert!(html.contains("First visit to an ENT doctor"));

    let kk = client().get(s.url("/")).send().await.expect("request").text().await.expect("body");
    assert!(kk.contains(r#"<html lang="kk">"#));
    assert!(kk.contains("ЛОР-дәрігердің бастапқы қабылдауы"));
}

#[tokio::test]
async fn static_files_have_the_right_types_caching_and_precompression() {
    let s = spawn().await;
    let dist = s.dir.path().join("dist");
    std::fs::write(dist.join("jazylu-0123456789abcdef_bg.wasm"), b"\0asm\x01\0\0\0").expect("write");
    std::fs::write(dist.join("jazylu-0123456789abcdef_bg.wasm.br"), b"brotli bytes").expect("write");

    let res = client().get(s.url("/jazylu-0123456789abcdef_bg.wasm")).send().await.expect("request");
    assert_eq!(res.headers()["content-type"], "application/wasm");
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");

    let br = client()
        .get(s.url("/jazylu-0123456789abcdef_bg.wasm"))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("request");
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.bytes().await.expect("body").as_ref(), b"brotli bytes");
}

#[tokio::test]
async fn without_a_build_the_page_says_so_in_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = common::spawn_with(dir, |c| c.dist = "/nonexistent-jazylu-dist".into()).await;
    let res = client().get(s.url("/")).send().await.expect("request");
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["code"], "widget_not_built");
}

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
    let description = "Лечебно-диагностический центр оториноларингологии «PRO-ЛОР», г. Каскелен, \
        ул. Барибаева, 67А. Услуги и цены, онлайн-запись на приём к врачу.";
    assert!(html.contains(&format!(r#"<meta name="description" content="{description}">"#)), "{html}");

    let en =
        client().get(s.url("/")).header("accept-language", "en-GB,en;q=0.9").send().await.expect("request");
    let html = en.text().await.expect("body");
    assert!(html.contains("First visit to an ENT doctor"));
    assert!(html.contains("booking an appointment with a doctor online."));

    let kk = client().get(s.url("/")).send().await.expect("request").text().await.expect("body");
    assert!(kk.contains(r#"<html lang="kk">"#));
    assert!(kk.contains("ЛОР-дәрігердің бастапқы қабылдауы"));
    assert!(kk.contains("дәрігердің қабылдауына онлайн жазылу."));
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

#[tokio::test]
async fn the_raw_template_never_leaves_however_it_is_asked_for() {
    let s = spawn().await;
    for path in ["/%69ndex.html", "//", "/./index.html", "/INDEX.HTML", "/%2findex.html"] {
        let res = client().get(s.url(path)).send().await.expect("request");
        let status = res.status();
        let body = res.text().await.expect("body");
        assert!(!body.contains("%JZ_"), "{path} served the raw template ({status})");
    }
    // The page itself, filled in, with its CSP.
    let res = client().get(s.url("/index.html")).send().await.expect("request");
    assert!(res.headers()["content-security-policy"].to_str().expect("ascii").contains("script-src"));
    assert!(!res.text().await.expect("body").contains("%JZ_"));
}

#[tokio::test]
async fn api_answers_are_not_documents_and_bookings_are_not_stored_anywhere() {
    let s = spawn().await;
    let catalog = client().get(s.url("/api/catalog")).send().await.expect("request");
    assert_eq!(catalog.headers()["content-security-policy"], "default-src 'none'; frame-ancestors 'none'");
    assert_eq!(catalog.headers()["permissions-policy"], "camera=(), microphone=(), geolocation=()");
    let booking = client().get(s.url("/api/bookings/JZ-AAAAAA")).send().await.expect("request");
    assert_eq!(booking.headers()["cache-control"], "no-store");
    let created = client()
        .post(s.url("/api/bookings"))
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .expect("request");
    assert_eq!(created.headers()["cache-control"], "no-store");
    let page = client().get(s.url("/")).send().await.expect("request");
    assert_eq!(page.headers()["permissions-policy"], "camera=(), microphone=(), geolocation=()");
}

#[test]
fn a_database_newer_than_the_server_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("new.sqlite3");
    jazylu_server::db::Db::open(&file).expect("created");
    let conn = rusqlite::Connection::open(&file).expect("open");
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).expect("version");
    conn.pragma_update(None, "user_version", version + 1).expect("newer");
    drop(conn);
    let err = jazylu_server::db::Db::open(&file).err().expect("refused");
    assert!(err.to_string().contains("newer than this server's"), "{err}");
}

#[tokio::test]
async fn a_widget_rebuilt_under_the_running_server_is_served_at_once() {
    let s = spawn().await;
    let dist = s.dir.path().join("dist");
    let before = client().get(s.url("/")).send().await.expect("request").text().await.expect("body");
    assert!(!before.contains("jazylu-feedfacefeedface.js"));
    // What a rebuild leaves: new hashed files, then a page that names them.
    std::fs::write(dist.join("jazylu-feedfacefeedface.js"), "export default function () {}").expect("write");
    let rebuilt = common::TEMPLATE
        .replace("</head>", r#"<script type="module" src="/jazylu-feedfacefeedface.js"></script></head>"#);
    std::fs::write(dist.join("index.html"), rebuilt).expect("write");
    let after = client().get(s.url("/")).send().await.expect("request").text().await.expect("body");
    assert!(after.contains("/jazylu-feedfacefeedface.js"), "the page names the new build");
    let file = client().get(s.url("/jazylu-feedfacefeedface.js")).send().await.expect("request");
    assert_eq!(file.status(), StatusCode::OK, "and the file it names is there");
    assert!(
        after.contains("Первичный приём ЛОР-врача") || after.contains("ЛОР-дәрігердің бастапқы қабылдауы")
    );
}

#[tokio::test]
async fn an_allowed_origin_that_is_more_than_an_origin_stops_the_start() {
    for bad in [
        "https://a.kz;sandbox",
        "https://a.kz sandbox",
        "https://a.kz/path",
        "https://клиника.kz",
        "http://a.kz",
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut c = common::config(dir.path());
        c.allowed_origins = vec![bad.into()];
        let err = jazylu_server::start(c).await.err().expect("refused");
        assert!(err.to_string().starts_with(&format!("allowed origin {bad:?} is not of the form")), "{err}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let s = common::spawn_with(dir, |c| c.allowed_origins = vec!["https://Xn--80aaf1a.KZ/".into()]).await;
    let res = client().get(s.url("/")).send().await.expect("request");
    let csp = res.headers()["content-security-policy"].to_str().expect("ascii").to_string();
    assert!(csp.ends_with("frame-ancestors 'self' https://xn--80aaf1a.kz"), "{csp}");
}

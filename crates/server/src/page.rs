//! The hosted booking page: trunk's `index.html` with the price list already inside the element
//! the widget mounts on, in the visitor's language.

use base64::Engine;
use jazylu_core::{Catalogue, Lang};
use jazylu_views::{price_list, SERVER_COPY};
use leptos::prelude::{Owner, RenderHtml};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

const LANG: &str = "%JZ_LANG%";
const TITLE: &str = "%JZ_TITLE%";
const DESCRIPTION: &str = "%JZ_DESCRIPTION%";
/// The sites allowed to frame the page, for its frame script.
const ORIGINS: &str = "%JZ_ORIGINS%";
/// Plain text, not a comment: trunk's HTML minifier drops comments.
const PRERENDER: &str = "%JZ_PRERENDER%";

pub struct Page {
    template: String,
    /// `'sha256-…'` sources for the inline scripts trunk wrote into the template.
    script_hashes: String,
    /// The same for the inline stylesheet.
    style_hashes: String,
}

/// The page as built now. `dist/index.html` is read again whenever it changes, so a widget rebuilt
/// under the running server is served at once, with no restart: a page that names files which
/// no longer exist would never start the widget (and its price list would hide that).
pub struct LivePage {
    dist: PathBuf,
    cached: Mutex<Cached>,
}

struct Cached {
    /// The template's modification time and length when it was read.
    stamp: Option<(SystemTime, u64)>,
    page: Option<Arc<Page>>,
}

impl LivePage {
    /// Reads the page once; an unreadable build stops the start as before.
    pub fn open(dist: &Path) -> std::io::Result<LivePage> {
        let stamp = stamp(dist);
        let page = Page::load(dist)?.map(Arc::new);
        Ok(LivePage { dist: dist.to_path_buf(), cached: Mutex::new(Cached { stamp, page }) })
    }

    /// The page to serve; `None` while no widget is built.
    pub fn current(&self) -> Option<Arc<Page>> {
        let now = stamp(&self.dist);
        let mut cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        if now != cached.stamp {
            match Page::load(&self.dist) {
                Ok(page) => {
                    tracing::info!(built = page.is_some(), "the widget's page changed; serving the new one");
                    *cached = Cached { stamp: now, page: page.map(Arc::new) };
                }
                // Half-written, say: the old page serves until the next request reads it whole.
                Err(e) => tracing::warn!(error = %e, "the widget's page changed but could not be read"),
            }
        }
        cached.page.clone()
    }
}

fn stamp(dist: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(dist.join("index.html")).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Page {
    /// Reads `dist/index.html`; `None` when the widget has not been built.
    pub fn load(dist: &Path) -> std::io::Result<Option<Page>> {
        match std::fs::read_to_string(dist.join("index.html")) {
            Ok(template) => Ok(Some(Page::from_template(template))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn from_template(template: String) -> Page {
        // trunk's minifier drops the quotes around `%JZ_…%` (no spaces in it); the values put there
        // may be empty or have spaces, so the quotes go back before any value does.
        let template = [LANG, DESCRIPTION, ORIGINS]
            .iter()
            .fold(template, |t, p| t.replace(&format!("={p}"), &format!("=\"{p}\"")));
        let hashes = |tag: &str| {
            inline_blocks(&template, tag)
                .map(|body| {
                    let digest = Sha256::digest(body.as_bytes());
                    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (script_hashes, style_hashes) = (hashes("script"), hashes("style"));
        Page { template, script_hashes, style_hashes }
    }

    pub fn render(&self, cat: &Catalogue, lang: Lang, today: chrono::NaiveDate, origins: &str) -> String {
        let (words, clinic) = (jazylu_i18n::words(lang), cat.clinic());
        let title = words.page_title(clinic.name.get(lang));
        let description = words.page_description(clinic.name.get(lang), clinic.address.get(lang));
        self.template
            .replace(LANG, lang.code())
            .replace(TITLE, &html_escape::encode_text(&title))
            .replace(DESCRIPTION, &html_escape::encode_double_quoted_attribute(&description))
            .replace(ORIGINS, &html_escape::encode_double_quoted_attribute(origins))
            .replacen(PRERENDER, &prerender(cat, lang, today), 1)
    }

    /// The page with nothing filled in (the staff pages have nothing to fill).
    pub fn as_built(&self) -> &str {
        &self.template
    }

    /// The page's Content-Security-Policy: only our own files, the inline loader and styles by hash,
    /// wasm compilation, and framing by the allowed sites only.
    pub fn csp(&self, frame_ancestors: &str) -> String {
        let (scripts, styles) = (&self.script_hashes, &self.style_hashes);
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {scripts}; style-src 'self' {styles}; \
             img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
             object-src 'none'; frame-ancestors {frame_ancestors}"
        )
    }
}

/// The price list as the widget draws it, in an element the widget removes when it draws its own.
/// Its links are plain links here (`?lang=ru`, `?service=…`).
fn prerender(cat: &Catalogue, lang: Lang, today: chrono::NaiveDate) -> String {
    // A view's reactive parts belong to an owner; this one goes with the page.
    let owner = Owner::new();
    let html = owner.with(|| price_list(cat, lang, today, |_| {}, |_| {}).to_html());
    format!(r#"<div id="{SERVER_COPY}">{html}</div>"#)
}

/// The bodies of the `<tag>` elements that have no `src`.
fn inline_blocks<'a>(html: &'a str, tag: &str) -> impl Iterator<Item = &'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut rest = html;
    std::iter::from_fn(move || loop {
        let after = &rest[rest.find(&open)?..];
        let open_end = after.find('>')?;
        let attributes = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let body_end = body_and_more.find(&close)?;
        rest = &body_and_more[body_end + close.len()..];
        if !attributes.contains(" src=") {
            return Some(&body_and_more[..body_end]);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_and_styles_only() {
        let html = r#"<style>a{}</style><script src="/x.js"></script><script type="module">init()</script>"#;
        assert_eq!(inline_blocks(html, "script").collect::<Vec<_>>(), vec!["init()"]);
        assert_eq!(inline_blocks(html, "style").collect::<Vec<_>>(), vec!["a{}"]);
    }

    #[test]
    fn values_stay_inside_their_attributes_when_the_minifier_dropped_the_quotes() {
        let minified = "<html lang=%JZ_LANG%><meta content=%JZ_DESCRIPTION% name=description>\
                        <main data-origins=%JZ_ORIGINS% id=jazylu data-lang=\"%JZ_LANG%\">%JZ_PRERENDER%</main>";
        let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalogue.sample.json");
        let cat = Catalogue::parse(&std::fs::read_to_string(sample).expect("sample")).expect("valid");
        let html = Page::from_template(minified.into()).render(&cat, Lang::Ru, chrono::NaiveDate::MIN, "");
        assert!(html.starts_with("<html lang=\"ru\"><meta content=\""), "{html}");
        assert!(html.contains("<main data-origins=\"\" id=jazylu data-lang=\"ru\">"), "{html}");
        let description =
            html.split("content=\"").nth(1).and_then(|d| d.split('"').next()).unwrap_or_default();
        assert!(
            description.contains(' ') && html.contains(&format!("{description}\" name=description")),
            "{html}"
        );
    }
}

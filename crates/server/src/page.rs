//! The hosted booking page: trunk's `index.html` with the price list already inside the element
//! the widget mounts on, in the visitor's language.

use base64::Engine;
use jazylu_core::html::Escape;
use jazylu_core::{price_list, texts, Catalogue, Lang};
use sha2::{Digest, Sha256};
use std::path::Path;

const LANG: &str = "%JZ_LANG%";
const TITLE: &str = "%JZ_TITLE%";
/// Plain text, not a comment: trunk's HTML minifier drops comments.
const PRERENDER: &str = "%JZ_PRERENDER%";

pub struct Page {
    template: String,
    /// `'sha256-…'` sources for the inline scripts and styles trunk wrote into the template.
    inline_hashes: Vec<String>,
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
        let inline_hashes = inline_blocks(&template)
            .map(|body| {
                let digest = Sha256::digest(body.as_bytes());
                format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
            })
            .collect();
        Page { template, inline_hashes }
    }

    pub fn render(&self, cat: &Catalogue, lang: Lang, today: chrono::NaiveDate) -> String {
        let title = texts::page_title(cat, lang);
        self.template.replace(LANG, lang.code()).replace(TITLE, &Escape(&title).to_string()).replacen(
            PRERENDER,
            &price_list::render(cat, lang, today),
            1,
        )
    }

    /// The page's Content-Security-Policy: only our own files, trunk's inline loader by hash,
    /// wasm compilation, and framing by the allowed sites only.
    pub fn csp(&self, frame_ancestors: &str) -> String {
        let inline = self.inline_hashes.join(" ");
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {inline}; style-src 'self' {inline}; \
             img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
             object-src 'none'; frame-ancestors {frame_ancestors}"
        )
    }
}

/// The bodies of `<script>` elements without `src` and of `<style>` elements.
fn inline_blocks(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || loop {
        let (tag, close) = match (rest.find("<script"), rest.find("<style")) {
            (Some(a), Some(b)) if b < a => (b, "</style>"),
            (Some(a), _) => (a, "</script>"),
            (None, Some(b)) => (b, "</style>"),
            (None, None) => return None,
        };
        let after = &rest[tag..];
        let open_end = after.find('>')?;
        let open = &after[..open_end];
        let body_and_more = &after[open_end + 1..];
        let body_end = body_and_more.find(close)?;
        let body = &body_and_more[..body_end];
        rest = &body_and_more[body_end + close.len()..];
        if !open.contains(" src=") {
            return Some(body);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_and_styles_only() {
        let html = r#"<style>a{}</style><script src="/x.js"></script><script type="module">init()</script>"#;
        assert_eq!(inline_blocks(html).collect::<Vec<_>>(), vec!["a{}", "init()"]);
    }
}

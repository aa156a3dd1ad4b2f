//! What every handler can reach.

use crate::db::Db;
use crate::limits::ClientAddr;
use crate::page::LivePage;
use crate::publish::{Live, Served};
use crate::security::Origins;
use crate::staff_tokens::StaffTokens;
use jazylu_core::catalogue::DocumentKind;
use jazylu_core::{Catalogue, Lang};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    /// The catalogue version served now (`served()`), replaced whole when staff publish.
    pub live: Arc<Live>,
    /// The hosted page as `dist` holds it now (none until the widget is built).
    pub page: Arc<LivePage>,
    /// The staff pages as `dist/staff` holds them now.
    pub staff_page: Arc<LivePage>,
    pub db: Db,
    pub dist: PathBuf,
    pub origins: Arc<Origins>,
    pub staff_tokens: Arc<StaffTokens>,
    /// Who a request is from, as the rate limits see it.
    pub client_addr: ClientAddr,
    /// Requests served at once; one more is answered 503.
    pub max_concurrent: usize,
    /// A request still running after this is answered 408.
    pub request_timeout: std::time::Duration,
    /// The OpenAPI document before the served catalogue's ids go into it (`crate::openapi`).
    pub openapi: Arc<utoipa::openapi::OpenApi>,
}

impl AppState {
    /// The catalogue version served now. A request takes it once and keeps it, so it finishes
    /// on the version it started with.
    pub fn served(&self) -> Arc<Served> {
        self.live.current()
    }

    /// The clinic's calendar date now.
    pub fn clinic_today(&self) -> chrono::NaiveDate {
        self.served().catalogue.clinic().time_zone.today(chrono::Utc::now())
    }
}

/// The sha256 of every document text of the catalogue, per document and language.
pub struct DocumentHashes(Vec<(DocumentKind, Lang, String)>);

impl DocumentHashes {
    pub fn of(cat: &Catalogue) -> DocumentHashes {
        let docs = cat.documents();
        let all = DocumentKind::ALL.into_iter().flat_map(|kind| {
            Lang::ALL.into_iter().map(move |lang| {
                (kind, lang, crate::store::sha256_hex(docs.get(kind).text.get(lang).as_bytes()))
            })
        });
        DocumentHashes(all.collect())
    }

    pub fn iter(&self) -> impl Iterator<Item = (DocumentKind, Lang, &str)> {
        self.0.iter().map(|(k, l, s)| (*k, *l, s.as_str()))
    }

    pub fn get(&self, kind: DocumentKind, lang: Lang) -> &str {
        self.iter().find(|(k, l, _)| *k == kind && *l == lang).map_or("", |(_, _, s)| s)
    }
}

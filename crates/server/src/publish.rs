//! The catalogue being served, and publishing another: it is recorded first (the publication, its
//! document texts, a version saying who and when), then swapped in at once, with no restart.
//! A request holds the `Arc<Served>` it started with, so it finishes on that version; bookings
//! name the publication they were made on.

use crate::state::DocumentHashes;
use crate::store::sha256_hex;
use arc_swap::ArcSwap;
use chrono::{DateTime, Utc};
use jazylu_api::CatalogVersion;
use jazylu_core::Catalogue;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::sync::Arc;

/// Who published the catalogue file read at start.
pub const FROM_FILE: &str = "file";

/// One version of the catalogue, as every request reads it.
pub struct Served {
    pub catalogue: Catalogue,
    /// As `GET /api/catalog` sends it, serialised once.
    pub json: String,
    pub sha256: String,
    /// Its row in `catalogue_publications`: what a booking refers to.
    pub publication: i64,
    /// Its row in `catalogue_versions`.
    pub version: i64,
    /// The sha256 of each document text: what a consent record names.
    pub documents: DocumentHashes,
}

/// The version served now; replaced whole.
pub struct Live(ArcSwap<Served>);

impl Live {
    pub fn new(served: Served) -> Live {
        Live(ArcSwap::from_pointee(served))
    }

    pub fn current(&self) -> Arc<Served> {
        self.0.load_full()
    }

    fn replace(&self, served: Served) -> Arc<Served> {
        let served = Arc::new(served);
        self.0.store(served.clone());
        served
    }
}

#[derive(Debug)]
pub enum PublishError {
    /// A document's text differs from the one recorded under the same version: consents given to
    /// that text must stay identifiable, so a new text needs a new version.
    DocumentRewritten {
        document: &'static str,
        version: String,
        lang: &'static str,
    },
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for PublishError {
    fn from(e: rusqlite::Error) -> PublishError {
        PublishError::Db(e)
    }
}

/// Records `catalogue` as a new version by `by` (a rollback names the version it restores).
/// All or nothing: one transaction.
fn record(
    conn: &mut Connection,
    catalogue: Catalogue,
    by: &str,
    restored_from: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Served, PublishError> {
    let json = catalogue.to_json();
    let sha256 = sha256_hex(json.as_bytes());
    let now = now.to_rfc3339();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let publication = crate::db::record_publication(&tx, &sha256, &json, &now)?;
    let documents = DocumentHashes::of(&catalogue);
    for (kind, lang, hash) in documents.iter() {
        let doc = catalogue.documents().get(kind);
        let text = crate::db::DocumentText {
            document: kind.code(),
            version: doc.version.as_str(),
            lang: lang.code(),
            text: doc.text.get(lang),
            sha256: hash,
        };
        if !crate::db::record_document(&tx, &text, &now)? {
            let version = doc.version.as_str().to_string();
            return Err(PublishError::DocumentRewritten {
                document: kind.code(),
                version,
                lang: lang.code(),
            });
        }
    }
    tx.execute(
        "INSERT INTO catalogue_versions (publication_id, published_by, published_at, restored_from)
         VALUES (?1, ?2, ?3, ?4)",
        params![publication, by, now, restored_from],
    )?;
    let version = tx.last_insert_rowid();
    tx.commit()?;
    Ok(Served { catalogue, json, sha256, publication, version, documents })
}

/// At start: the catalogue file, if it changed since it was last read (an edited file goes live
/// as before); otherwise the newest version, which staff may have published since.
pub fn at_start(conn: &mut Connection, file: Catalogue, now: DateTime<Utc>) -> Result<Served, PublishError> {
    let sha = sha256_hex(file.to_json().as_bytes());
    let seen: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM catalogue_versions v JOIN catalogue_publications p ON p.id = v.publication_id
         WHERE p.sha256 = ?1 AND v.published_by = ?2)",
        params![sha, FROM_FILE],
        |r| r.get(0),
    )?;
    if seen {
        if let Some(served) = newest(conn)? {
            return Ok(served);
        }
    }
    record(conn, file, FROM_FILE, None, now)
}

/// The newest version, read back from the database. A version this server can no longer read
/// (its rules grew stricter) is passed over for the one before it.
fn newest(conn: &Connection) -> rusqlite::Result<Option<Served>> {
    let mut stmt = conn.prepare(
        "SELECT v.id, p.id, p.sha256, p.json FROM catalogue_versions v
         JOIN catalogue_publications p ON p.id = v.publication_id ORDER BY v.id DESC",
    )?;
    let rows =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)))?;
    for row in rows {
        let (version, publication, sha256, json) = row?;
        let Ok(catalogue) = Catalogue::parse(&json) else {
            tracing::warn!(version, "a published catalogue no longer passes the check; serving an older one");
            continue;
        };
        let documents = DocumentHashes::of(&catalogue);
        return Ok(Some(Served { catalogue, json, sha256, publication, version, documents }));
    }
    Ok(None)
}

/// Publishes `catalogue` and serves it from now on. Recording and swapping happen under the
/// database's lock, so two publications at once go live in the order they were recorded.
pub fn publish(
    conn: &mut Connection,
    live: &Live,
    catalogue: Catalogue,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Arc<Served>, PublishError> {
    let served = record(conn, catalogue, by, None, now)?;
    crate::audit::record(conn, by, "catalogue_published", None, Some(&version_detail(&served)), now)?;
    Ok(live.replace(served))
}

/// Serves an earlier version again, as a new version naming it. `Ok(None)`: no such version.
pub fn restore(
    conn: &mut Connection,
    live: &Live,
    version: i64,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Option<Arc<Served>>, PublishError> {
    let json: Option<String> = conn
        .query_row(
            "SELECT p.json FROM catalogue_versions v JOIN catalogue_publications p ON p.id = v.publication_id
             WHERE v.id = ?1",
            [version],
            |r| r.get(0),
        )
        .optional()?;
    let Some(catalogue) = json.and_then(|j| Catalogue::parse(&j).ok()) else { return Ok(None) };
    let served = record(conn, catalogue, by, Some(version), now)?;
    let detail = serde_json::json!({ "version": served.version, "restored_from": version });
    crate::audit::record(conn, by, "catalogue_restored", None, Some(&detail), now)?;
    Ok(Some(live.replace(served)))
}

fn version_detail(s: &Served) -> serde_json::Value {
    serde_json::json!({ "version": s.version, "sha256": s.sha256 })
}

/// Every version, newest first.
pub fn versions(conn: &Connection, current: i64) -> rusqlite::Result<Vec<CatalogVersion>> {
    let mut stmt = conn.prepare(
        "SELECT v.id, v.published_at, v.published_by, v.restored_from, p.sha256,
             coalesce(json_array_length(p.json, '$.services'), 0)
         FROM catalogue_versions v JOIN catalogue_publications p ON p.id = v.publication_id ORDER BY v.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        let id: i64 = r.get(0)?;
        Ok(CatalogVersion {
            id,
            published_at: r.get(1)?,
            published_by: r.get(2)?,
            restored_from: r.get(3)?,
            sha256: r.get(4)?,
            services: r.get(5)?,
            current: id == current,
        })
    })?;
    rows.collect()
}

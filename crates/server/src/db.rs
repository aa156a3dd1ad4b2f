//! The SQLite database: opened in WAL mode, migrated at start.

use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// Migrations in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_catalogue_publications.sql"),
    include_str!("../migrations/0002_bookings.sql"),
    include_str!("../migrations/0003_people_phone_optional.sql"),
    include_str!("../migrations/0004_sealed_replays.sql"),
    include_str!("../migrations/0005_cancel_deadline.sql"),
    include_str!("../migrations/0006_people_lookup.sql"),
    include_str!("../migrations/0007_document_texts.sql"),
    include_str!("../migrations/0008_staff.sql"),
];

#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

impl Db {
    pub fn open(path: &Path) -> Result<Db, rusqlite::Error> {
        owner_only(path).map_err(|e| cannot_open(format!("cannot prepare {}: {e}", path.display())))?;
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a booking acknowledged to a visitor survives a power cut.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // An erased person's rows are overwritten, not just unlinked.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Db { conn: Arc::new(Mutex::new(conn)) })
    }

    /// Runs `f` on the connection on this thread: for start-up and tools, not request handlers.
    pub fn blocking<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, rusqlite::Error>,
    ) -> Result<T, rusqlite::Error> {
        let mut guard = self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut guard)
    }

    /// Runs `f` on the connection off the async threads.
    pub async fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, rusqlite::Error> + Send + 'static,
    ) -> Result<T, rusqlite::Error> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?
    }
}

/// A consistent copy of the database at `from` in the new file `to` (`VACUUM INTO`: online, a
/// snapshot of one moment, compacted), made 0600 like the database, then checked.
pub fn backup(from: &Path, to: &Path) -> Result<(), rusqlite::Error> {
    if to.exists() {
        return Err(cannot_open(format!("{} exists already: choose a new file", to.display())));
    }
    owner_only(to).map_err(|e| cannot_open(format!("cannot create {}: {e}", to.display())))?;
    let source = Connection::open_with_flags(from, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    source.busy_timeout(std::time::Duration::from_secs(5))?;
    source.execute("VACUUM INTO ?1", [to.to_string_lossy()])?;
    let copy = Connection::open_with_flags(to, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(cannot_open(format!("the copy failed its integrity check: {check}")));
    }
    Ok(())
}

/// Our own reason why a database cannot be used, as SQLite's error type.
fn cannot_open(why: String) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN), Some(why))
}

/// The database holds patients' data: its folder is made 0700 and the file 0600 (narrowed if it
/// exists) before SQLite opens it, and SQLite gives its -wal and -shm files the file's mode.
fn owner_only(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
        }
        let file = std::fs::OpenOptions::new().create(true).append(true).mode(0o600).open(path)?;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<(), rusqlite::Error> {
    let done: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if done > MIGRATIONS.len() {
        // A newer server wrote it: this one would misread what it does not know.
        return Err(cannot_open(format!(
            "its schema is version {done}, newer than this server's {}: run the newer server",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// A document text as served: which document, its version and language, and its hash.
pub struct DocumentText<'a> {
    pub document: &'static str,
    pub version: &'a str,
    pub lang: &'static str,
    pub text: &'a str,
    pub sha256: &'a str,
}

/// Records a document text being served, once per distinct text. `Ok(false)` when another text
/// is already recorded under the same document, version and language: the clinic changed the
/// text without changing its version.
pub fn record_document(conn: &Connection, d: &DocumentText<'_>, now: &str) -> Result<bool, rusqlite::Error> {
    let known: Option<String> = conn
        .query_row(
            "SELECT sha256 FROM document_texts WHERE document = ?1 AND version = ?2 AND lang = ?3",
            params![d.document, d.version, d.lang],
            |r| r.get(0),
        )
        .optional()?;
    match known {
        Some(sha) => Ok(sha == d.sha256),
        None => {
            conn.execute(
                "INSERT INTO document_texts (sha256, document, version, lang, text, first_served)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (sha256) DO NOTHING",
                params![d.sha256, d.document, d.version, d.lang, d.text, now],
            )?;
            Ok(true)
        }
    }
}

/// Records the catalogue being served (once per distinct content).
pub fn record_publication(
    conn: &Connection,
    sha256: &str,
    json: &str,
    now: &str,
) -> Result<i64, rusqlite::Error> {
    conn.execute(
        "INSERT INTO catalogue_publications (sha256, first_served, json) VALUES (?1, ?2, ?3)
         ON CONFLICT (sha256) DO NOTHING",
        params![sha256, now, json],
    )?;
    conn.query_row("SELECT id FROM catalogue_publications WHERE sha256 = ?1", [sha256], |r| r.get(0))
        .optional()?
        .ok_or(rusqlite::Error::QueryReturnedNoRows)
}

//! The audit: every change staff make and every IIN shown to them, with when and under which
//! token's label. A booking's history is read from here too. `detail` never holds personal data.

use chrono::{DateTime, Utc};
use jazylu_api::HistoryEntry;
use rusqlite::{params, Connection};

pub fn record(
    conn: &Connection,
    actor: &str,
    action: &str,
    booking: Option<i64>,
    detail: Option<&serde_json::Value>,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit (at, actor, action, booking_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![now.to_rfc3339(), actor, action, booking, detail.map(|d| d.to_string())],
    )?;
    Ok(())
}

/// What happened to one booking, oldest first.
pub fn history(conn: &Connection, booking: i64) -> rusqlite::Result<Vec<HistoryEntry>> {
    let mut stmt =
        conn.prepare_cached("SELECT at, actor, action, detail FROM audit WHERE booking_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([booking], |r| {
        let detail: Option<String> = r.get(3)?;
        Ok(HistoryEntry {
            at: r.get(0)?,
            actor: r.get(1)?,
            action: r.get(2)?,
            detail: detail.and_then(|d| serde_json::from_str(&d).ok()),
        })
    })?;
    rows.collect()
}

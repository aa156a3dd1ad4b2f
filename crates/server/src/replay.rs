//! Answers kept for a retry with the same `Idempotency-Key`, sealed. The key is the client's
//! secret (the widget makes it from 16 random bytes): HKDF turns it into an index that finds the
//! record and a separate key that opens it, so the database alone reveals neither the manage
//! token in the answer nor a hash of the request's personal data.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use chrono::{DateTime, TimeDelta, Utc};
use hkdf::Hkdf;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::Sha256;

/// How long a client may retry and get its first answer.
pub const LIFETIME: TimeDelta = TimeDelta::hours(48);

/// What a key derives: where its record is, and what opens it.
struct Keys {
    index: String,
    cipher: ChaCha20Poly1305,
}

fn keys(idempotency_key: &str) -> Keys {
    let hk = Hkdf::<Sha256>::new(Some(b"jazylu replay v1"), idempotency_key.as_bytes());
    let (mut index, mut seal) = ([0u8; 32], [0u8; 32]);
    // Infallible for 32 bytes (HKDF-SHA256 gives up to 8160).
    let _ = hk.expand(b"index", &mut index);
    let _ = hk.expand(b"seal", &mut seal);
    let index = index.iter().map(|b| format!("{b:02x}")).collect();
    Keys { index, cipher: ChaCha20Poly1305::new(Key::from_slice(&seal)) }
}

/// A stored answer to an earlier request with the same key.
pub struct Replay {
    pub request_sha256: String,
    pub status: u16,
    pub response: String,
}

/// The live replay for `idempotency_key`, if any. A record that does not open (it cannot be the
/// same key) counts as none.
pub fn find(
    conn: &Connection,
    idempotency_key: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<Option<Replay>> {
    let k = keys(idempotency_key);
    let row: Option<(Vec<u8>, Vec<u8>, u16)> = conn
        .query_row(
            "SELECT nonce, sealed, status FROM replays WHERE key_index = ?1 AND created_utc > ?2",
            params![k.index, (now - LIFETIME).timestamp()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((nonce, sealed, status)) = row else { return Ok(None) };
    if nonce.len() != 12 {
        return Ok(None);
    }
    let Ok(plain) =
        k.cipher.decrypt(Nonce::from_slice(&nonce), Payload { msg: &sealed, aad: k.index.as_bytes() })
    else {
        return Ok(None);
    };
    let Ok(plain) = String::from_utf8(plain) else { return Ok(None) };
    // The request's hash (64 hex digits), then the answer.
    let Some((request, response)) = plain.split_at_checked(64) else { return Ok(None) };
    Ok(Some(Replay { request_sha256: request.to_string(), status, response: response.to_string() }))
}

/// Keeps `response` for retries with `idempotency_key` (in the caller's transaction), and drops
/// replays past their lifetime.
pub fn keep(
    conn: &Connection,
    idempotency_key: &str,
    request_sha256: &str,
    status: u16,
    response: &str,
    now: DateTime<Utc>,
) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM replays WHERE created_utc <= ?1", [(now - LIFETIME).timestamp()])?;
    let k = keys(idempotency_key);
    let mut nonce = [0u8; 12];
    getrandom::fill(&mut nonce).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.to_string().into()))?;
    let plain = format!("{request_sha256}{response}");
    let sealed = k
        .cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain.as_bytes(), aad: k.index.as_bytes() })
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.to_string().into()))?;
    // An expired record under the same index is replaced.
    conn.execute(
        "INSERT OR REPLACE INTO replays (key_index, nonce, sealed, status, created_utc) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![k.index, nonce.as_slice(), sealed, status, now.timestamp()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> Connection {
        let c = Connection::open_in_memory().expect("db");
        c.execute_batch(
            include_str!("../migrations/0004_sealed_replays.sql")
                .replace("DROP TABLE idempotency;", "")
                .as_str(),
        )
        .expect("schema");
        c
    }

    #[test]
    fn a_kept_answer_opens_with_its_key_only_and_expires() {
        let c = db();
        let now = Utc::now();
        let sha = "a".repeat(64);
        keep(&c, "key-one-123", &sha, 201, r#"{"manage_token":"SECRET"}"#, now).expect("kept");
        let r = find(&c, "key-one-123", now).expect("read").expect("found");
        assert_eq!(
            (r.request_sha256.as_str(), r.status, r.response.as_str()),
            (sha.as_str(), 201, r#"{"manage_token":"SECRET"}"#)
        );
        assert!(find(&c, "key-one-124", now).expect("read").is_none());
        let stored: Vec<u8> = c.query_row("SELECT sealed FROM replays", [], |r| r.get(0)).expect("row");
        assert!(!String::from_utf8_lossy(&stored).contains("SECRET"));
        assert!(find(&c, "key-one-123", now + LIFETIME).expect("read").is_none());
        // A later keep clears what has expired.
        keep(&c, "key-two-123", &sha, 201, "{}", now + LIFETIME + TimeDelta::seconds(1)).expect("kept");
        let n: i64 = c.query_row("SELECT count(*) FROM replays", [], |r| r.get(0)).expect("count");
        assert_eq!(n, 1);
    }
}

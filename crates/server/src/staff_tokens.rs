//! Staff tokens. They come from the configuration (`label:token`, or a bare token, labelled
//! `staff`); with none configured the server makes one at first start and prints it once. Only
//! argon2 hashes are kept: in memory for configured tokens, in `staff_tokens` for a made one. A
//! presented token is checked against every hash (argon2's comparison is constant-time), and an
//! address that keeps failing is refused for a while before any hash is computed.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rusqlite::{params, Connection};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The label of a token given without one, and of the token made at first start.
pub const DEFAULT_LABEL: &str = "staff";
/// Shorter tokens are refused at start: they could be guessed.
pub const MIN_CHARS: usize = 16;
/// Failed attempts from one address within `WINDOW` before it is refused until the window ends.
const MAX_FAILURES: u32 = 10;
const WINDOW: Duration = Duration::from_secs(300);

pub struct StaffTokens {
    /// (label, argon2 PHC string)
    hashes: Vec<(String, String)>,
    failures: Failures,
}

/// What is wrong with a configured token.
#[derive(Debug)]
pub struct BadToken(pub String);

impl StaffTokens {
    /// The configured tokens, or those made before; with neither, one is made, stored as a hash,
    /// and returned once in plain to be printed.
    pub fn load(configured: &[String], conn: &Connection) -> Result<(StaffTokens, Option<String>), BadToken> {
        let mut hashes = Vec::new();
        for entry in configured.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            let (label, token) = split(entry);
            if token.chars().count() < MIN_CHARS {
                return Err(BadToken(format!(
                    "the staff token labelled {label:?} is shorter than {MIN_CHARS} characters"
                )));
            }
            hashes.push((label.to_string(), hash(token).map_err(|e| BadToken(e.to_string()))?));
        }
        let mut made = None;
        if hashes.is_empty() {
            hashes = stored(conn).map_err(|e| BadToken(e.to_string()))?;
        }
        if hashes.is_empty() {
            let token = new_token().map_err(BadToken)?;
            let h = hash(&token).map_err(|e| BadToken(e.to_string()))?;
            conn.execute(
                "INSERT INTO staff_tokens (label, argon2, created_at) VALUES (?1, ?2, ?3)",
                params![DEFAULT_LABEL, h, chrono::Utc::now().to_rfc3339()],
            )
            .map_err(|e| BadToken(e.to_string()))?;
            hashes.push((DEFAULT_LABEL.to_string(), h));
            made = Some(token);
        }
        Ok((StaffTokens { hashes, failures: Failures::default() }, made))
    }

    /// The label of the token, if it is one of ours. Slow on purpose (argon2): call it off the
    /// async threads.
    pub fn label_of(&self, token: &str) -> Option<String> {
        let argon = Argon2::default();
        // Every hash is tried, so the time does not tell which label matched.
        let mut found = None;
        for (label, phc) in &self.hashes {
            let ok =
                PasswordHash::new(phc).is_ok_and(|h| argon.verify_password(token.as_bytes(), &h).is_ok());
            if ok && found.is_none() {
                found = Some(label.clone());
            }
        }
        found
    }

    /// How long `ip` must wait before it may try again, if it failed too often.
    pub fn refused_for(&self, ip: IpAddr) -> Option<Duration> {
        self.failures.refused_for(ip, Instant::now())
    }

    pub fn failed(&self, ip: IpAddr) {
        self.failures.add(ip, Instant::now());
    }
}

/// `reception:secret` is labelled `reception`; a token with no label, or with something before a
/// colon that is not a label, is labelled `staff`.
fn split(entry: &str) -> (&str, &str) {
    match entry.split_once(':') {
        Some((label, token))
            if (1..=32).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') =>
        {
            (label, token)
        }
        _ => (DEFAULT_LABEL, entry),
    }
}

fn hash(token: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt)?;
    Ok(Argon2::default().hash_password(token.as_bytes(), &salt)?.to_string())
}

fn stored(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT label, argon2 FROM staff_tokens ORDER BY label")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// 32 characters of base64url: 192 random bits.
fn new_token() -> Result<String, String> {
    use base64::Engine;
    let mut b = [0u8; 24];
    getrandom::fill(&mut b).map_err(|e| format!("no random source for a staff token: {e}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b))
}

/// Failed attempts per address in the current window. (governor's limiters count every attempt;
/// this must let a correct token through untouched and look before it counts.)
#[derive(Default)]
struct Failures(Mutex<HashMap<IpAddr, (u32, Instant)>>);

impl Failures {
    fn refused_for(&self, ip: IpAddr, now: Instant) -> Option<Duration> {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let (count, since) = map.get(&ip)?;
        let left = WINDOW.checked_sub(now.duration_since(*since)).filter(|d| !d.is_zero())?;
        (*count >= MAX_FAILURES).then_some(left)
    }

    fn add(&self, ip: IpAddr, now: Instant) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 10_000 {
            map.retain(|_, (_, since)| now.duration_since(*since) < WINDOW);
        }
        let entry = map.entry(ip).or_insert((0, now));
        if now.duration_since(entry.1) >= WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_come_before_a_colon() {
        assert_eq!(split("reception:abcdefghijklmnop"), ("reception", "abcdefghijklmnop"));
        assert_eq!(split("abcdefghijklmnop"), ("staff", "abcdefghijklmnop"));
        assert_eq!(split("Not A Label:abc"), ("staff", "Not A Label:abc"));
    }

    #[test]
    fn a_token_matches_its_own_hash_only() {
        let tokens = StaffTokens {
            hashes: vec![
                ("reception".into(), hash("reception-token-0001").expect("hash")),
                ("admin".into(), hash("admin-token-000000002").expect("hash")),
            ],
            failures: Failures::default(),
        };
        assert_eq!(tokens.label_of("admin-token-000000002").as_deref(), Some("admin"));
        assert_eq!(tokens.label_of("reception-token-0001").as_deref(), Some("reception"));
        assert_eq!(tokens.label_of("reception-token-0002"), None);
        assert!(!tokens.hashes.iter().any(|(_, h)| h.contains("token")), "only hashes are kept");
    }

    #[test]
    fn an_address_that_keeps_failing_waits_out_the_window() {
        let f = Failures::default();
        let ip: IpAddr = [127, 0, 0, 1].into();
        let t0 = Instant::now();
        for _ in 0..MAX_FAILURES - 1 {
            f.add(ip, t0);
        }
        assert_eq!(f.refused_for(ip, t0), None);
        f.add(ip, t0);
        assert!(f.refused_for(ip, t0 + Duration::from_secs(10)).is_some());
        assert_eq!(f.refused_for([127, 0, 0, 2].into(), t0), None, "other addresses may still try");
        assert_eq!(f.refused_for(ip, t0 + WINDOW), None);
    }
}

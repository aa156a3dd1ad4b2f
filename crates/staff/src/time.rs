//! Times as staff read and type them: in clinic time, which is how the endpoint writes them.

/// "2026-12-04 09:00" from "2026-12-04T09:00:00+05:00".
pub fn shown(rfc3339: &str) -> String {
    rfc3339.get(..16).map_or_else(|| rfc3339.to_string(), |t| t.replacen('T', " ", 1))
}

/// A `datetime-local` value ("2026-12-04T09:00") in clinic time, as RFC 3339.
pub fn typed(local: &str, offset: chrono::FixedOffset) -> Option<String> {
    let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M").ok()?;
    Some(naive.and_local_timezone(offset).single()?.to_rfc3339())
}

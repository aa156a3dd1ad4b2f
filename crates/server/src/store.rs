//! Bookings in SQLite. Every function runs inside the caller's connection; `claim` is one
//! transaction, and the `slot_claims` primary key makes an overlapping second booking of a doctor
//! impossible even if two requests race past the availability check.

use chrono::{DateTime, Utc};
use jazylu_api::FieldError;
use jazylu_core::availability::{Busy, Slot};
use jazylu_core::booking::{Booking, Held, Person};
use jazylu_core::catalogue::DoctorId;
use rusqlite::{ffi, params, Connection, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Without the OS random source there is no unguessable token: the booking fails (a 500)
/// rather than being stored with a predictable one.
fn random_bytes<const N: usize>() -> rusqlite::Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.to_string().into()))?;
    Ok(b)
}

/// "JZ-7K3Q9M": six characters without look-alikes (no 0/O, 1/I/L), easy to read on the phone.
fn new_reference() -> rusqlite::Result<String> {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let code: String =
        random_bytes::<6>()?.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
    Ok(format!("JZ-{code}"))
}

fn new_token() -> rusqlite::Result<String> {
    use base64::Engine;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<24>()?))
}

/// Busy time of every doctor overlapping `[from, to)`; no personal data.
pub fn busy(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> rusqlite::Result<Vec<Busy>> {
    busy_where(conn, "1", params![from.timestamp(), to.timestamp()])
}

/// One doctor's busy time overlapping `[from, to)`, read through the (doctor, start) index.
/// Visits last at most an hour, so starts from an hour before `from` cover every overlap.
pub fn doctor_busy(
    conn: &Connection,
    doctor: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> rusqlite::Result<Vec<Busy>> {
    busy_where(
        conn,
        "doctor_id = ?3 AND start_utc >= ?1 - 3600",
        params![from.timestamp(), to.timestamp(), doctor],
    )
}

fn busy_where(conn: &Connection, filter: &str, args: &[&dyn rusqlite::ToSql]) -> rusqlite::Result<Vec<Busy>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT doctor_id, start_utc, end_utc FROM bookings
         WHERE {filter} AND status != 'cancelled' AND start_utc < ?2 AND end_utc > ?1 ORDER BY start_utc"
    ))?;
    let rows =
        stmt.query_map(args, |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (doctor, start, end) = row?;
        let (Some(doctor), Some(start), Some(end)) =
            (DoctorId::parse(&doctor), DateTime::from_timestamp(start, 0), DateTime::from_timestamp(end, 0))
        else {
            continue;
        };
        out.push(Busy { doctor, start, end });
    }
    Ok(out)
}

pub struct Created {
    pub reference: String,
    pub manage_token: String,
}

pub enum ClaimError {
    SlotTaken,
    /// The request's deadline passed before the commit: it was answered 408, nothing is stored.
    TooLate,
    /// The patient's limits: too many live bookings, or one at the same time.
    Refused(Vec<FieldError>),
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for ClaimError {
    fn from(e: rusqlite::Error) -> ClaimError {
        ClaimError::Db(e)
    }
}

pub struct NewBooking<'a> {
    pub booking: &'a Booking,
    pub catalogue_id: i64,
    pub price_tenge: u32,
    pub status: &'static str,
    /// Past this the request has been answered 408: the claim rolls back instead of committing.
    pub deadline: std::time::Instant,
    /// Live future bookings a patient or a contact phone may hold.
    pub max_live: u32,
    /// The free-cancellation deadline promised in the answer; kept, never recomputed.
    pub cancel_deadline: DateTime<Utc>,
    pub now: DateTime<Utc>,
    pub channel: Option<&'a str>,
    pub utm: Option<&'a str>,
    /// Each document consented to: its code, version and the sha256 of the text in the
    /// booking's language.
    pub documents: [(&'static str, &'a str, &'a str); 2],
    /// `Idempotency-Key` and the hash of the request body, stored with the answer in the same
    /// transaction, so a retry after a lost response finds the booking instead of a taken slot.
    pub idempotency: Option<(&'a str, &'a str)>,
}

/// Stores a booking and claims its minutes, all or nothing. `answer` renders the response that a
/// replay of the same request will get.
pub fn claim(
    conn: &mut Connection,
    new: &NewBooking<'_>,
    answer: impl FnOnce(&Created) -> String,
) -> Result<(Created, String), ClaimError> {
    let b = new.booking;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let token = new_token()?;
    let now = new.now.to_rfc3339();
    let mut reference = new_reference()?;
    // 31^6 references: a clash is rare, several in a row mean something else is wrong.
    let mut clashes = 0;
    let id = loop {
        let inserted = tx.execute(
            "INSERT INTO bookings (reference, manage_token_sha256, catalogue_id, service_id, doctor_id,
                 start_utc, end_utc, price_tenge, status, lang, channel, utm, created_at, cancel_deadline_utc)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                reference,
                sha256_hex(token.as_bytes()),
                new.catalogue_id,
                b.service.as_str(),
                b.slot.doctor.as_str(),
                b.slot.start.timestamp(),
                b.slot.end.timestamp(),
                new.price_tenge,
                new.status,
                b.lang.code(),
                new.channel,
                new.utm,
                now,
                new.cancel_deadline.timestamp(),
            ],
        );
        match inserted {
            Ok(_) => break tx.last_insert_rowid(),
            Err(e) if violates(&e, ffi::SQLITE_CONSTRAINT_UNIQUE) && clashes < 5 => {
                clashes += 1;
                reference = new_reference()?;
            }
            Err(e) => return Err(e.into()),
        }
    };
    claim_minutes(&tx, id, &b.slot)?;
    // After the slot: a taken time is the answer that helps most. Inside the transaction, so two
    // requests at once cannot both pass.
    let refused = b.refusals(held(&tx, b, new.now)?, new.max_live);
    if !refused.is_empty() {
        return Err(ClaimError::Refused(refused));
    }
    insert_person(&tx, id, "patient", &b.patient, Some(b.address.as_str()), Some(b.whatsapp), None)?;
    if let Some(r) = &b.representative {
        insert_person(&tx, id, "representative", &r.person, None, None, Some(r.relation.code()))?;
    }
    let given_by = if b.representative.is_some() { "representative" } else { "patient" };
    for (document, version, sha256) in new.documents {
        tx.execute(
            "INSERT INTO consents (booking_id, document, document_version, document_sha256, given_by, given_at, lang)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, document, version, sha256, given_by, now, b.lang.code()],
        )?;
    }
    let created = Created { reference, manage_token: token };
    let response = answer(&created);
    if let Some((key, request_sha256)) = new.idempotency {
        crate::replay::keep(&tx, key, request_sha256, 201, &response, new.now)?;
    }
    if std::time::Instant::now() >= new.deadline {
        return Err(ClaimError::TooLate);
    }
    tx.commit()?;
    Ok((created, response))
}

/// Claims every minute of `slot` for the booking `id`; `SlotTaken` if another booking holds one
/// (the caller rolls back). A booking and a staff move claim the same way.
pub fn claim_minutes(tx: &Connection, id: i64, slot: &Slot) -> Result<(), ClaimError> {
    let mut claim =
        tx.prepare_cached("INSERT INTO slot_claims (doctor_id, minute_utc, booking_id) VALUES (?1, ?2, ?3)")?;
    let (first, last) = (slot.start.timestamp() / 60, slot.end.timestamp() / 60);
    for minute in first..last {
        match claim.execute(params![slot.doctor.as_str(), minute, id]) {
            Ok(_) => {}
            Err(e) if violates(&e, ffi::SQLITE_CONSTRAINT_PRIMARYKEY) => return Err(ClaimError::SlotTaken),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// The patient's and the contact phone's other live future bookings, counted for
/// `Booking::refusals`.
fn held(tx: &rusqlite::Transaction<'_>, b: &Booking, now: DateTime<Utc>) -> rusqlite::Result<Held> {
    // Both through the people indexes (migration 0006), prepared once per connection.
    let (of_patient, overlapping): (u32, u32) = tx
        .prepare_cached(
            "SELECT count(*), coalesce(sum(b.start_utc < ?4 AND b.end_utc > ?3), 0)
             FROM people p JOIN bookings b ON b.id = p.booking_id
             WHERE p.iin = ?1 AND p.role = 'patient' AND b.status != 'cancelled' AND b.end_utc > ?2",
        )?
        .query_row(
            params![
                b.patient.iin.as_str(),
                now.timestamp(),
                b.slot.start.timestamp(),
                b.slot.end.timestamp()
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
    let of_phone: u32 = match b.contact_phone() {
        Some(phone) => tx
            .prepare_cached(
                "SELECT count(DISTINCT b.id) FROM people p JOIN bookings b ON b.id = p.booking_id
                 WHERE p.phone = ?1 AND b.status != 'cancelled' AND b.end_utc > ?2",
            )?
            .query_row(params![phone.e164(), now.timestamp()], |r| r.get(0))?,
        None => 0,
    };
    Ok(Held { of_patient, overlapping, of_phone })
}

fn insert_person(
    tx: &rusqlite::Transaction<'_>,
    booking: i64,
    role: &str,
    p: &Person,
    address: Option<&str>,
    whatsapp: Option<bool>,
    relation: Option<&str>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO people (booking_id, role, surname, given_name, patronymic, iin, birth_date, phone,
             address, whatsapp, relation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            booking,
            role,
            p.surname.as_str(),
            p.given_name.as_str(),
            p.patronymic.as_ref().map(|n| n.as_str()),
            p.iin.as_str(),
            jazylu_core::clock::IsoDate(p.birth_date.date()).to_string(),
            p.phone.as_ref().map(|p| p.e164()),
            address,
            whatsapp,
            relation,
        ],
    )?;
    Ok(())
}

/// This constraint and no other: a failed check or foreign key is an error, not a taken slot.
fn violates(e: &rusqlite::Error, constraint: std::os::raw::c_int) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.extended_code == constraint)
}

/// A booking as its manage link shows it: nothing that identifies the patient.
pub struct Stored {
    pub id: i64,
    pub reference: String,
    pub service_id: String,
    pub doctor_id: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub price_tenge: i64,
    pub status: String,
    pub cancelled_late: bool,
    pub cancel_deadline: DateTime<Utc>,
    /// The clinic cancelled it (not the visitor).
    pub cancelled_by_clinic: bool,
    /// The clinic moved it to another time or doctor.
    pub moved_by_clinic: bool,
}

/// The booking with this reference and manage token; `None` for an unknown reference and for a
/// wrong token alike.
pub fn find(conn: &Connection, reference: &str, token: &str) -> rusqlite::Result<Option<Stored>> {
    conn.query_row(
        "SELECT id, reference, service_id, doctor_id, start_utc, end_utc, price_tenge, status, cancelled_late,
             cancel_deadline_utc, coalesce(cancelled_by = 'clinic', 0),
             EXISTS (SELECT 1 FROM audit a WHERE a.booking_id = bookings.id AND a.action = 'moved')
         FROM bookings WHERE reference = ?1 AND manage_token_sha256 = ?2",
        params![reference, sha256_hex(token.as_bytes())],
        |r| {
            Ok(Stored {
                id: r.get(0)?,
                reference: r.get(1)?,
                service_id: r.get(2)?,
                doctor_id: r.get(3)?,
                start: DateTime::from_timestamp(r.get(4)?, 0).unwrap_or_default(),
                end: DateTime::from_timestamp(r.get(5)?, 0).unwrap_or_default(),
                price_tenge: r.get(6)?,
                status: r.get(7)?,
                cancelled_late: r.get(8)?,
                cancel_deadline: DateTime::from_timestamp(r.get(9)?, 0).unwrap_or_default(),
                cancelled_by_clinic: r.get(10)?,
                moved_by_clinic: r.get(11)?,
            })
        },
    )
    .optional()
}

/// Cancels a live booking and frees its time. `late` records that it came after the deadline.
pub fn cancel(conn: &mut Connection, id: i64, late: bool, now: DateTime<Utc>) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let changed = tx.execute(
        "UPDATE bookings SET status = 'cancelled', cancelled_late = ?2, cancelled_at = ?3, cancelled_by = 'visitor'
         WHERE id = ?1 AND status != 'cancelled'",
        params![id, late, now.to_rfc3339()],
    )?;
    tx.execute("DELETE FROM slot_claims WHERE booking_id = ?1", [id])?;
    if changed > 0 {
        let detail = late.then(|| serde_json::json!({ "late": true }));
        crate::audit::record(&tx, "visitor", "cancelled", Some(id), detail.as_ref(), now)?;
    }
    tx.commit()
}

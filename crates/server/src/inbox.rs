//! The bookings as the call centre works them: the list, one booking in full, and what staff do
//! with it (confirm, cancel, move, mark attendance, show an IIN, erase a person). Each change is
//! one transaction with its audit row; a move claims its new minutes like a booking does, so it
//! can never land on a taken time.

use crate::audit;
use crate::store::{self, ClaimError};
use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use jazylu_api::{
    Attendance, ConsentRecord, HistoryEntry, InboxEntry, RevealedIin, StaffBooking, StaffPerson, Status,
};
use jazylu_core::availability::check_slot;
use jazylu_core::catalogue::DoctorId;
use jazylu_core::flow::mask_iin;
use jazylu_core::Catalogue;
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};
use serde_json::json;
use std::collections::BTreeMap;

/// Which bookings the list shows: those starting in `[from, to)`.
pub struct Filter {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub status: Option<Status>,
    pub doctor: Option<String>,
}

/// Why an action was refused; each has a stable code and status in the handler.
#[derive(Debug)]
pub enum Refusal {
    NotFound,
    /// Cancelled already: nothing more to do with it.
    Cancelled,
    /// Its personal data were erased: only its facts remain.
    Erased,
    /// The visit started or passed: it can no longer be moved.
    Started,
    /// Attendance can be marked from the visit's day on.
    NotYet,
    /// The new time is not bookable, for this reason.
    Slot(jazylu_core::availability::SlotError),
    Db(rusqlite::Error),
}

impl From<rusqlite::Error> for Refusal {
    fn from(e: rusqlite::Error) -> Refusal {
        Refusal::Db(e)
    }
}

const ENTRY: &str =
    "SELECT b.id, b.reference, b.status, b.attendance, b.service_id, b.doctor_id, b.start_utc,
        b.end_utc, b.price_tenge, b.created_at, b.erased_at, p.surname, p.given_name, p.patronymic,
        coalesce(r.phone, p.phone)
    FROM bookings b
    LEFT JOIN people p ON p.booking_id = b.id AND p.role = 'patient'
    LEFT JOIN people r ON r.booking_id = b.id AND r.role = 'representative'";

fn at(ts: i64, zone: FixedOffset) -> String {
    DateTime::from_timestamp(ts, 0).unwrap_or_default().with_timezone(&zone).to_rfc3339()
}

fn entry(r: &Row<'_>, cat: &Catalogue) -> rusqlite::Result<(i64, InboxEntry)> {
    let zone = cat.clinic().time_zone.offset();
    let status = Status::parse(&r.get::<_, String>(2)?).unwrap_or(Status::Requested);
    let attendance = r.get::<_, Option<String>>(3)?.and_then(|a| match a.as_str() {
        "arrived" => Some(Attendance::Arrived),
        "no_show" => Some(Attendance::NoShow),
        _ => None,
    });
    let created: String = r.get(9)?;
    let created_at =
        DateTime::parse_from_rfc3339(&created).map(|t| t.with_timezone(&Utc)).unwrap_or_default();
    let names: [Option<String>; 3] = [r.get(11)?, r.get(12)?, r.get(13)?];
    let [surname, given, patronymic] = names.map(Option::unwrap_or_default);
    let call_due = (status == Status::Requested)
        .then(|| cat.call_due(created_at))
        .flatten()
        .map(|t| t.with_timezone(&zone).to_rfc3339());
    Ok((
        r.get(0)?,
        InboxEntry {
            reference: r.get(1)?,
            status,
            attendance,
            service: r.get(4)?,
            doctor: r.get(5)?,
            start: at(r.get(6)?, zone),
            end: at(r.get(7)?, zone),
            price: r.get(8)?,
            patient: jazylu_core::booking::full_name([&surname, &given, &patronymic]),
            phone: r.get(14)?,
            created_at: created_at.with_timezone(&zone).to_rfc3339(),
            call_due,
            erased: r.get::<_, Option<String>>(10)?.is_some(),
        },
    ))
}

/// The bookings starting in the window, requests first, then by start.
pub fn list(conn: &Connection, f: &Filter, cat: &Catalogue) -> rusqlite::Result<Vec<InboxEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{ENTRY} WHERE b.start_utc >= ?1 AND b.start_utc < ?2 AND (?3 IS NULL OR b.status = ?3)
         AND (?4 IS NULL OR b.doctor_id = ?4) ORDER BY b.status != 'requested', b.start_utc, b.id"
    ))?;
    let status = f.status.map(Status::as_str);
    let rows = stmt.query_map(params![f.from.timestamp(), f.to.timestamp(), status, f.doctor], |r| {
        entry(r, cat).map(|(_, e)| e)
    })?;
    rows.collect()
}

fn find(conn: &Connection, reference: &str, cat: &Catalogue) -> rusqlite::Result<Option<(i64, InboxEntry)>> {
    conn.query_row(&format!("{ENTRY} WHERE b.reference = ?1"), [reference], |r| entry(r, cat)).optional()
}

fn person(conn: &Connection, booking: i64, role: &str) -> rusqlite::Result<Option<(StaffPerson, String)>> {
    conn.query_row(
        "SELECT surname, given_name, patronymic, iin, birth_date, phone, address, whatsapp, relation
         FROM people WHERE booking_id = ?1 AND role = ?2",
        params![booking, role],
        |r| {
            let iin: String = r.get(3)?;
            Ok((
                StaffPerson {
                    surname: r.get(0)?,
                    given_name: r.get(1)?,
                    patronymic: r.get(2)?,
                    iin_masked: mask_iin(&iin),
                    birth_date: r.get(4)?,
                    phone: r.get(5)?,
                    address: r.get(6)?,
                    whatsapp: r.get(7)?,
                    relation: r.get(8)?,
                },
                iin,
            ))
        },
    )
    .optional()
}

/// All of one booking, with its history.
pub fn detail(conn: &Connection, reference: &str, cat: &Catalogue) -> rusqlite::Result<Option<StaffBooking>> {
    let Some((id, entry)) = find(conn, reference, cat)? else { return Ok(None) };
    let zone = cat.clinic().time_zone.offset();
    let (lang, channel, utm, deadline, cancelled_by, reason): (String, _, Option<String>, i64, _, _) = conn
        .query_row(
            "SELECT lang, channel, utm, cancel_deadline_utc, cancelled_by, cancel_reason FROM bookings WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )?;
    let utm: BTreeMap<String, String> = utm.and_then(|u| serde_json::from_str(&u).ok()).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT document, document_version, document_sha256, given_by, given_at, lang FROM consents
         WHERE booking_id = ?1 ORDER BY document",
    )?;
    let consents = stmt
        .query_map([id], |r| {
            Ok(ConsentRecord {
                document: r.get(0)?,
                version: r.get(1)?,
                sha256: r.get(2)?,
                given_by: r.get(3)?,
                given_at: r.get(4)?,
                lang: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let created = HistoryEntry {
        at: entry.created_at.clone(),
        actor: "visitor".into(),
        action: "created".into(),
        detail: None,
    };
    let mut history = vec![created];
    history.extend(
        audit::history(conn, id)?.into_iter().map(|h| HistoryEntry { at: in_zone(&h.at, zone), ..h }),
    );
    Ok(Some(StaffBooking {
        lang,
        person: person(conn, id, "patient")?.map(|(p, _)| p),
        representative: person(conn, id, "representative")?.map(|(p, _)| p),
        consents,
        channel,
        utm,
        cancel_deadline: at(deadline, zone),
        cancelled_by,
        cancel_reason: reason,
        history,
        entry,
    }))
}

/// The IINs in full, and the reveal recorded.
pub fn reveal(
    conn: &mut Connection,
    reference: &str,
    actor: &str,
    cat: &Catalogue,
    now: DateTime<Utc>,
) -> Result<RevealedIin, Refusal> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (id, patient) = with_person(&tx, reference, cat)?;
    let representative = person(&tx, id, "representative")?.map(|(_, iin)| iin);
    audit::record(&tx, actor, "iin_revealed", Some(id), None, now)?;
    tx.commit()?;
    Ok(RevealedIin { patient, representative })
}

/// A booking whose person's data are still there: its id and the patient's IIN.
fn with_person(tx: &Connection, reference: &str, cat: &Catalogue) -> Result<(i64, String), Refusal> {
    let (id, entry) = find(tx, reference, cat)?.ok_or(Refusal::NotFound)?;
    if entry.erased {
        return Err(Refusal::Erased);
    }
    let iin = person(tx, id, "patient")?.map(|(_, iin)| iin).ok_or(Refusal::Erased)?;
    Ok((id, iin))
}

/// A live booking, for a change: refused if cancelled or erased.
fn live(tx: &Connection, reference: &str, cat: &Catalogue) -> Result<(i64, InboxEntry), Refusal> {
    let (id, entry) = find(tx, reference, cat)?.ok_or(Refusal::NotFound)?;
    match entry.status {
        Status::Cancelled => Err(Refusal::Cancelled),
        _ if entry.erased => Err(Refusal::Erased),
        _ => Ok((id, entry)),
    }
}

pub fn confirm(
    conn: &mut Connection,
    reference: &str,
    actor: &str,
    cat: &Catalogue,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (id, entry) = live(&tx, reference, cat)?;
    if entry.status == Status::Requested {
        tx.execute("UPDATE bookings SET status = 'confirmed' WHERE id = ?1", [id])?;
        audit::record(&tx, actor, "confirmed", Some(id), None, now)?;
    }
    tx.commit()?;
    Ok(())
}

/// Cancelled by the clinic: the time is freed, and the visitor's manage page says who cancelled.
pub fn cancel(
    conn: &mut Connection,
    reference: &str,
    reason: &str,
    actor: &str,
    cat: &Catalogue,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (id, _) = live(&tx, reference, cat)?;
    cancel_in(&tx, id, reason, now)?;
    audit::record(&tx, actor, "cancelled", Some(id), Some(&json!({ "reason": reason })), now)?;
    tx.commit()?;
    Ok(())
}

fn cancel_in(tx: &Connection, id: i64, reason: &str, now: DateTime<Utc>) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE bookings SET status = 'cancelled', cancelled_by = 'clinic', cancel_reason = ?2, cancelled_at = ?3
         WHERE id = ?1",
        params![id, reason, now.to_rfc3339()],
    )?;
    tx.execute("DELETE FROM slot_claims WHERE booking_id = ?1", [id])?;
    Ok(())
}

/// To another time or doctor: checked by core's slot rules against every other booking, and
/// claimed minute by minute, so two moves (or a move and a booking) never share a time. The
/// price stays as promised; the free-cancellation deadline follows the new time.
pub fn move_to(
    conn: &mut Connection,
    reference: &str,
    doctor: &str,
    start: DateTime<Utc>,
    actor: &str,
    cat: &Catalogue,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (id, entry) = live(&tx, reference, cat)?;
    let was = parse_at(&entry.start);
    if jazylu_core::booking::visit_started(was, now) {
        return Err(Refusal::Started);
    }
    let service = cat
        .service(&entry.service)
        .ok_or(Refusal::Slot(jazylu_core::availability::SlotError::UnknownService))?;
    let doctor_id = DoctorId::parse(doctor)
        .ok_or(Refusal::Slot(jazylu_core::availability::SlotError::DoctorNotForService))?;
    let busy: Vec<_> =
        store::doctor_busy(&tx, doctor, start - TimeDelta::days(1), start + TimeDelta::days(1))?
            .into_iter()
            .filter(|b| !(b.doctor.as_str() == entry.doctor && b.start == was))
            .collect();
    let slot = check_slot(cat, service, &doctor_id, start, &busy, now).map_err(Refusal::Slot)?;
    tx.execute("DELETE FROM slot_claims WHERE booking_id = ?1", [id])?;
    match store::claim_minutes(&tx, id, &slot) {
        Ok(()) => {}
        Err(ClaimError::SlotTaken) => return Err(Refusal::Slot(jazylu_core::availability::SlotError::Taken)),
        Err(ClaimError::Db(e)) => return Err(Refusal::Db(e)),
        Err(_) => return Err(Refusal::Slot(jazylu_core::availability::SlotError::Taken)),
    }
    let deadline = cat.clinic().policies.cancel_deadline(slot.start);
    tx.execute(
        "UPDATE bookings SET doctor_id = ?2, start_utc = ?3, end_utc = ?4, cancel_deadline_utc = ?5 WHERE id = ?1",
        params![id, slot.doctor.as_str(), slot.start.timestamp(), slot.end.timestamp(), deadline.timestamp()],
    )?;
    let zone = cat.clinic().time_zone.offset();
    let detail = json!({
        "from": { "doctor": entry.doctor, "start": entry.start },
        "to": { "doctor": slot.doctor.as_str(), "start": slot.start.with_timezone(&zone).to_rfc3339() },
    });
    audit::record(&tx, actor, "moved", Some(id), Some(&detail), now)?;
    tx.commit()?;
    Ok(())
}

/// An RFC 3339 time as the clinic's clock shows it (the audit writes UTC).
pub fn in_zone(rfc3339: &str, zone: FixedOffset) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map_or_else(|_| rfc3339.to_string(), |t| t.with_timezone(&zone).to_rfc3339())
}

fn parse_at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).unwrap_or_default()
}

/// Arrived or no-show, from the visit's clinic date on.
pub fn mark(
    conn: &mut Connection,
    reference: &str,
    attendance: Attendance,
    actor: &str,
    cat: &Catalogue,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (id, entry) = live(&tx, reference, cat)?;
    if !jazylu_core::booking::attendance_due(cat, parse_at(&entry.start), now) {
        return Err(Refusal::NotYet);
    }
    let code = match attendance {
        Attendance::Arrived => "arrived",
        Attendance::NoShow => "no_show",
    };
    tx.execute("UPDATE bookings SET attendance = ?2 WHERE id = ?1", params![id, code])?;
    audit::record(&tx, actor, code, Some(id), None, now)?;
    tx.commit()?;
    Ok(())
}

/// On withdrawal of consent: the person's data go from every booking made for them (found by
/// the IIN), their future visits are cancelled, and what stays is each booking's time, service,
/// price and the audit, with the erasure in it. SQLite's `secure_delete` overwrites the rows.
pub fn erase(
    conn: &mut Connection,
    reference: &str,
    actor: &str,
    cat: &Catalogue,
    now: DateTime<Utc>,
) -> Result<u32, Refusal> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (_, iin) = with_person(&tx, reference, cat)?;
    let ids: Vec<(i64, String, i64)> = tx
        .prepare(
            "SELECT b.id, b.status, b.start_utc FROM bookings b JOIN people p ON p.booking_id = b.id
                  WHERE p.role = 'patient' AND p.iin = ?1",
        )?
        .query_map([&iin], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (booking, status, start) in &ids {
        if status != "cancelled" && *start > now.timestamp() {
            cancel_in(&tx, *booking, "personal data erased", now)?;
        }
        tx.execute("DELETE FROM people WHERE booking_id = ?1", [booking])?;
        tx.execute("UPDATE bookings SET erased_at = ?2 WHERE id = ?1", params![booking, now.to_rfc3339()])?;
        audit::record(&tx, actor, "erased", Some(*booking), Some(&json!({ "bookings": ids.len() })), now)?;
    }
    tx.commit()?;
    // The write-ahead log still holds the rows as they were: folded into the (overwritten)
    // database and emptied. A reader in the way (a backup) only delays it to the next checkpoint.
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    Ok(ids.len() as u32)
}

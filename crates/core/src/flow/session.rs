//! The flow kept for the tab (`sessionStorage`), so a reload loses nothing the visitor typed.
//! Once booked, only the receipt is kept.
//!
//! Kept as name and value pairs, the way a form holds them, and read back through `Flow::set`:
//! one small reader in the wasm instead of a serde reader per struct, 7 KB gzip less
//! (docs/benchmarks.md).

use super::{Flow, Receipt, Step};
use crate::clock::{parse_date, parse_instant, Instant, IsoDate};
use jazylu_api::{BookingRequest, Field, Status};
use serde::{Deserialize, Serialize};
use std::hash::{DefaultHasher, Hash, Hasher};

/// What the tab keeps of a flow; the browser edge writes it as JSON.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Kept(Vec<(String, String)>);

impl Kept {
    fn put(&mut self, name: &str, value: impl ToString) {
        self.0.push((name.to_string(), value.to_string()));
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Which body an Idempotency-Key was sent with: a retry of the same body reuses the key.
pub fn fingerprint(body: &BookingRequest) -> String {
    let mut h = DefaultHasher::new();
    body.hash(&mut h);
    format!("{:x}", h.finish())
}

/// Boxes that are kept only when ticked (a consent's value is the document version).
const TICKS: [&str; 4] =
    ["patient.whatsapp", "representative.guarantee", "consents.offer", "consents.personal_data"];

impl Flow {
    pub fn to_session(&self) -> Kept {
        let mut k = Kept::default();
        k.put("step", self.step.code());
        k.put("service", &self.form.service);
        if let Some(d) = &self.doctor {
            k.put("doctor", d);
        }
        if let Some(day) = self.day {
            k.put("day", IsoDate(day));
        }
        if let Some((doctor, start)) = &self.slot {
            k.put("slot", format!("{doctor}|{}", Instant(*start)));
        }
        if self.as_representative {
            k.put("as_representative", "");
        }
        for field in Field::ALL {
            let value = self.value(field);
            if !value.is_empty() {
                k.put(field.path(), value);
            }
        }
        let (p, r, c) = (&self.form.patient, &self.representative, &self.form.consents);
        let ticked = [
            (p.whatsapp, ""),
            (r.guarantee, ""),
            (c.offer, &*c.offer_version),
            (c.personal_data, &*c.personal_data_version),
        ];
        for (name, (on, value)) in TICKS.into_iter().zip(ticked) {
            if on {
                k.put(name, value);
            }
        }
        if let Some((key, body)) = &self.key {
            k.put("key", key);
            k.put("key_body", body);
        }
        if let Some(r) = &self.receipt {
            r.keep(&mut k);
        }
        k
    }

    /// The flow a tab kept; `None` when there is none or it does not read.
    pub fn from_session(k: Kept) -> Option<Flow> {
        let mut f = Flow::new(k.get("service")?);
        f.step = Step::ALL.into_iter().find(|s| Some(s.code()) == k.get("step"))?;
        f.doctor = k.get("doctor").filter(|d| !d.is_empty()).map(str::to_string);
        f.day = k.get("day").and_then(parse_date);
        if let Some((doctor, start)) = k.get("slot").and_then(|s| s.split_once('|')) {
            f.slot = parse_instant(start).map(|t| (doctor.to_string(), t));
        }
        f.as_representative = k.get("as_representative").is_some();
        for (name, value) in &k.0 {
            if Field::parse(name).is_some() || TICKS.contains(&name.as_str()) {
                f.set(name, value, true);
            }
        }
        f.key = k.get("key").zip(k.get("key_body")).map(|(key, body)| (key.to_string(), body.to_string()));
        f.receipt = Receipt::kept(&k);
        // A step that needs what was not kept starts where it can.
        if f.step == Step::Done {
            f.receipt.as_ref()?;
        } else if f.step == Step::Manage {
            return None;
        } else if f.step > Step::Time && f.slot.is_none() {
            f.step = Step::Time;
        }
        Some(f)
    }
}

impl Receipt {
    fn keep(&self, k: &mut Kept) {
        k.put("receipt.reference", &self.reference);
        k.put("receipt.token", &self.token);
        k.put("receipt.status", self.status.as_str());
        k.put("receipt.service", &self.service);
        k.put("receipt.doctor", &self.doctor);
        k.put("receipt.start", Instant(self.start));
        k.put("receipt.end", Instant(self.end));
        k.put("receipt.price", self.price);
        k.put("receipt.cancel_deadline", Instant(self.cancel_deadline));
        if self.cancelled_late {
            k.put("receipt.cancelled_late", "");
        }
    }

    fn kept(k: &Kept) -> Option<Receipt> {
        let text = |name: &str| k.get(name).map(str::to_string);
        let instant = |name: &str| k.get(name).and_then(parse_instant);
        Some(Receipt {
            reference: text("receipt.reference")?,
            token: text("receipt.token")?,
            status: Status::parse(k.get("receipt.status")?)?,
            service: text("receipt.service")?,
            doctor: text("receipt.doctor")?,
            start: instant("receipt.start")?,
            end: instant("receipt.end")?,
            price: k.get("receipt.price")?.parse().ok()?,
            cancel_deadline: instant("receipt.cancel_deadline")?,
            cancelled_late: k.get("receipt.cancelled_late").is_some(),
            // The manage page asks the endpoint again; the tab's copy is only until then.
            by_clinic: Default::default(),
        })
    }
}

//! The flow kept for the tab (`sessionStorage`), so a reload loses nothing the visitor typed.
//! Once booked, only the receipt is kept. The form is written in the endpoint's request format,
//! so there is one reader and one writer for it.

use super::{Flow, Receipt, Step};
use crate::booking::BookingForm;
use crate::clock::{parse_date, parse_instant, Instant, IsoDate};
use crate::json::{Json, ObjectWriter};

impl Flow {
    pub fn to_session(&self) -> String {
        let mut out = String::with_capacity(1024);
        let mut o = ObjectWriter::new(&mut out);
        o.str("step", self.step.code());
        o.str("doctor", self.doctor.as_deref().unwrap_or(""));
        o.str("day", &self.day.map(|d| IsoDate(d).to_string()).unwrap_or_default());
        if let Some((doctor, start)) = &self.slot {
            o.str("slot_doctor", doctor).str("slot_start", &Instant(*start).to_string());
        }
        o.bool("as_representative", self.as_representative);
        // The representative goes along even while the box is unticked.
        let form = BookingForm { representative: Some(self.representative.clone()), ..self.form.clone() };
        o.key("form").push_str(&form.to_json());
        if let Some((key, body)) = &self.key {
            o.str("key", key).str("key_body", body);
        }
        if let Some(r) = &self.receipt {
            r.write(o.key("receipt"));
        }
        o.end();
        out
    }

    /// The flow a tab kept; `None` when there is none or it does not read.
    pub fn from_session(text: &str) -> Option<Flow> {
        let doc = Json::parse(text).ok()?;
        let s = |k: &str| doc.get(k).and_then(Json::as_str).unwrap_or("");
        let mut form = BookingForm::from_value(doc.get("form")?);
        let mut f = Flow::new("");
        f.step = Step::parse(s("step"))?;
        f.representative = form.representative.take().unwrap_or_default();
        f.form = form;
        f.doctor = Some(s("doctor").to_string()).filter(|d| !d.is_empty());
        f.day = parse_date(s("day"));
        f.slot = parse_instant(s("slot_start")).map(|t| (s("slot_doctor").to_string(), t));
        f.as_representative = doc.get("as_representative").and_then(Json::as_bool).unwrap_or(false);
        if !s("key").is_empty() {
            f.key = Some((s("key").to_string(), s("key_body").to_string()));
        }
        f.receipt = doc.get("receipt").and_then(|r| Receipt::from_value(r, None));
        // A step that needs what was not kept starts where it can.
        if f.step == Step::Done {
            f.receipt.as_ref()?;
        } else if f.step > Step::Time && f.slot.is_none() {
            f.step = Step::Time;
        }
        Some(f)
    }
}

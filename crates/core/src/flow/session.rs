//! The flow kept for the tab (`sessionStorage`), so a reload loses nothing the visitor typed.
//! Once booked, only the receipt is kept. The endpoint's request format carries the form, so
//! there is one reader and one writer for it.

use super::{Flow, Receipt, Step};
use crate::booking::BookingForm;
use crate::clock::{parse_date, parse_instant, Instant, IsoDate};
use crate::json::{Json, ObjectWriter};

impl Flow {
    pub fn to_session(&self) -> String {
        let mut out = String::with_capacity(1024);
        let mut o = ObjectWriter::new(&mut out);
        o.str("step", self.step.code()).str("service", &self.service);
        o.str("doctor", self.doctor.as_deref().unwrap_or(""));
        o.str("day", &self.day.map(|d| IsoDate(d).to_string()).unwrap_or_default());
        if let Some((doctor, start)) = &self.slot {
            o.str("slot_doctor", doctor).str("slot_start", &Instant(*start).to_string());
        }
        o.bool("as_representative", self.as_representative);
        o.key("form").push_str(&self.form(crate::Lang::DEFAULT).to_json());
        // Kept even while the box is unticked, so ticking it again brings the typing back.
        let mut rep = self.form(crate::Lang::DEFAULT);
        rep.representative = Some(self.representative.clone());
        o.key("representative").push_str(&rep.to_json());
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
        let mut f = Flow::new(s("service"));
        f.step = Step::parse(s("step"))?;
        f.doctor = Some(s("doctor").to_string()).filter(|d| !d.is_empty());
        f.day = parse_date(s("day"));
        f.slot = parse_instant(s("slot_start")).map(|t| (s("slot_doctor").to_string(), t));
        f.as_representative = doc.get("as_representative").and_then(Json::as_bool).unwrap_or(false);
        let form = BookingForm::from_value(doc.get("form")?);
        f.patient = form.patient;
        f.address = form.address;
        f.whatsapp = form.whatsapp;
        f.consent_offer = form.consent_offer;
        f.consent_personal_data = form.consent_personal_data;
        if let Some(r) = doc.get("representative").and_then(|r| BookingForm::from_value(r).representative) {
            f.representative = r;
        }
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

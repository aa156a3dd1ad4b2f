//! The flow kept for the tab (`sessionStorage`), so a reload loses nothing the visitor typed.
//! Once booked, only the receipt is kept. The form is kept in the endpoint's request format.

use super::{Flow, Receipt, Step};
use crate::clock::{instant, iso_date};
use chrono::{DateTime, NaiveDate, Utc};
use jazylu_api::{BookingRequest, Representative};
use serde::{Deserialize, Serialize};

/// What the tab keeps of a flow; the browser edge writes it as JSON.
#[derive(Serialize, Deserialize)]
pub struct Kept {
    step: Step,
    doctor: Option<String>,
    #[serde(with = "opt_date", default)]
    day: Option<NaiveDate>,
    slot: Option<(String, KeptInstant)>,
    as_representative: bool,
    form: BookingRequest,
    /// Kept even while the box is unticked, so ticking it again brings the typing back.
    representative: Representative,
    key: Option<(String, BookingRequest)>,
    receipt: Option<Receipt>,
}

#[derive(Serialize, Deserialize)]
struct KeptInstant(#[serde(with = "instant")] DateTime<Utc>);

mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct D(#[serde(with = "super::iso_date")] NaiveDate);

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.map(D).serialize(s)
    }

    pub fn deserialize<'de, De: Deserializer<'de>>(d: De) -> Result<Option<NaiveDate>, De::Error> {
        Ok(Option::<D>::deserialize(d)?.map(|D(d)| d))
    }
}

impl Flow {
    pub fn to_session(&self) -> Kept {
        Kept {
            step: self.step,
            doctor: self.doctor.clone(),
            day: self.day,
            slot: self.slot.as_ref().map(|(d, t)| (d.clone(), KeptInstant(*t))),
            as_representative: self.as_representative,
            form: self.form.clone(),
            representative: self.representative.clone(),
            key: self.key.clone(),
            receipt: self.receipt.clone(),
        }
    }

    /// The flow a tab kept; `None` when there is none or it does not read.
    pub fn from_session(k: Kept) -> Option<Flow> {
        let mut f = Flow::new("");
        f.step = k.step;
        f.form = k.form;
        f.representative = k.representative;
        f.doctor = k.doctor.filter(|d| !d.is_empty());
        f.day = k.day;
        f.slot = k.slot.map(|(d, KeptInstant(t))| (d, t));
        f.as_representative = k.as_representative;
        f.key = k.key;
        f.receipt = k.receipt;
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

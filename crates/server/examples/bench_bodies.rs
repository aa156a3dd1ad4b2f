//! Prints booking requests for distinct free slots, one JSON document per line, for the load
//! benchmark (`scripts/bench`), each for its own patient (a valid IIN and a phone of their own,
//! so the per-patient limits are checked and pass). Usage: bench_bodies CATALOGUE SERVICE COUNT

use chrono::{Days, Utc};
use jazylu_core::availability::{free_slots, DoctorChoice};
use jazylu_core::ident::Iin;
use jazylu_core::Catalogue;
use serde_json::json;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, catalogue, service, count] = &args[..] else {
        eprintln!("usage: bench_bodies CATALOGUE SERVICE COUNT");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(catalogue).unwrap_or_else(|e| panic!("{catalogue}: {e}"));
    let cat = Catalogue::parse(&text).unwrap_or_else(|p| panic!("invalid catalogue: {p:?}"));
    let service = cat.service(service).unwrap_or_else(|| panic!("no service {service}")).clone();
    let count: usize = count.parse().unwrap_or_else(|_| panic!("COUNT must be a number"));
    let now = Utc::now();
    let today = cat.clinic().time_zone.today(now);
    let horizon = Days::new(u64::from(cat.clinic().policies.horizon_days));
    let slots =
        free_slots(&cat, &service, &DoctorChoice::Any, &[], now, today + Days::new(1), today + horizon);
    // Eleven digits counted up, each with its check digit where it has one.
    let mut iins = (95_052_030_000u64..).filter_map(|stem| Iin::complete(&stem.to_string()));
    for (n, slot) in slots.iter().take(count).enumerate() {
        let iin = iins.next().map(|i| i.as_str().to_string()).unwrap_or_default();
        let phone = format!("+7701{:07}", n);
        let body = json!({
            "service": service.id.as_str(),
            "doctor": slot.doctor.as_str(),
            "start": slot.start.to_rfc3339(),
            "patient": {
                "surname": "Сынақ", "given_name": "Жүктеме", "iin": iin, "birth_date": "1995-05-20",
                "phone": phone, "address": "Қаскелең", "whatsapp": false
            },
            "consents": {
                "offer": true, "personal_data": true,
                "offer_version": cat.documents().offer.version.as_str(),
                "personal_data_version": cat.documents().personal_data.version.as_str()
            },
            "lang": "kk"
        });
        println!("{body}");
    }
    eprintln!("{} bodies of {} free slots", slots.len().min(count), slots.len());
}

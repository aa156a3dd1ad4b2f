//! Times `free_slots` natively: every service, any doctor, 60 days, with the busy time of a
//! fairly full clinic (every third slot taken). Usage: bench_slots CATALOGUE
//! (The widget runs the same code as wasm; its in-browser figure comes with the booking flow.)

use chrono::{Days, Utc};
use jazylu_core::availability::{free_slots, Busy, DoctorChoice};
use jazylu_core::Catalogue;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "data/catalogue.sample.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut cat_json: serde_json::Value = serde_json::from_str(&text).expect("json");
    cat_json["clinic"]["policies"]["horizon_days"] = serde_json::json!(60);
    let cat = Catalogue::parse(&cat_json.to_string()).unwrap_or_else(|p| panic!("invalid catalogue: {p:?}"));
    let now = Utc::now();
    let today = cat.clinic().time_zone.today(now);
    let (from, to) = (today, today + Days::new(60));
    let service = cat.service("endoscopy").expect("endoscopy").clone();
    let free = free_slots(&cat, &service, &DoctorChoice::Any, &[], now, from, to);
    let busy: Vec<Busy> = free
        .iter()
        .step_by(3)
        .map(|s| Busy { doctor: s.doctor.clone(), start: s.start, end: s.end })
        .collect();

    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..101 {
        let t = Instant::now();
        count = free_slots(&cat, &service, &DoctorChoice::Any, &busy, now, from, to).len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "free_slots, 3 doctors x 60 days, {} busy intervals -> {count} slots: median {:.3} ms, max {:.3} ms (native, release)",
        busy.len(),
        times[50],
        times[100]
    );
}

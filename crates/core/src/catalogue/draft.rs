//! A draft catalogue as staff hand it in: every problem it has, and the catalogue made of what is
//! valid in it, so the preview shows the rest of the price list while some entries are wrong.
//! Server-side: in the widget problems carry no paths (see `problem.rs`), so nothing is dropped.

use super::check::check;
use super::{Catalogue, Problem};
use serde_json::Value as Json;

/// The lists whose entries can be left out of a preview one by one.
const LISTS: [&str; 3] = ["categories", "doctors", "services"];

/// What a check of a draft found.
#[derive(Debug)]
pub struct Draft {
    /// Every problem of the draft as given, in the order of the file.
    pub problems: Vec<Problem>,
    /// The draft without its broken categories, doctors and services; `None` when what is wrong
    /// is not in those lists (the clinic's details, a document) or nothing valid is left.
    pub valid: Option<Catalogue>,
}

impl Catalogue {
    /// Checks a draft (JSON); see `Draft`.
    pub fn parse_draft(json: &str) -> Draft {
        let problems = match check(json) {
            Ok(cat) => return Draft { problems: Vec::new(), valid: Some(cat) },
            Err(problems) => problems,
        };
        let Ok(mut root) = serde_json::from_str::<Json>(json) else { return Draft { problems, valid: None } };
        // Leaving out a doctor can leave a service naming nobody, and a category its services:
        // each round drops what the last one found, until the rest passes.
        let mut found = problems.clone();
        for _ in 0..LISTS.len() + 1 {
            if !drop_entries(&mut root, &found) {
                break;
            }
            match check(&root.to_string()) {
                Ok(cat) => return Draft { problems, valid: Some(cat) },
                Err(more) => found = more,
            }
        }
        Draft { problems, valid: None }
    }
}

/// Which entry of a list a problem is in: `services[3].price` is `("services", 3)`.
pub fn entry_of(path: &str) -> Option<(&str, usize)> {
    let (list, rest) = path.split_once('[')?;
    let (i, _) = rest.split_once(']')?;
    Some((LISTS.into_iter().find(|l| *l == list)?, i.parse().ok()?))
}

/// Removes every list entry that has a problem; whether any was.
fn drop_entries(root: &mut Json, problems: &[Problem]) -> bool {
    let mut dropped = false;
    for list in LISTS {
        let mut broken: Vec<usize> = problems
            .iter()
            .filter_map(|p| entry_of(&p.path))
            .filter(|(l, _)| *l == list)
            .map(|(_, i)| i)
            .collect();
        broken.sort_unstable();
        broken.dedup();
        if let Some(entries) = root.get_mut(list).and_then(Json::as_array_mut) {
            broken.retain(|i| *i < entries.len());
            for i in broken.into_iter().rev() {
                entries.remove(i);
                dropped = true;
            }
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SAMPLE: &str = include_str!("../../../../data/catalogue.sample.json");

    #[test]
    fn a_valid_draft_is_the_whole_catalogue() {
        let d = Catalogue::parse_draft(SAMPLE);
        assert!(d.problems.is_empty());
        assert_eq!(d.valid.map(|c| c.services().len()), Some(12));
    }

    #[test]
    fn broken_services_are_left_out_of_the_preview_and_all_reported() {
        let mut doc: Json = serde_json::from_str(SAMPLE).expect("JSON");
        doc["services"][1]["duration_min"] = json!(61);
        doc["services"][4]["price"] = json!(0);
        let d = Catalogue::parse_draft(&doc.to_string());
        let found: Vec<_> = d.problems.iter().map(|p| (p.path.as_str(), p.code.as_str())).collect();
        assert_eq!(
            found,
            [
                ("services[1].duration_min", "duration_out_of_range"),
                ("services[4].price", "price_not_positive")
            ]
        );
        let valid = d.valid.expect("the rest is valid");
        assert_eq!(valid.services().len(), 10);
        let id = |i: usize| doc["services"][i]["id"].as_str().unwrap_or_default().to_string();
        assert!(valid.service(&id(1)).is_none() && valid.service(&id(4)).is_none());
        assert!(valid.service(&id(0)).is_some());
    }

    #[test]
    fn a_broken_doctor_takes_the_services_that_name_only_them_along() {
        let mut doc: Json = serde_json::from_str(SAMPLE).expect("JSON");
        let doctor = doc["doctors"][0]["id"].clone();
        doc["doctors"][0]["name"]["en"] = json!("");
        let d = Catalogue::parse_draft(&doc.to_string());
        assert_eq!(d.problems.len(), 1, "{:?}", d.problems);
        assert_eq!(d.problems[0].code.as_str(), "missing_translation");
        let valid = d.valid.expect("the rest is valid");
        assert_eq!(valid.doctors().len(), 2);
        assert!(valid.services().iter().all(|s| !s.doctors.iter().any(|id| id.as_str() == doctor)));
    }

    #[test]
    fn a_problem_outside_the_lists_leaves_nothing_to_preview() {
        let mut doc: Json = serde_json::from_str(SAMPLE).expect("JSON");
        doc["clinic"]["bin"] = json!("123");
        let d = Catalogue::parse_draft(&doc.to_string());
        assert_eq!(d.problems.len(), 1);
        assert!(d.valid.is_none());
        assert!(Catalogue::parse_draft("{").valid.is_none());
    }

    #[test]
    fn entries_are_read_from_paths() {
        assert_eq!(entry_of("services[3].name.kk"), Some(("services", 3)));
        assert_eq!(entry_of("doctors[0]"), Some(("doctors", 0)));
        assert_eq!(entry_of("clinic.phones[0]"), None);
        assert_eq!(entry_of("holidays.2026[1]"), None);
    }
}

//! Reading the catalogue's JSON field by field. Every shape problem (a missing field, a wrong
//! type, an unknown key) is reported with its path and reading goes on, so the person editing the
//! file sees all of them at once, which a derived `Deserialize` (stopping at the first) cannot.
//! The document itself is read by serde_json; the server runs this check, the widget reads the
//! published catalogue with serde.

use super::check::Checker;
use super::problem::{detail, locate, ProblemCode as Code};
use serde_json::{Map, Value as Json};

/// An object of the document and where it is.
pub(super) struct Obj<'a> {
    fields: &'a Map<String, Json>,
    pub path: String,
}

impl Obj<'_> {
    pub fn at(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        locate!("{key}")
    } else {
        locate!("{path}.{key}")
    }
}

pub(super) fn index(path: &str, i: usize) -> String {
    locate!("{path}[{i}]")
}

fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "true or false",
        Json::Number(n) if n.is_i64() || n.is_u64() => "a whole number",
        Json::Number(_) => "a number with a fraction",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

impl Checker {
    fn wrong_type(&mut self, path: String, expected: &str, got: &Json) {
        self.report(path, Code::WrongType, detail!("expected {expected}, got {}", kind(got)));
    }

    /// `v` as an object whose keys are all in `fields`.
    pub fn object<'a>(&mut self, v: &'a Json, path: String, fields: &[&str]) -> Option<Obj<'a>> {
        let Some(map) = v.as_object() else {
            self.wrong_type(path, "an object", v);
            return None;
        };
        for (key, _) in map.iter().filter(|(k, _)| !fields.contains(&k.as_str())) {
            self.report(join(&path, key), Code::UnknownField, detail!("'{key}' is not a field here"));
        }
        Some(Obj { fields: map, path })
    }

    /// A field's value; `null` counts as absent. A required one that is absent is reported.
    pub fn field<'a>(&mut self, o: &Obj<'a>, key: &str, required: bool) -> Option<&'a Json> {
        match o.fields.get(key) {
            Some(Json::Null) | None => {
                if required {
                    self.report(o.at(key), Code::MissingField, detail!("'{key}' is required"));
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    pub fn child<'a>(&mut self, o: &Obj<'a>, key: &str, fields: &[&str], required: bool) -> Option<Obj<'a>> {
        let v = self.field(o, key, required)?;
        self.object(v, o.at(key), fields)
    }

    pub fn string<'a>(&mut self, v: &'a Json, path: String) -> Option<&'a str> {
        let s = v.as_str();
        if s.is_none() {
            self.wrong_type(path, "a string", v);
        }
        s
    }

    pub fn str<'a>(&mut self, o: &Obj<'a>, key: &str, required: bool) -> Option<&'a str> {
        let v = self.field(o, key, required)?;
        self.string(v, o.at(key))
    }

    pub fn int(&mut self, o: &Obj<'_>, key: &str, required: bool) -> Option<i64> {
        let v = self.field(o, key, required)?;
        let n = v.as_i64();
        if n.is_none() {
            self.wrong_type(o.at(key), "a whole number", v);
        }
        n
    }

    pub fn flag(&mut self, o: &Obj<'_>, key: &str) -> bool {
        let Some(v) = self.field(o, key, false) else { return false };
        let b = v.as_bool();
        if b.is_none() {
            self.wrong_type(o.at(key), "true or false", v);
        }
        b.unwrap_or(false)
    }

    /// A list field; absent is an empty list unless required.
    pub fn list<'a>(&mut self, o: &Obj<'a>, key: &str, required: bool) -> &'a [Json] {
        let Some(v) = self.field(o, key, required) else { return &[] };
        match v.as_array() {
            Some(items) => items,
            None => {
                self.wrong_type(o.at(key), "a list", v);
                &[]
            }
        }
    }

    /// The strings of a list field, each with its path; other items are reported.
    pub fn strings<'a>(&mut self, o: &Obj<'a>, key: &str, required: bool) -> Vec<(String, &'a str)> {
        let path = o.at(key);
        let items = self.list(o, key, required);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((index(&path, i), self.string(v, index(&path, i))?)))
            .collect()
    }
}

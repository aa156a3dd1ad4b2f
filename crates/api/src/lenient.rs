#![cfg_attr(not(feature = "lenient"), allow(dead_code))]
//! Reading a booking request the way a form is read: a value of the wrong type counts as not
//! given, so `core` reports it as a field problem next to every other one, instead of the whole
//! body being refused at its first surprise.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::Serializer;
use std::fmt;

/// The value if it has the expected type, else whatever was there.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Or<T> {
    Value(T),
    Other(IgnoredAny),
}

impl<T: Default> Or<T> {
    fn or_default(self) -> T {
        match self {
            Or::Value(v) => v,
            Or::Other(_) => T::default(),
        }
    }
}

/// A string, or empty.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Or::<String>::deserialize(d)?.or_default())
}

/// `true` only when `true` was sent.
pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Or::<bool>::deserialize(d)?.or_default())
}

/// An object (its own fields read leniently), or an empty one.
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> Result<T, D::Error> {
    Ok(Or::<T>::deserialize(d)?.or_default())
}

/// An object, or none (`null`, missing, or not an object).
pub fn optional<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Ok(match Or::<T>::deserialize(d)? {
        Or::Value(v) => Some(v),
        Or::Other(_) => None,
    })
}

/// Field errors, without those whose field this build does not know (a newer endpoint).
pub fn known_fields<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<crate::FieldError>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Raw<'a> {
        #[serde(borrow)]
        field: std::borrow::Cow<'a, str>,
        code: crate::FieldCode,
    }
    let raw = Vec::<Raw<'de>>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .filter_map(|r| Some(crate::FieldError { field: crate::Field::parse(&r.field)?, code: r.code }))
        .collect())
}

/// A map of string values, in key order (an object's order means nothing, so two ways of
/// writing one request read the same); other values are dropped.
pub fn tags<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    #[cfg(feature = "lenient")]
    let mut tags = Or::<Tags>::deserialize(d)?.or_default().0;
    #[cfg(not(feature = "lenient"))]
    let mut tags = Tags::deserialize(d)?.0;
    // A handful of tags: an insertion sort, not std's (kilobytes of wasm).
    for i in 1..tags.len() {
        let mut j = i;
        while j > 0 && tags[j - 1].0 > tags[j].0 {
            tags.swap(j - 1, j);
            j -= 1;
        }
    }
    Ok(tags)
}

pub fn tag_map<S: Serializer>(tags: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(tags.iter().map(|(k, v)| (k, v)))
}

#[derive(Default)]
struct Tags(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Tags {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Tags, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Tags;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tags, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    if let Some(v) = v.0 {
                        out.push((k, v));
                    }
                }
                Ok(Tags(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// A map value: a string, or (read leniently) anything else, dropped.
struct Value(Option<String>);

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        #[cfg(feature = "lenient")]
        return Ok(Value(match Or::<String>::deserialize(d)? {
            Or::Value(v) => Some(v),
            Or::Other(_) => None,
        }));
        #[cfg(not(feature = "lenient"))]
        return String::deserialize(d).map(|v| Value(Some(v)));
    }
}

//! JSON through the browser's own `JSON.parse` and `JSON.stringify`, with serde-wasm-bindgen
//! between them and the wire types: no JSON parser in the wasm (measured in docs/benchmarks.md).

use jazylu_core::flow::Answer;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub fn read<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

pub fn write<T: Serialize>(value: &T) -> Option<String> {
    // Plain objects and numbers, as JSON has them (not JS Maps or BigInts).
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let value = value.serialize(&serializer).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// An endpoint's answer: the expected body on success, else the status and the error body.
pub fn answer<T: DeserializeOwned>((status, text): (u16, String)) -> Answer<T> {
    if (200..300).contains(&status) {
        match read(&text) {
            Some(body) => Answer::Ok(body),
            None => Answer::Err(status, None),
        }
    } else {
        Answer::Err(status, read(&text))
    }
}

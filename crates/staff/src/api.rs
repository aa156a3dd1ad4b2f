//! `/api/staff/*` with the staff token, and the public catalogue. Every answer is read into the
//! wire contract's types; a refusal keeps its stable code for the words to phrase.

use jazylu_api::ErrorBody;
use serde::de::DeserializeOwned;

/// Why a request did not give what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer: offline, the server down, the timeout.
    Network,
    /// 401: the token is not (or no longer) valid.
    SignedOut,
    /// 429: too many wrong tokens from here.
    TooMany,
    /// Any other refusal, by its code (`slot_taken`, `catalogue_invalid`…), and the whole body.
    Refused(String, String),
}

impl Failure {
    pub fn said(&self, w: &jazylu_i18n::StaffWords) -> &'static str {
        match self {
            Failure::Network => w.network,
            Failure::SignedOut => w.token_wrong,
            Failure::TooMany => w.too_many,
            Failure::Refused(code, _) => w.refusal(code),
        }
    }
}

/// A body and its media type.
pub struct Body<'a> {
    pub kind: &'a str,
    pub text: String,
}

impl Body<'_> {
    pub fn json(value: &impl serde::Serialize) -> Body<'static> {
        Body { kind: "application/json", text: serde_json::to_string(value).unwrap_or_default() }
    }
}

/// The answer's text, or why not.
pub async fn text(method: &str, path: &str, token: &str, body: Option<Body<'_>>) -> Result<String, Failure> {
    let auth = format!("Bearer {token}");
    let mut headers = vec![("authorization", auth.as_str())];
    if let Some(b) = &body {
        headers.push(("content-type", b.kind));
    }
    let answer = jazylu_web::call(method, path, body.as_ref().map(|b| b.text.as_str()), &headers).await;
    match answer {
        None => Err(Failure::Network),
        Some((status, text)) if (200..300).contains(&status) => Ok(text),
        Some((401, _)) => Err(Failure::SignedOut),
        Some((429, _)) => Err(Failure::TooMany),
        Some((_, text)) => {
            let code =
                serde_json::from_str::<ErrorBody>(&text).map(|e| e.code.into_owned()).unwrap_or_default();
            Err(Failure::Refused(code, text))
        }
    }
}

pub async fn send<T: DeserializeOwned>(
    method: &str,
    path: &str,
    token: &str,
    body: Option<Body<'_>>,
) -> Result<T, Failure> {
    let text = text(method, path, token, body).await?;
    serde_json::from_str(&text).map_err(|_| Failure::Refused(String::new(), text))
}

/// The catalogue served now (public), for the doctors' and services' names.
pub async fn catalogue() -> Option<jazylu_core::Catalogue> {
    let (status, text) = jazylu_web::call("GET", "/api/catalog", None, &[]).await?;
    (status == 200).then(|| serde_json::from_str(&text).ok()).flatten()
}

//! The three languages of the widget and how one is chosen.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];
    /// Kazakh is the state language and the clinic's own: the default when nothing else says.
    pub const DEFAULT: Lang = Lang::Kk;

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Kk => "Қазақша",
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }

    /// Accepts a language tag such as `ru`, `ru-KZ` or `KK`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL.into_iter().find(|l| primary.eq_ignore_ascii_case(l.code()))
    }

    /// The first supported language of a preference list, in the list's order
    /// (`navigator.languages` or an `Accept-Language` header; q-values are honoured).
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        preferences
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| {
                let mut parts = item.split(';');
                let lang = Lang::from_tag(parts.next()?)?;
                let q = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1000), quality)?;
                (q > 0).then_some((q, i, lang))
            })
            // Highest q wins; among equals, the earlier one.
            .max_by(|a: &(u16, usize, Lang), b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|r| r.2)
    }

    /// Parses an `Accept-Language` header value.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        Lang::negotiate(header.split(','))
    }
}

impl Default for Lang {
    fn default() -> Lang {
        Lang::DEFAULT
    }
}

/// A q-value ("0.8", "1", "0.125") in thousandths, without float parsing (smaller wasm).
fn quality(q: &str) -> Option<u16> {
    let (int, frac) = q.trim().split_once('.').unwrap_or((q.trim(), ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = int.parse().ok().filter(|w| *w <= 1)?;
    let thousandths: u16 = format!("{frac:0<3}").parse().ok()?;
    Some((whole * 1000 + thousandths).min(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_with_regions_and_case() {
        assert_eq!(Lang::from_tag("ru-KZ"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("KK"), Some(Lang::Kk));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn accept_language_honours_order_and_q() {
        assert_eq!(Lang::from_accept_language("de-DE,ru;q=0.9,en;q=0.8"), Some(Lang::Ru));
        assert_eq!(Lang::from_accept_language("en;q=0.5, kk"), Some(Lang::Kk));
        assert_eq!(Lang::from_accept_language("en;q=0, ru;q=0.1"), Some(Lang::Ru));
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language("en;q=0.125, ru;q=0.12"), Some(Lang::En));
        assert_eq!(
            Lang::from_accept_language("en;q=bad, ru;q=0.5"),
            Some(Lang::Ru),
            "a bad q drops its entry"
        );
    }
}

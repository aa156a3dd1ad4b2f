//! Kazakhstan phone numbers, stored as E.164.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    /// Not a +7 number with 10 national digits.
    Format,
    /// A valid number, but not in a Kazakhstan mobile range (where a mobile is required).
    NotMobile,
}

/// A Kazakhstan number, `+7` and ten digits. Mobile and landline numbers both parse; callers that
/// need a mobile (SMS, WhatsApp) ask `is_mobile`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

/// Mobile operator codes (libphonenumber's ranges for Kazakhstan).
const MOBILE_CODES: &[u16] =
    &[700, 701, 702, 705, 706, 707, 708, 747, 760, 761, 762, 763, 764, 771, 775, 776, 777, 778, 785];

impl Phone {
    /// Accepts what people type: `+7 (701) 123-45-67`, `8 701 123 45 67`, `87011234567`,
    /// `7011234567`. Only digits count; 11 digits must start with 7 or 8.
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        // Only digits and the punctuation people put in numbers; a letter means a typo.
        if !input.chars().all(|c| matches!(c, '0'..='9' | ' ' | '+' | '-' | '(' | ')' | '.' | '\u{a0}')) {
            return Err(PhoneError::Format);
        }
        let digits: String = input.chars().filter(char::is_ascii_digit).collect();
        let national = match digits.len() {
            10 => digits.as_str(),
            11 if digits.starts_with('7') || digits.starts_with('8') => &digits[1..],
            _ => return Err(PhoneError::Format),
        };
        // Kazakhstan's part of +7 is 6xx and 7xx; everything else under +7 is Russia.
        if !(national.starts_with('7') || national.starts_with('6')) {
            return Err(PhoneError::Format);
        }
        Ok(Phone(format!("+7{national}")))
    }

    pub fn parse_mobile(input: &str) -> Result<Phone, PhoneError> {
        let phone = Phone::parse(input)?;
        if phone.is_mobile() {
            Ok(phone)
        } else {
            Err(PhoneError::NotMobile)
        }
    }

    pub fn is_mobile(&self) -> bool {
        self.0[2..5].parse::<u16>().is_ok_and(|code| MOBILE_CODES.contains(&code))
    }

    pub fn e164(&self) -> &str {
        &self.0
    }

    /// Digits only, for `wa.me/…` and `tel:` links.
    pub fn digits(&self) -> &str {
        &self.0[1..]
    }

    /// The link that calls this number.
    pub fn tel_href(&self) -> String {
        format!("tel:{}", self.e164())
    }

    /// The link that opens a WhatsApp chat with this number.
    pub fn whatsapp_href(&self) -> String {
        format!("https://wa.me/{}", self.digits())
    }
}

impl TryFrom<String> for Phone {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Phone::parse(&s).map_err(|e| format!("{e:?}"))
    }
}

impl From<Phone> for String {
    fn from(p: Phone) -> String {
        p.0
    }
}

/// "+7 701 123 45 67".
impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = &self.0[2..];
        write!(f, "+7\u{a0}{}\u{a0}{}\u{a0}{}\u{a0}{}", &n[0..3], &n[3..6], &n[6..8], &n[8..10])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_what_people_type() {
        for input in ["+7 (701) 123-45-67", "8 701 123 45 67", "87011234567", "7011234567", "77011234567"] {
            assert_eq!(Phone::parse(input).map(|p| p.0), Ok("+77011234567".to_string()), "{input}");
        }
    }

    #[test]
    fn links_call_and_message_the_number() {
        let p = Phone::parse("8 701 123 45 67").expect("a phone");
        assert_eq!(
            (p.tel_href().as_str(), p.whatsapp_href().as_str()),
            ("tel:+77011234567", "https://wa.me/77011234567")
        );
    }

    #[test]
    fn rejects_wrong_lengths_letters_and_russia() {
        assert_eq!(Phone::parse("701 123 45 6"), Err(PhoneError::Format));
        assert_eq!(Phone::parse("+7 701 123 45 678"), Err(PhoneError::Format));
        assert_eq!(Phone::parse("+7 701 ABC 45 67"), Err(PhoneError::Format));
        assert_eq!(Phone::parse("+7 916 123 45 67"), Err(PhoneError::Format));
        assert_eq!(Phone::parse("97011234567"), Err(PhoneError::Format));
    }

    #[test]
    fn mobile_ranges_and_landlines() {
        assert!(Phone::parse_mobile("+7 777 747 90 65").is_ok());
        assert_eq!(Phone::parse_mobile("+7 72771 2 34 56"), Err(PhoneError::NotMobile));
        assert!(Phone::parse("+7 72771 2 34 56").is_ok());
    }

    #[test]
    fn displays_grouped() {
        assert_eq!(
            Phone::parse("87002041070").map(|p| p.to_string()),
            Ok("+7\u{a0}700\u{a0}204\u{a0}10\u{a0}70".to_string())
        );
    }
}

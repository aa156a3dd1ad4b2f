//! Kazakhstan's 12-digit identification numbers: BIN (organisations) and IIN (people) share one
//! check-digit rule.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a 12-digit number was refused. The codes are stable: the widget and the API key on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentError {
    /// Not exactly 12 digits (after removing spaces).
    Format,
    /// The 12th digit does not match, or the number is of the never-issued kind.
    Checksum,
}

/// The check digit for the first 11 digits, or `None` when both passes give 10 (never issued).
/// Weights 1..=11, then 3..=11,1,2; the Russian "then 0" variant is not used in Kazakhstan.
fn check_digit(d: &[u8; 12]) -> Option<u8> {
    const SECOND: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let pass = |weight: &dyn Fn(usize) -> u32| {
        d[..11].iter().enumerate().map(|(i, &x)| u32::from(x) * weight(i)).sum::<u32>() % 11
    };
    let first = pass(&|i| i as u32 + 1);
    let c = if first == 10 { pass(&|i| SECOND[i]) } else { first };
    (c != 10).then_some(c as u8)
}

fn parse_12(input: &str) -> Result<[u8; 12], IdentError> {
    let compact: Vec<u8> = input.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let mut out = [0u8; 12];
    if compact.len() != 12 || !compact.iter().all(u8::is_ascii_digit) {
        return Err(IdentError::Format);
    }
    for (o, b) in out.iter_mut().zip(compact) {
        *o = b - b'0';
    }
    match check_digit(&out) {
        Some(c) if c == out[11] => Ok(out),
        _ => Err(IdentError::Checksum),
    }
}

fn digits_string(d: &[u8; 12]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

macro_rules! ident_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Accepts 12 digits with optional spaces; checks the check digit.
            pub fn parse(input: &str) -> Result<Self, IdentError> {
                parse_12(input).map(|d| Self(digits_string(&d)))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The number whose first 11 digits are `stem`, with its check digit; `None` for a
            /// stem that is not 11 digits or has no check digit. (For generating test data.)
            pub fn complete(stem: &str) -> Option<Self> {
                let mut d = [0u8; 12];
                if stem.len() != 11 || !stem.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                for (o, b) in d.iter_mut().zip(stem.bytes()) {
                    *o = b - b'0';
                }
                d[11] = check_digit(&d)?;
                Some(Self(digits_string(&d)))
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                Self::parse(&s).map_err(|e| format!("{e:?}"))
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

ident_type!(
    /// Business identification number of an organisation (БСН / БИН).
    Bin
);
ident_type!(
    /// Individual identification number of a person (ЖСН / ИИН). Never logged; masked in UIs.
    Iin
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_iins_from_the_domain_notes() {
        for ok in ["000101500001", "000101600008", "950520300004", "000101500206", "950520300502"] {
            assert!(Iin::parse(ok).is_ok(), "{ok} should pass");
        }
        assert_eq!(Iin::parse("821214240092"), Err(IdentError::Checksum), "both passes give 10");
        assert_eq!(Iin::parse("123456789012"), Err(IdentError::Checksum));
    }

    #[test]
    fn spaces_are_tolerated_and_dropped() {
        assert_eq!(Iin::parse(" 000101 500001 ").map(|i| i.0), Ok("000101500001".to_string()));
        assert_eq!(Iin::complete("95052030000").map(|i| i.0), Some("950520300004".to_string()));
        assert_eq!(Iin::complete("9505203000"), None);
        for n in 0..200u64 {
            if let Some(iin) = Iin::complete(&format!("{:011}", 95_052_030_000 + n)) {
                assert!(Iin::parse(iin.as_str()).is_ok());
            }
        }
    }

    #[test]
    fn the_clinic_bin_and_the_seed_typo() {
        assert!(Bin::parse("210840003610").is_ok());
        assert_eq!(Bin::parse("2108400003610"), Err(IdentError::Format), "13 digits");
        assert_eq!(Bin::parse("21084000361"), Err(IdentError::Format));
        assert_eq!(Bin::parse("21084000361x"), Err(IdentError::Format));
        assert_eq!(Bin::parse("210840003611"), Err(IdentError::Checksum));
    }
}

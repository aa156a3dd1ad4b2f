//! Prices in whole tenge.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A positive amount in whole tenge. The only way to get one is `Tenge::new`, so a price list can
/// never show a zero or negative price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Tenge(u32);

impl Tenge {
    pub fn new(amount: i64) -> Option<Tenge> {
        u32::try_from(amount).ok().filter(|a| *a > 0).map(Tenge)
    }

    pub fn amount(self) -> u32 {
        self.0
    }
}

impl TryFrom<u32> for Tenge {
    type Error = &'static str;
    fn try_from(v: u32) -> Result<Self, Self::Error> {
        Tenge::new(v.into()).ok_or("price must be positive")
    }
}

impl From<Tenge> for u32 {
    fn from(t: Tenge) -> u32 {
        t.0
    }
}

/// "10 000 ₸": groups of three separated by a no-break space, and a no-break space before the sign,
/// so a price never wraps across lines.
impl fmt::Display for Tenge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                f.write_str("\u{a0}")?;
            }
            write!(f, "{ch}")?;
        }
        f.write_str("\u{a0}₸")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_no_break_spaces() {
        let t = |n| Tenge::new(n).map(|t| t.to_string());
        assert_eq!(t(10_000).as_deref(), Some("10\u{a0}000\u{a0}₸"));
        assert_eq!(t(500).as_deref(), Some("500\u{a0}₸"));
        assert_eq!(t(1_234_567).as_deref(), Some("1\u{a0}234\u{a0}567\u{a0}₸"));
    }

    #[test]
    fn rejects_zero_and_negative() {
        assert_eq!(Tenge::new(0), None);
        assert_eq!(Tenge::new(-5), None);
        assert_eq!(Tenge::new(1).map(Tenge::amount), Some(1));
    }
}

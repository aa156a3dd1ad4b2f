//! Escaping for the HTML that core renders (the price list).

use std::fmt::{self, Write};

/// Writes `s` with the five HTML-significant characters escaped: safe in text and in quoted
/// attribute values.
pub struct Escape<'a>(pub &'a str);

impl fmt::Display for Escape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ch in self.0.chars() {
            match ch {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                '\'' => f.write_str("&#39;")?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Escape;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            Escape(r#"<b a="1">O'K & co</b>"#).to_string(),
            "&lt;b a=&quot;1&quot;&gt;O&#39;K &amp; co&lt;/b&gt;"
        );
    }
}

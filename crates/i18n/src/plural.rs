//! Numbers with their nouns. Russian has three forms after a numeral (CLDR one/few/many:
//! «1 час», «2 часа», «5 часов», «21 час»), English two, Kazakh one (no plural after numerals).

/// `forms` are the one, few and many forms of the noun.
pub fn ru(n: u32, forms: [&str; 3]) -> String {
    let form = match (n % 10, n % 100) {
        (1, m) if m != 11 => forms[0],
        (2..=4, m) if !(12..=14).contains(&m) => forms[1],
        _ => forms[2],
    };
    format!("{n} {form}")
}

pub fn en(n: u32, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
}

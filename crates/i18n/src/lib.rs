//! Jazylu's words in Kazakh, Russian and English, in one place: the languages and how one is
//! chosen (`Lang`), one file per language, plurals, Kazakh suffix harmony and dates. Nothing
//! else in the project holds a visitor-facing word.

mod dates;
mod en;
mod facts;
mod kk;
mod lang;
mod plural;
mod ru;
mod staff;
mod suffix;
#[cfg(test)]
mod tests;
mod words;

pub use facts::{ConsentPoint, Facts, Rule, Video};
pub use lang::Lang;
pub use staff::{staff_words, StaffWords};
pub use words::Words;

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Kk => &kk::WORDS,
        Lang::Ru => &ru::WORDS,
        Lang::En => &en::WORDS,
    }
}

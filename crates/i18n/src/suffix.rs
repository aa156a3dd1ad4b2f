//! Kazakh suffix harmony after a time of day. A time is read aloud with its minutes last
//! («тоғыз отыз» for 09:30, «тоғыз нөл-нөл» for 09:00), and the ablative suffix follows the last
//! word read: its last vowel (back а or front е) and its last sound (-нан after м, н, ң; -тан
//! after a voiceless consonant; -дан after a vowel or a voiced one).

/// The last word read for a minute value: the units word, else the tens word, else «нөл».
fn last_word(minute: u32) -> &'static str {
    const UNITS: [&str; 10] = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
    const TENS: [&str; 6] = ["нөл", "он", "жиырма", "отыз", "қырық", "елу"];
    let units = UNITS[(minute % 10) as usize];
    if units.is_empty() {
        TENS.get((minute / 10) as usize).copied().unwrap_or("нөл")
    } else {
        units
    }
}

/// The ablative suffix of a word: «-дан», «-ден», «-тан», «-тен», «-нан» or «-нен».
pub fn ablative(word: &str) -> &'static str {
    const BACK: &str = "аоұы";
    const FRONT: &str = "әеөүіи";
    let front = word
        .chars()
        .rev()
        .find(|c| BACK.contains(*c) || FRONT.contains(*c))
        .is_some_and(|c| FRONT.contains(c));
    let last = word.chars().last().unwrap_or('а');
    let consonant = if "мнң".contains(last) {
        'н'
    } else if "кқпстфхцчшщбвгд".contains(last) {
        'т'
    } else {
        'д'
    };
    match (consonant, front) {
        ('н', false) => "нан",
        ('н', true) => "нен",
        ('т', false) => "тан",
        ('т', true) => "тен",
        (_, false) => "дан",
        (_, true) => "ден",
    }
}

/// The suffix after a time whose minutes are `minute`: 09:00 «-ден», 09:30 «-дан».
pub fn ablative_after_minutes(minute: u32) -> &'static str {
    ablative(last_word(minute))
}

//! The OpenAPI schemas of the wire types' fields (feature `openapi`, the server's): what each
//! value must look like, as the endpoint's rules read it. Core holds the rules; the server's
//! `tests/openapi.rs` holds these numbers to core's, and schemathesis holds the whole document to
//! the running endpoint.

use crate::{Field, FieldCode, Status};
use utoipa::openapi::schema::{KnownFormat, Object, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// The letters a name may hold: Latin, Russian and Kazakh Cyrillic.
const LETTERS: &str = "A-Za-zА-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі";
/// A name part's length in characters (`jazylu_core::person::NamePart::MAX_CHARS`).
pub const NAME_CHARS: usize = 60;
/// An address's length (`jazylu_core::person::Address::MAX_CHARS`).
pub const ADDRESS_CHARS: usize = 200;
/// A catalogue id (`jazylu_core::catalogue::ServiceId::parse`).
pub const ID_PATTERN: &str = "^[a-z0-9_-]{1,64}$";
/// A campaign tag's value (`jazylu_core::booking::campaign_tags`).
const TAG_PATTERN: &str = "^[A-Za-z0-9._-]{1,64}$";

fn string() -> ObjectBuilder {
    ObjectBuilder::new().schema_type(Type::String)
}

fn name_pattern() -> String {
    format!("^[ '’-]*[{LETTERS}][{LETTERS} '’-]*$")
}

/// A surname or a given name: letters, spaces, hyphens and apostrophes, at least one letter.
pub fn name() -> Object {
    string().min_length(Some(1)).max_length(Some(NAME_CHARS)).pattern(Some(name_pattern())).build()
}

/// A patronymic: as a name, or empty for those without one.
pub fn patronymic() -> Object {
    let pattern = format!("^$|{}", name_pattern());
    string().max_length(Some(NAME_CHARS)).pattern(Some(pattern)).description(Some("empty if none")).build()
}

pub fn iin() -> Object {
    string()
        .pattern(Some("^[0-9]{12}$"))
        .description(Some("12 digits whose last is the check digit of the first 11"))
        .examples(["950520300502"])
        .build()
}

/// `YYYY-MM-DD`, or `DD.MM.YYYY` as Kazakh documents write it.
pub fn birth_date() -> Object {
    string()
        .pattern(Some(r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})$"))
        .description(Some("a real date, not in the future, at most 120 years ago"))
        .examples(["1995-05-20"])
        .build()
}

/// A Kazakhstan number as typed: `+7` or `8` and ten digits, with spaces, brackets or hyphens.
pub fn phone() -> Object {
    string()
        .pattern(Some(r"^(\+7|8)?[ (]*[67][0-9]{2}[ )-]*[0-9]{3}[ -]*[0-9]{2}[ -]*[0-9]{2}$"))
        .description(Some("a Kazakhstan number, +7 and ten digits; a contact phone must be mobile"))
        .examples(["+7 701 123 45 67"])
        .build()
}

/// The patient's phone, which a representative's may stand in for.
pub fn patient_phone() -> Object {
    let phone = phone();
    let pattern = phone.pattern.as_deref().map(|p| format!("^$|{p}"));
    string()
        .pattern(pattern)
        .description(Some("empty when a representative books: their phone is the contact"))
        .build()
}

pub fn address() -> Object {
    string().min_length(Some(1)).max_length(Some(ADDRESS_CHARS)).build()
}

/// A service or doctor id of the published catalogue (the served document lists them).
pub fn id() -> Object {
    string().pattern(Some(ID_PATTERN)).build()
}

pub fn relation() -> Object {
    string().enum_values(Some(["parent", "adoptive_parent", "guardian", "trustee"])).build()
}

pub fn lang() -> Object {
    string().enum_values(Some(["kk", "ru", "en"])).default(Some("kk".into())).build()
}

pub fn channel() -> Object {
    string()
        .pattern(Some("^[a-z0-9-]{0,32}$"))
        .description(Some("the way in: hosted, iframe, inline, button or the host's own name"))
        .build()
}

/// A box the booking cannot do without (a consent, a representative's guarantee): only `true`
/// books.
pub fn ticked() -> Object {
    ObjectBuilder::new().schema_type(Type::Boolean).enum_values(Some([true])).build()
}

/// A document's version as the catalogue names it; the served document lists the current one.
pub fn version() -> Object {
    string()
        .pattern(Some("^[0-9A-Za-z._-]{1,32}$"))
        .description(Some("the version of the document shown when the box was ticked"))
        .build()
}

pub fn utm() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property_names(Some(string().enum_values(Some(crate::CAMPAIGN_TAGS))))
        .additional_properties(Some(string().pattern(Some(TAG_PATTERN))))
        .description(Some("the page's campaign tags; other keys and values are dropped"))
        .build()
}

/// An RFC 3339 time in clinic time.
pub fn instant() -> Object {
    string().format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime))).build()
}

// The three enums below have serde by hand (small wasm), so their schemas are by hand too, from
// the same lists.

impl PartialSchema for Status {
    fn schema() -> RefOr<Schema> {
        let all = [Status::Requested, Status::Confirmed, Status::Cancelled];
        string().enum_values(Some(all.map(Status::as_str))).into()
    }
}

impl ToSchema for Status {}

impl PartialSchema for Field {
    fn schema() -> RefOr<Schema> {
        string()
            .enum_values(Some(Field::ALL.map(Field::path)))
            .description(Some("the field's path in the request"))
            .into()
    }
}

impl ToSchema for Field {}

impl PartialSchema for FieldCode {
    fn schema() -> RefOr<Schema> {
        string()
            .enum_values(Some(FieldCode::ALL.map(FieldCode::as_str)))
            .description(Some("why the field was refused; a client shows its own words for each"))
            .into()
    }
}

impl ToSchema for FieldCode {}

//! The words in English.

use crate::words::{Operator, Rules, Words};
use crate::Lang;
use jazylu_api::FieldCode;

pub static WORDS: Words = Words {
    lang: Lang::En,
    prices_title: "Services and prices",
    page_offers: "Services and prices, and booking an appointment with a doctor online.",
    prices_in_tenge: "Prices are in tenge.",
    book: "Book",
    min: "min",
    regular_price: "Regular price",
    offer_price: "Offer price",
    needs_informed_consent: "You sign an informed consent form before the procedure",
    sample_notice: "This is a sample price list. The clinic will replace it with its own prices.",
    language: "Language",
    clinic_address: "Address",
    clinic_phone: "Phone",
    message_whatsapp: "Message on WhatsApp",
    loading_prices: "Loading the price list…",
    load_failed: "The price list could not be loaded. Check your internet connection and try again.",
    retry: "Try again",
    back_to_prices: "Back to prices",
    opening_booking: "Opening the booking…",
    booking_failed: "The booking could not be opened. Check your internet connection and try again.",
    clinic_time: "Almaty time (UTC+5)",
    consent_offer: "I have read and accept the clinic's public offer",
    consent_personal_data: "I consent to the processing of my personal data",
    steps: ["Doctor", "Date and time", "Patient", "Consents", "Review"],
    back: "Back",
    next: "Next",
    choose_doctor: "Choose a doctor",
    any_doctor: "Any available doctor",
    choose_day: "Choose a day",
    choose_time: "Choose a time",
    no_times_day: "No free times on this day.",
    no_times_at_all: "No free times in the coming days. Please call the clinic or message it on WhatsApp.",
    free: "free",
    loading_times: "Loading free times…",
    times_failed: "Free times could not be loaded.",
    patient: "Patient details",
    surname: "Surname",
    given_name: "Given name",
    patronymic: "Patronymic (if any)",
    iin: "IIN",
    iin_hint: "12 digits, as on the identity card",
    birth_date: "Date of birth",
    phone: "Mobile phone",
    phone_hint: "For example +7 701 123 45 67",
    birth_date_hint: "Day, month, year: 20.05.1995",
    phone_optional_hint: "The patient's own phone may be left empty: the representative's is enough.",
    your_visit: "Your visit",
    address: "Home address",
    has_whatsapp: "This number has WhatsApp (results are sent there)",
    as_representative: "I am the patient's legal representative (booking for a child or a legally incapable adult)",
    representative: "Legal representative",
    minor_note: "The patient is under 18, so a legal representative books.",
    relation: "Your relation to the patient",
    relations: ["Parent", "Adoptive parent", "Guardian", "Trustee"],
    choose: "Choose",
    guarantee: "I confirm that I am the patient's legal representative and may act on their behalf",
    consents: "Consents",
    representative_consents: "The patient's legal representative gives these consents.",
    offer_text: "Full text of the offer",
    read_consent: "Read the consent",
    before_visit: "Good to know before the visit",
    review: "Check your booking",
    service: "Service",
    doctor: "Doctor",
    when: "When",
    price: "Price",
    fix_fields: "Please check:",
    sending: "Sending…",
    send_failed: "The connection failed and the request may not have arrived. Everything is kept: try again, you will not be booked twice.",
    server_failed: "The server could not answer just now. Everything is kept: please try again shortly.",
    too_many_requests: "Too many attempts from this connection. Everything is kept: wait a minute, then try again.",
    late_booking: "The visit is soon: this booking cannot be cancelled free of charge.",
    received: "Request received",
    confirmed: "Booking confirmed",
    reference: "Reference",
    call_soon: "The call centre will confirm by phone shortly.",
    call_at: "The call centre will confirm by phone:",
    today: "today",
    tomorrow: "tomorrow",
    free_cancel_until: "Free cancellation until:",
    deadline_passed: "The free cancellation deadline has passed: the clinic may charge if you cancel.",
    add_to_calendar: "Add to calendar (.ics)",
    manage_link: "Link to manage the booking (keep it)",
    book_another: "Book another",
    your_booking: "Your booking",
    status_requested: "Request received, awaiting confirmation",
    status_confirmed: "Confirmed",
    status_cancelled: "Cancelled",
    cancelled_late: "Cancelled after the deadline: the clinic may charge for it.",
    cancel: "Cancel the booking",
    cancel_sure: "Cancel this booking?",
    cancel_yes: "Yes, cancel",
    late_cancel_warning: "The free cancellation deadline has passed: the clinic may charge for this cancellation.",
    not_found: "Booking not found. Please check the link.",
    visit_started: "The visit has already started and cannot be cancelled.",
    loading_booking: "Loading the booking…",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    weekdays_short: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    weekdays_on: ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"],
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ],
    field_message,
    personal_data,
    rules,
    date: crate::dates::en_date,
    month_year: crate::dates::en_month_year,
    step_of,
    call_after,
    offer_until: crate::dates::en_offer_until,
    hours,
    minutes,
};

fn field_message(code: FieldCode) -> &'static str {
    use FieldCode::*;
    match code {
        Required => "Please fill this in",
        TooLong => "This is too long",
        NameChars => "Letters, spaces, hyphens and apostrophes only",
        IinFormat => "An IIN has 12 digits",
        IinChecksum => "This IIN looks mistyped: please check it",
        PhoneFormat => "Enter the number as +7 701 123 45 67",
        PhoneNotMobile => "Please give a mobile number",
        DateInvalid => "Please check the date",
        BirthDateFuture => "A birth date cannot be in the future",
        BirthDateTooOld => "Please check the year of birth",
        RepresentativeRequired => "The patient is under 18: please add the legal representative",
        RepresentativeMinor => "The legal representative must be an adult",
        RelationInvalid => "Please choose from the list",
        GuaranteeRequired => "Please confirm that you are the legal representative",
        ConsentRequired => "We cannot book you without this consent",
        PatientBookingsLimit => {
            "This patient already has as many upcoming bookings as can be made online. Cancel one of them, or call the clinic"
        }
        PhoneBookingsLimit => {
            "This phone number already has as many upcoming bookings as can be made online. Cancel one of them, or call the clinic"
        }
        PatientOverlap => "The patient already has another booking at this time. Please choose another time",
        SlotTaken => "Someone has just taken this time. Please choose another; what you typed is kept",
        InThePast | TooSoon | BeyondHorizon | ClinicClosed | OutsideHours | SlotInvalid => {
            "This time can no longer be booked. Please choose another"
        }
        UnknownService | UnknownDoctor | DoctorNotForService | Unknown => {
            "Something went wrong. Please check your choice and try again"
        }
    }
}

fn personal_data(o: &Operator<'_>) -> String {
    let (operator, bin, phone) = (o.name, o.bin, o.phone);
    format!(
        "The data controller is {operator} (BIN {bin}). Processed: surname, given name, patronymic, IIN, date of birth, \
             home address and phone number, and for a patient under 18 the same details of the legal representative. \
             Purpose: booking the appointment, confirming it and providing medical care. The data are kept for as long \
             as the law requires medical records to be kept. They are not passed to third parties except where the law \
             requires, not published, and not transferred outside Kazakhstan: the database is in Kazakhstan. You can \
             withdraw this consent at any time by a written request to the clinic or by calling {phone}."
    )
}

fn rules(p: Rules) -> Vec<String> {
    let (notice, late, early) =
        (hours(p.cancel_notice_hours), minutes(p.late_grace_min), minutes(p.first_visit_arrive_early_min));
    vec![
            format!("You can cancel or move a booking free of charge up to {notice} before the visit; later, the clinic may charge the full price and ask for prepayment next time."),
            format!("If you are more than {late} late, the visit may be moved or cancelled."),
            format!("For a first visit, come {early} early and bring an identity document."),
            "Payment is in tenge only, in cash or by card, before or right after the visit.".into(),
            "The clinic records video with sound.".into(),
            "Before procedures and examinations you sign an informed consent form.".into(),
            "A doctor may shift the appointment time by up to 60 minutes.".into(),
    ]
}

fn step_of(n: usize, total: usize) -> String {
    format!("Step {n} of {total}")
}

fn call_after(day: &str, hour: u32, minute: u32) -> String {
    format!("{day} after {hour:02}:{minute:02}")
}

fn hours(n: u32) -> String {
    crate::plural::en(n, "hour", "hours")
}

fn minutes(n: u32) -> String {
    crate::plural::en(n, "minute", "minutes")
}

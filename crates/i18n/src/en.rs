//! The words in English.

use crate::facts::{ConsentPoint, Facts, Rule, Video};
use crate::words::Words;
use crate::Lang;
use jazylu_api::FieldCode;

/// What the hosted page offers, for its `<meta name="description">` after the clinic's name.
pub(crate) const PAGE_OFFERS: &str = "Services and prices, and booking an appointment with a doctor online.";
/// The loader's floating button, its dialog's close button, and the frame's title (`/embed.js`).
pub(crate) const EMBED: [&str; 3] = ["Book an appointment", "Close", "Online booking"];
pub(crate) const CLINIC_HOURS: &str = "Clinic hours";
pub(crate) const CALL_CENTRE_HOURS: &str = "Call centre hours";

pub static WORDS: Words = Words {
    lang: Lang::En,
    prices_title: "Services and prices",
    prices_in_tenge: "Prices are in tenge.",
    book: "Book",
    min: "min",
    regular_price: "Regular price",
    offer_price: "Promotional price",
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
    clinic_time: "Almaty time, UTC+5",
    consent_offer: "I have read and accept the clinic's public offer",
    consent_personal_data: "I consent to the collection and processing of my personal data",
    consent_personal_data_both: "I consent to the collection and processing of my personal data and those of the patient I represent",
    steps: ["Doctor", "Date and time", "Patient", "Consents", "Review"],
    back: "Back",
    next: "Next",
    choose_doctor: "Choose a doctor",
    any_doctor: "Any available doctor",
    choose_day: "Choose a day",
    choose_time: "Choose a time",
    no_times_day: "No free times on this day.",
    no_times_at_all: "No free times in the coming days. Please call the clinic or message it on WhatsApp.",
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
    your_visit: "Appointment",
    address: "Home address",
    whatsapp_results: "Send my test results to this number on WhatsApp. WhatsApp is a service based outside Kazakhstan: by ticking this I agree that my results are transferred abroad through it",
    as_representative: "I am the patient's legal representative (booking for a child or a legally incapable adult)",
    representative: "Legal representative",
    minor_note: "The patient is under 18, so a legal representative books.",
    relation: "Your relationship to the patient",
    relations: ["Parent", "Adoptive parent", "Guardian", "Trustee"],
    choose: "Choose",
    guarantee: "I confirm that I am the patient's legal representative and may act on their behalf",
    consents: "Consents",
    representative_consents: "The legal representative gives these consents, for themself and for the patient.",
    read_offer: "Full text of the offer",
    offer_elsewhere: "The offer on the clinic's website",
    read_consent: "Full text of the consent",
    offer_summary: "The offer's main terms",
    consent_summary: "The consent in brief",
    required_legend: "Fields marked * are required.",
    public_offer: "Public offer",
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
    late_booking: "The appointment is soon: this booking can no longer be cancelled free of charge.",
    received: "Request received",
    confirmed: "Booking confirmed",
    reference: "Reference",
    call_soon: "The call centre will confirm by phone shortly.",
    call_at: "The call centre will confirm by phone:",
    today: "today",
    tomorrow: "tomorrow",
    free_cancel_until: "Free cancellation until:",
    deadline_passed: "The free cancellation deadline has passed: if you cancel now, the clinic may charge the full price.",
    add_to_calendar: "Add to calendar (.ics)",
    manage_link: "Link to manage the booking (keep it)",
    book_another: "Book another",
    your_booking: "Your booking",
    status_requested: "Request received, awaiting confirmation",
    status_confirmed: "Confirmed",
    status_cancelled: "Cancelled",
    cancelled_late: "Cancelled after the deadline: the clinic may charge the full price.",
    cancelled_by_clinic: "The clinic cancelled this booking. Call us and we will find another time.",
    moved_by_clinic: "The clinic moved this visit: the new time and doctor are above.",
    cancel: "Cancel the booking",
    cancel_sure: "Cancel this booking?",
    cancel_yes: "Yes, cancel",
    keep_booking: "No, keep the booking",
    late_cancel_warning: "The free cancellation deadline has passed: the clinic may charge the full price for this cancellation.",
    not_found: "Booking not found. Please check the link.",
    visit_started: "The appointment has already started and cannot be cancelled.",
    loading_booking: "Loading the booking…",
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    weekdays_short: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    weekdays_on: ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"],
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ],
    field_message,
    free_slots,
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
        DocumentChanged => "The clinic has updated this document. Please read the new version and tick the box again",
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

pub(crate) fn consent_point(p: ConsentPoint, f: &Facts<'_>) -> Option<String> {
    use ConsentPoint::*;
    Some(match p {
        Operator => format!("The data controller is {}, BIN {}, {}.", f.legal_name, f.bin, f.address),
        Data => "What: surname, given name, patronymic, IIN, date of birth, home address, phone number and whether it \
                 has WhatsApp, and the booking itself (service, doctor, time), which can reveal health information; \
                 for a legal representative, the same details and their relationship to the patient."
            .into(),
        Purpose => "Why: to book and confirm the appointment, to provide and charge for medical care, and to keep the \
                    medical records the law requires."
            .into(),
        Recipients => "Who receives them: the clinic's staff; its contractors, affiliates and agents where the service \
                       needs it; public bodies where the law requires. The data are not published."
            .into(),
        Location => format!("Where they are kept: in a database in {}.", f.data_location),
        WhatsApp => "Test results are sent on WhatsApp only if you ticked that box with the patient's details. \
                     WhatsApp is a foreign service, so this is a transfer of data abroad."
            .into(),
        Video => video(f)?,
        Term => "How long: from the day you give this consent until you withdraw it.".into(),
        Withdrawal => "You can withdraw it by a written application to the clinic. Records the law requires are then \
                       kept for as long as it requires, and the clinic may decline services it cannot provide without \
                       the data."
            .into(),
        Representative => "A legal representative consents both for themself and for the patient.".into(),
    })
}

fn video(f: &Facts<'_>) -> Option<String> {
    let recorded = match f.video {
        Video::None => return None,
        Video::Silent => "The clinic records video",
        Video::WithSound => "The clinic records video with sound",
    };
    let ads = if f.footage_in_advertising { "; the footage may be used in its advertising" } else { "" };
    Some(format!("{recorded}{ads}."))
}

pub(crate) fn rule(r: Rule, f: &Facts<'_>) -> Option<String> {
    use Rule::*;
    Some(match r {
        Cancel => format!(
            "You can cancel or reschedule free of charge up to {} before the appointment. After that, or if you do \
             not come, the clinic may charge the full price and accept your next booking only with prepayment.",
            hours(f.cancel_notice_hours)
        ),
        Reschedule => match &f.whatsapp {
            Some(wa) => format!("To reschedule, call {} or message {wa} on WhatsApp.", f.phone),
            None => format!("To reschedule, call {}.", f.phone),
        },
        Late => format!(
            "If you are more than {} late, the appointment may be moved or cancelled.",
            minutes(f.late_grace_min)
        ),
        Delay if f.max_delay_min == 0 => return None,
        Delay => format!(
            "A doctor may start an appointment later than booked, by {} at most, and never earlier.",
            minutes(f.max_delay_min)
        ),
        FirstVisit if f.first_visit_arrive_early_min == 0 => {
            "On your first visit to the clinic, a medical record is opened for you.".into()
        }
        FirstVisit => format!(
            "On your first visit to the clinic, come {} early so that a medical record can be opened for you.",
            minutes(f.first_visit_arrive_early_min)
        ),
        Bring => "Bring an identity document (for a child, the birth certificate) and any earlier test results.".into(),
        Minor => "A patient under 18 comes with their legal representative.".into(),
        Payment => "Payment is in tenge only, in cash or by card, before or right after the appointment.".into(),
        Insurance if f.insurance_accepted => {
            "The clinic accepts voluntary health insurance: ask the call centre about the terms.".into()
        }
        Insurance => {
            "The clinic does not work with compulsory (CSHI) or voluntary health insurance: every service is paid for."
                .into()
        }
        VisitKinds if f.repeat_visit_same_price => "A first visit is your first appointment with a specialist in a \
                                                    calendar month; repeat visits to them in the same month cost \
                                                    the same."
            .into(),
        VisitKinds => "A first visit is your first appointment with a specialist in a calendar month; later visits to \
                       them that month are charged at the repeat-visit price."
            .into(),
        PriceOnDay => "The price is the price list's on the day of the service, for the doctor who actually sees you."
            .into(),
        InformedConsent => "Before diagnostics, procedures and surgery you sign an informed consent form; without it \
                            the service is not provided."
            .into(),
        Video => video(f)?,
        Calls if f.calls_recorded => "Calls with the call centre may be recorded.".into(),
        Calls => return None,
    })
}

pub(crate) fn legal(f: &Facts<'_>) -> String {
    use chrono::Datelike;
    let d = f.licence_date;
    let month = WORDS.months[d.month0() as usize];
    format!("{}, BIN {}, licence No. {} of {} {month} {}.", f.legal_name, f.bin, f.licence, d.day(), d.year())
}

pub(crate) fn complaints(f: &Facts<'_>) -> String {
    let days = crate::plural::en(f.complaints_working_days, "working day", "working days");
    format!(
        "Complaints and suggestions: WhatsApp {}; the clinic answers within {days}.",
        f.complaints_whatsapp
    )
}

fn free_slots(n: u32) -> String {
    crate::plural::en(n, "free slot", "free slots")
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

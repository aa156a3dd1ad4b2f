//! The first step of booking: the chosen service and the doctors who provide it. Choosing a doctor
//! and a time online comes with the booking flow; until then the visitor is pointed to the
//! clinic's phone and WhatsApp.

use jazylu_core::texts::texts;
use jazylu_core::{Catalogue, Lang};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn BookingStart(
    catalogue: Arc<Catalogue>,
    service: String,
    lang: RwSignal<Lang>,
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let c = catalogue.clone();

    move || {
        let l = lang.get();
        let t = texts(l);
        let s = c.service(&service)?;
        let today = c.clinic().time_zone.today(crate::host::now());
        let price = s.price_on(today).now.to_string();
        let doctors = s
            .doctors
            .iter()
            .filter_map(|id| c.doctor(id.as_str()))
            .map(|d| format!("{} ({})", d.name.get(l), d.specialty.get(l)))
            .collect::<Vec<_>>()
            .join(", ");
        let clinic = c.clinic();
        let phone = clinic.phones.first().cloned();
        let whatsapp = clinic.whatsapp.clone();
        Some(view! {
            <section class="jz-booking" aria-labelledby="jz-booking-title">
                <button type="button" class="jz-back" on:click=move |_| {
                    selected.set(None);
                    request_animation_frame(|| crate::host::focus("jz-prices-title"));
                }>
                    "← " {t.back_to_prices}
                </button>
                <h2 id="jz-booking-title" tabindex="-1">{t.booking_title}</h2>
                <p class="jz-booking-svc">
                    <strong>{s.name.get(l).to_string()}</strong>
                    <span>{format!("{}\u{a0}{}", s.duration.get(), t.minutes)}</span>
                    <span>{price}</span>
                </p>
                <p class="jz-doctors">{t.doctors} ": " {doctors}</p>
                <p class="jz-note">{t.booking_by_phone}</p>
                <p class="jz-contact-actions">
                    {phone.map(|p| view! { <a class="jz-call" href=format!("tel:{}", p.e164())>{p.to_string()}</a> })}
                    {whatsapp.map(|w| view! {
                        <a class="jz-wa" href=format!("https://wa.me/{}", w.digits()) rel="noopener" target="_blank">{t.whatsapp}</a>
                    })}
                </p>
            </section>
        })
    }
}

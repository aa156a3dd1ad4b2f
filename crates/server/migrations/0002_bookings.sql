-- Bookings and what they hold. Personal data lives only here, never in logs.
CREATE TABLE bookings (
    id                  INTEGER PRIMARY KEY,
    reference           TEXT    NOT NULL UNIQUE,
    -- The visitor's secret for managing the booking is kept only as a hash.
    manage_token_sha256 TEXT    NOT NULL,
    catalogue_id        INTEGER NOT NULL REFERENCES catalogue_publications (id),
    service_id          TEXT    NOT NULL,
    doctor_id           TEXT    NOT NULL,
    start_utc           INTEGER NOT NULL,  -- unix seconds
    end_utc             INTEGER NOT NULL,
    price_tenge         INTEGER NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('requested', 'confirmed', 'cancelled')),
    cancelled_late      INTEGER NOT NULL DEFAULT 0,
    lang                TEXT    NOT NULL,
    channel             TEXT,
    utm                 TEXT,              -- JSON object of whitelisted utm_* values
    created_at          TEXT    NOT NULL,
    cancelled_at        TEXT
) STRICT;

CREATE INDEX bookings_doctor_time ON bookings (doctor_id, start_utc);

-- One row per minute a live booking holds a doctor: the primary key makes two overlapping
-- bookings of one doctor impossible, whatever the timing of the requests.
CREATE TABLE slot_claims (
    doctor_id  TEXT    NOT NULL,
    minute_utc INTEGER NOT NULL,  -- unix minutes
    booking_id INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    PRIMARY KEY (doctor_id, minute_utc)
) STRICT, WITHOUT ROWID;

CREATE TABLE people (
    booking_id  INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('patient', 'representative')),
    surname     TEXT    NOT NULL,
    given_name  TEXT    NOT NULL,
    patronymic  TEXT,
    iin         TEXT    NOT NULL,
    birth_date  TEXT    NOT NULL,
    phone       TEXT    NOT NULL,
    address     TEXT,
    whatsapp    INTEGER,
    relation    TEXT,
    PRIMARY KEY (booking_id, role)
) STRICT;

-- What was consented to, by whom, when and in which language.
CREATE TABLE consents (
    booking_id       INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    document         TEXT    NOT NULL CHECK (document IN ('offer', 'personal_data')),
    document_version TEXT    NOT NULL,
    given_by         TEXT    NOT NULL CHECK (given_by IN ('patient', 'representative')),
    given_at         TEXT    NOT NULL,
    lang             TEXT    NOT NULL,
    PRIMARY KEY (booking_id, document)
) STRICT;

-- Replays of a POST with the same Idempotency-Key get the first answer again.
CREATE TABLE idempotency (
    key            TEXT    PRIMARY KEY,
    request_sha256 TEXT    NOT NULL,
    status         INTEGER NOT NULL,
    response       TEXT    NOT NULL,
    created_at     TEXT    NOT NULL
) STRICT;

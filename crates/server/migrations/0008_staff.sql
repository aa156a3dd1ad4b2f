-- Every catalogue that went live, in order: the newest one is served. A rollback is a new
-- version naming an older publication, so the history only grows.
CREATE TABLE catalogue_versions (
    id             INTEGER PRIMARY KEY,
    publication_id INTEGER NOT NULL REFERENCES catalogue_publications (id),
    -- A staff token's label, or 'file' for the catalogue file read at start.
    published_by   TEXT    NOT NULL,
    published_at   TEXT    NOT NULL,  -- RFC 3339, UTC
    restored_from  INTEGER REFERENCES catalogue_versions (id)
) STRICT;

-- Staff tokens the server made itself (when none was configured): their argon2 hashes only.
CREATE TABLE staff_tokens (
    label      TEXT PRIMARY KEY,
    argon2     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

-- Every change staff make and every IIN shown to them: what, when and under which token's
-- label. `detail` is JSON and never holds personal data.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,  -- RFC 3339, UTC
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    booking_id INTEGER REFERENCES bookings (id),
    detail     TEXT
) STRICT;
CREATE INDEX audit_booking ON audit (booking_id);

-- What the clinic does with a booking: who cancelled it and why, whether the patient came,
-- when their personal data were erased.
ALTER TABLE bookings ADD COLUMN cancelled_by TEXT CHECK (cancelled_by IN ('visitor', 'clinic'));
ALTER TABLE bookings ADD COLUMN cancel_reason TEXT;
ALTER TABLE bookings ADD COLUMN attendance TEXT CHECK (attendance IN ('arrived', 'no_show'));
ALTER TABLE bookings ADD COLUMN erased_at TEXT;
UPDATE bookings SET cancelled_by = 'visitor' WHERE status = 'cancelled';
CREATE INDEX bookings_start ON bookings (start_utc);

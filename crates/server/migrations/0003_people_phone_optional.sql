-- A patient booked by a legal representative may have no phone of their own: the
-- representative's serves. SQLite cannot relax NOT NULL in place, so the table is rebuilt.
CREATE TABLE people_new (
    booking_id  INTEGER NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    role        TEXT    NOT NULL CHECK (role IN ('patient', 'representative')),
    surname     TEXT    NOT NULL,
    given_name  TEXT    NOT NULL,
    patronymic  TEXT,
    iin         TEXT    NOT NULL,
    birth_date  TEXT    NOT NULL,
    phone       TEXT    CHECK (phone IS NOT NULL OR role = 'patient'),
    address     TEXT,
    whatsapp    INTEGER,
    relation    TEXT,
    PRIMARY KEY (booking_id, role)
) STRICT;
INSERT INTO people_new SELECT * FROM people;
DROP TABLE people;
ALTER TABLE people_new RENAME TO people;

-- The free-cancellation deadline as promised when the booking was made: a later change of the
-- clinic's notice must not move it. Existing bookings get theirs from the catalogue they were
-- made on (10 hours, the catalogue's default, if it did not say).
ALTER TABLE bookings ADD COLUMN cancel_deadline_utc INTEGER NOT NULL DEFAULT 0;  -- unix seconds
UPDATE bookings SET cancel_deadline_utc = start_utc - 3600 * coalesce((
    SELECT json_extract(p.json, '$.clinic.policies.cancel_notice_hours')
    FROM catalogue_publications p WHERE p.id = bookings.catalogue_id), 10);

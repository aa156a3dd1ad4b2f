-- The per-patient limits look bookings up by the patient's IIN and by phone inside every claim:
-- without these the claim would read the whole table.
CREATE INDEX people_iin ON people (iin, role);
CREATE INDEX people_phone ON people (phone);

-- The answer to a POST with an Idempotency-Key holds the booking's manage token. It is kept
-- sealed with a key derived from the Idempotency-Key, which only the client has, and found by
-- another value derived from it: a copy of the database alone opens no booking. The old table
-- kept answers in plain text; its rows are dropped (a retry of one of them books afresh).
DROP TABLE idempotency;
CREATE TABLE replays (
    key_index   TEXT    PRIMARY KEY,  -- derived from the Idempotency-Key; reveals nothing of it
    nonce       BLOB    NOT NULL,
    sealed      BLOB    NOT NULL,     -- the request's hash and the answer, ChaCha20-Poly1305
    status      INTEGER NOT NULL,
    created_utc INTEGER NOT NULL      -- unix seconds; a replay lives 48 hours
) STRICT;
CREATE INDEX replays_created ON replays (created_utc);

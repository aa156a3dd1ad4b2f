-- Which catalogue the server published, and when: a booking's price and consents refer to it.
CREATE TABLE catalogue_publications (
    id           INTEGER PRIMARY KEY,
    sha256       TEXT    NOT NULL UNIQUE,
    first_served TEXT    NOT NULL,  -- RFC 3339, UTC
    json         TEXT    NOT NULL
) STRICT;

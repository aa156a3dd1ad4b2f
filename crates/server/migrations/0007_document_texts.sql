-- The exact texts of the clinic's documents as served, each kept once: a consent names the text
-- it was given to by its hash, and the text itself stays here as the evidence. One text per
-- document, version and language: a changed text needs a new version (the server refuses to
-- start otherwise).
CREATE TABLE document_texts (
    sha256       TEXT PRIMARY KEY,
    document     TEXT NOT NULL CHECK (document IN ('offer', 'personal_data')),
    version      TEXT NOT NULL,
    lang         TEXT NOT NULL,
    text         TEXT NOT NULL,
    first_served TEXT NOT NULL,
    UNIQUE (document, version, lang)
) STRICT;

-- Consents made before this named the catalogue's hash as their version and no text: NULL here.
ALTER TABLE consents ADD COLUMN document_sha256 TEXT REFERENCES document_texts (sha256);

-- Why: REQ-33 asks for the person's communications with the consulate and its visits to be on record, and VCCR
-- Art. 36(1)(c) lets the person object to a visit; each is a dated fact with who recorded it, kept, never edited.
CREATE TABLE consular_communication (
    id          uuid        PRIMARY KEY,
    person_id   uuid        NOT NULL REFERENCES person (id),
    kind        text        NOT NULL CHECK (kind IN ('VISIT','CALL','LETTER','OBJECTION')),
    country     text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    post        text,
    at          timestamptz NOT NULL,
    note        text,
    recorded_at timestamptz NOT NULL,
    recorded_by text        NOT NULL
);
CREATE INDEX consular_communication_by_person ON consular_communication (person_id, at);

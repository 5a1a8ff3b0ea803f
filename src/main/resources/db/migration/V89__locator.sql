-- Why: family and counsel have a right to learn where a person is held (REQ-16, ICPPED Art. 18): the public locator
-- answers with the facility, its address and visiting and contact information, never the cell.

-- What the locator tells an enquirer about a facility; the estate keeps it with the facility, the director updates it.
CREATE TABLE facility_contact (
    facility_code   text        PRIMARY KEY REFERENCES facility (code),
    address         text        NOT NULL CHECK (length(address) BETWEEN 1 AND 500),
    telephone       text        CHECK (length(telephone) <= 50),
    email           text        CHECK (length(email) <= 300),
    visiting_hours  text        CHECK (length(visiting_hours) <= 500),
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL
);

-- Every enquiry, answered or refused, also journaled. The client is kept as a keyed hash of its address (the key
-- below), enough to count one client's enquiries for the rate limit (REQ-16: enumeration is refused) without keeping
-- the address itself. No enquiry text is kept: only its kind, the outcome and the person it found.
CREATE TABLE rights_locator_enquiry (
    id          uuid        PRIMARY KEY,
    asked_at    timestamptz NOT NULL,
    client_key  text        NOT NULL CHECK (client_key ~ '^[0-9a-f]{64}$'),
    kind        text        NOT NULL CHECK (kind IN ('NAME_AND_BIRTH','REGISTER_NUMBER','DOCUMENT')),
    outcome     text        NOT NULL CHECK (outcome IN ('FOUND','NOT_HELD','AMBIGUOUS','RESTRICTED','RATE_LIMITED')),
    person_id   uuid
);
CREATE INDEX rights_locator_enquiry_by_client ON rights_locator_enquiry (client_key, asked_at);

-- The key of the client hash: random per installation, shared by every instance on this database so that they
-- count one client alike. gen_random_uuid draws from the server's strong random source.
CREATE TABLE rights_locator_key (
    one  boolean PRIMARY KEY DEFAULT true CHECK (one),
    key  text    NOT NULL
);
INSERT INTO rights_locator_key (key)
    VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- A refusal to tell where a person is, only on a recorded legal ground (REQ-16, ICPPED Art. 20): who recorded it and
-- the authority that ordered it; lifted, not deleted. The locator still names the authority responsible, which is
-- where the judicial remedy lies, so the refusal never amounts to a disappearance.
CREATE TABLE rights_locator_restriction (
    id           uuid        PRIMARY KEY,
    person_id    uuid        NOT NULL REFERENCES person (id),
    ground       text        NOT NULL CHECK (length(ground) BETWEEN 1 AND 1000),
    ordered_by   text        NOT NULL CHECK (length(ordered_by) BETWEEN 1 AND 300),
    reference    text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL,
    lifted_at    timestamptz,
    lifted_by    text,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX rights_locator_restriction_in_force ON rights_locator_restriction (person_id) WHERE lifted_at IS NULL;

-- An enquiry by name and birth date: the people born that day, then their names compared.
CREATE INDEX person_by_birth_date ON person (birth_date) WHERE merged_into IS NULL AND birth_precision = 'FULL';

-- Why: aliases, nationalities, identity documents and languages are separate, typed records (REQ-07, REQ-08a,
-- REQ-11, REQ-33). A row is never deleted: a correction retracts it by naming the revision that did, so a
-- document number wrongly given to one person can still be given to its real holder. A document number is
-- unique per type and issuer among the rows in force; number_key is the number without spaces, dots or dashes.
CREATE TABLE person_alias (
    id                  uuid    PRIMARY KEY,
    person_id           uuid    NOT NULL REFERENCES person (id),
    kind                text    NOT NULL CHECK (kind IN ('ALIAS', 'MAIDEN_NAME', 'OTHER_SPELLING', 'KNOWN_AS')),
    name                text    NOT NULL CHECK (length(name) BETWEEN 1 AND 400),
    added_revision      integer NOT NULL,
    retracted_revision  integer CHECK (retracted_revision >= added_revision)
);
CREATE INDEX person_alias_by_person ON person_alias (person_id) WHERE retracted_revision IS NULL;

CREATE TABLE person_nationality (
    id                  uuid    PRIMARY KEY,
    person_id           uuid    NOT NULL REFERENCES person (id),
    country             text    NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    determined_from     text    NOT NULL CHECK (determined_from IN ('PASSPORT', 'NATIONAL_ID', 'CONSULAR_CONFIRMATION',
                                                    'BIRTH_CERTIFICATE', 'SENDING_AGENCY', 'SELF_DECLARED', 'OTHER')),
    added_revision      integer NOT NULL,
    retracted_revision  integer CHECK (retracted_revision >= added_revision)
);
CREATE INDEX person_nationality_by_person ON person_nationality (person_id) WHERE retracted_revision IS NULL;
CREATE UNIQUE INDEX person_nationality_once ON person_nationality (person_id, country) WHERE retracted_revision IS NULL;

CREATE TABLE person_document (
    id                  uuid    PRIMARY KEY,
    person_id           uuid    NOT NULL REFERENCES person (id),
    type                text    NOT NULL CHECK (type IN ('PASSPORT', 'NATIONAL_ID', 'FOREIGN_AGENCY_NUMBER',
                                                    'AGENCY_ID', 'FINGERPRINT_RECORD', 'OTHER')),
    -- ISO country for passports and national ids; an agency name for agency numbers (e.g. 'US-DHS').
    issuer              text    NOT NULL CHECK (issuer ~ '^[A-Z0-9-]{2,20}$'),
    number              text    NOT NULL CHECK (length(number) BETWEEN 1 AND 100),
    number_key          text    NOT NULL CHECK (number_key ~ '^[A-Z0-9]{1,100}$'),
    expires_on          date,
    added_revision      integer NOT NULL,
    retracted_revision  integer CHECK (retracted_revision >= added_revision)
);
CREATE UNIQUE INDEX person_document_unique_number ON person_document (type, issuer, number_key)
    WHERE retracted_revision IS NULL;
CREATE INDEX person_document_by_number ON person_document (number_key) WHERE retracted_revision IS NULL;
CREATE INDEX person_document_by_person ON person_document (person_id) WHERE retracted_revision IS NULL;

CREATE TABLE person_language (
    id                  uuid    PRIMARY KEY,
    person_id           uuid    NOT NULL REFERENCES person (id),
    language            text    NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    added_revision      integer NOT NULL,
    retracted_revision  integer CHECK (retracted_revision >= added_revision)
);
CREATE INDEX person_language_by_person ON person_language (person_id) WHERE retracted_revision IS NULL;

CREATE FUNCTION person_identifier_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are retracted, never deleted (REQ-06)', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER person_alias_never_deleted BEFORE DELETE ON person_alias
    FOR EACH ROW EXECUTE FUNCTION person_identifier_never_deleted();
CREATE TRIGGER person_nationality_never_deleted BEFORE DELETE ON person_nationality
    FOR EACH ROW EXECUTE FUNCTION person_identifier_never_deleted();
CREATE TRIGGER person_document_never_deleted BEFORE DELETE ON person_document
    FOR EACH ROW EXECUTE FUNCTION person_identifier_never_deleted();
CREATE TRIGGER person_language_never_deleted BEFORE DELETE ON person_language
    FOR EACH ROW EXECUTE FUNCTION person_identifier_never_deleted();

-- Why: identity is a person-level record from the start (REQ-04, REQ-07, REQ-08a). The register number comes
-- from a sequence, so it is never reused, not even after a merge (the merged record keeps its number and points
-- at the survivor). The row is the current state; person_revision keeps every state it has had (REQ-06).
CREATE SEQUENCE person_register_seq;

CREATE TABLE person (
    id                  uuid        PRIMARY KEY,
    register_number     text        NOT NULL UNIQUE CHECK (register_number ~ '^[A-Z0-9]{1,12}-[0-9]{4}-[0-9]{6,}$'),
    given_names         text        CHECK (length(given_names) <= 200),
    first_family_name   text        CHECK (length(first_family_name) <= 200),
    second_family_name  text        CHECK (length(second_family_name) <= 200),
    full_name           text        CHECK (length(full_name) BETWEEN 1 AND 400),
    birth_precision     text        NOT NULL CHECK (birth_precision IN ('FULL', 'YEAR_MONTH', 'YEAR', 'UNKNOWN')),
    birth_date          date,
    estimated_age       integer     CHECK (estimated_age BETWEEN 0 AND 120),
    birth_place         text        CHECK (length(birth_place) <= 200),
    recorded_sex        text        NOT NULL CHECK (recorded_sex IN ('MALE', 'FEMALE', 'INTERSEX', 'UNKNOWN')),
    gender_identity     text        CHECK (length(gender_identity) <= 100),
    interpreter_needed  boolean     NOT NULL,
    identity_status     text        NOT NULL CHECK (identity_status IN ('CONFIRMED', 'UNVERIFIED', 'DISPUTED', 'UNKNOWN')),
    identity_note       text        CHECK (length(identity_note) <= 2000),
    merged_into         uuid        REFERENCES person (id),
    revision            integer     NOT NULL CHECK (revision >= 1),
    registered_at       timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    -- Search keys, derived from the names by PeopleService (NameKeys): normalised tokens, unordered token pairs
    -- within one name, the names as token lists for scoring, birth years (a range when only an age is
    -- estimated), and the blocking keys of the duplicates report.
    search_tokens       text[]      NOT NULL DEFAULT '{}',
    search_pairs        text[]      NOT NULL DEFAULT '{}',
    search_names        text        NOT NULL DEFAULT '',
    birth_years         integer[]   NOT NULL DEFAULT '{}',
    duplicate_keys      text[]      NOT NULL DEFAULT '{}',
    -- Intake never turns a person away for lack of papers (REQ-07), but a record without a name says so.
    CHECK (full_name IS NOT NULL OR identity_status = 'UNKNOWN'),
    CHECK ((birth_precision = 'UNKNOWN') = (birth_date IS NULL)),
    CHECK (birth_precision <> 'YEAR_MONTH' OR extract(day FROM birth_date) = 1),
    CHECK (birth_precision <> 'YEAR' OR (extract(day FROM birth_date) = 1 AND extract(month FROM birth_date) = 1)),
    CHECK (estimated_age IS NULL OR birth_precision = 'UNKNOWN'),
    CHECK (merged_into IS NULL OR merged_into <> id)
);

CREATE INDEX person_search_pairs ON person USING gin (search_pairs) WHERE merged_into IS NULL;
CREATE INDEX person_search_tokens ON person USING gin (search_tokens) WHERE merged_into IS NULL;
CREATE INDEX person_birth_years ON person USING gin (birth_years) WHERE merged_into IS NULL;
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;

-- Every state of every person record, append-only: a correction is a new revision naming the one it
-- supersedes, with its reason and author (REQ-06).
CREATE TABLE person_revision (
    person_id    uuid        NOT NULL REFERENCES person (id),
    revision     integer     NOT NULL CHECK (revision >= 1),
    supersedes   integer     CHECK (supersedes = revision - 1),
    kind         text        NOT NULL CHECK (kind IN ('REGISTERED', 'CORRECTED', 'MERGED_INTO', 'ABSORBED')),
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL CHECK (length(recorded_by) <= 200),
    reason       text        CHECK (length(reason) <= 2000),
    snapshot     jsonb       NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
    PRIMARY KEY (person_id, revision),
    CHECK ((revision = 1) = (supersedes IS NULL)),
    CHECK (kind = 'REGISTERED' OR reason IS NOT NULL)
);

CREATE FUNCTION person_revision_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'person_revision is append-only (REQ-06): % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER person_revision_append_only BEFORE UPDATE OR DELETE ON person_revision
    FOR EACH ROW EXECUTE FUNCTION person_revision_is_append_only();
CREATE TRIGGER person_revision_no_truncate BEFORE TRUNCATE ON person_revision
    FOR EACH STATEMENT EXECUTE FUNCTION person_revision_is_append_only();

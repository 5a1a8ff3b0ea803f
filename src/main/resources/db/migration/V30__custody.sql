-- Why: the heart of the register (DESIGN.md invariants 1, 5, 6; REQ-02, REQ-04, REQ-08, REQ-35, REQ-39).
-- A custody episode exists only with its legal authority; a person's episodes never overlap (exclusion
-- constraint); the movement ledger is append-only; the whereabouts projection holds exactly one row per person
-- in custody, and "unknown" is not a state it can hold.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE custody_episode (
    id                  uuid        PRIMARY KEY,
    person_id           uuid        NOT NULL,
    facility_code       text        NOT NULL,
    legal_status        text        NOT NULL CHECK (legal_status IN ('PRE_TRIAL','SENTENCED','IMMIGRATION','CIVIL')),
    -- Classification at admission for separation (REQ-20, REQ-21): recorded sex and whether a minor.
    sex                 text        NOT NULL CHECK (sex IN ('MALE','FEMALE','INTERSEX','UNKNOWN')),
    juvenile            boolean     NOT NULL,
    -- REQ-02: no admission without a commitment order.
    authority_type      text        NOT NULL CHECK (authority_type IN ('ARREST_WARRANT','DETENTION_ORDER','COURT_REMAND',
                                                    'SENTENCE','IMMIGRATION_DETENTION_ORDER','TRANSFER_AGREEMENT')),
    issuing_authority   text        NOT NULL CHECK (length(issuing_authority) BETWEEN 1 AND 300),
    authority_date      date        NOT NULL,
    authority_reference text        NOT NULL CHECK (length(authority_reference) BETWEEN 1 AND 200),
    grounds             text,
    -- REQ-04(b), REQ-08(b): when, where and by whom the person was deprived of liberty.
    arrested_at         timestamptz,
    arrest_place        text,
    arresting_authority text,
    admitted_at         timestamptz NOT NULL,
    admitted_by         text        NOT NULL,
    -- REQ-08(d): visible injuries and complaints of prior ill-treatment.
    visible_injuries    text,
    ill_treatment_complaint text,
    ended_at            timestamptz,
    end_kind            text CHECK (end_kind IN ('RELEASED','REMOVED','DECEASED','ESCAPED')),
    CHECK ((ended_at IS NULL) = (end_kind IS NULL)),
    CHECK (ended_at IS NULL OR ended_at >= admitted_at),
    CHECK (arrested_at IS NULL OR arrested_at <= admitted_at),
    -- Invariant 6: a person's custody intervals never overlap.
    EXCLUDE USING gist (person_id WITH =, tstzrange(admitted_at, ended_at, '[)') WITH &&)
);
CREATE INDEX custody_episode_by_person ON custody_episode (person_id, admitted_at DESC);

-- REQ-08(e): itemised property, signed for by the person; it follows them on transfer.
CREATE TABLE custody_property_item (
    episode_id   uuid    NOT NULL REFERENCES custody_episode (id),
    line         integer NOT NULL CHECK (line > 0),
    description  text    NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
    quantity     integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (episode_id, line)
);

-- REQ-08(f)(g), REQ-09: family, children, next of kin and emergency contacts. Children's data is confidential.
CREATE TABLE custody_contact (
    episode_id     uuid    NOT NULL REFERENCES custody_episode (id),
    line           integer NOT NULL CHECK (line > 0),
    relation       text    NOT NULL CHECK (relation IN ('CHILD','SPOUSE','PARENT','SIBLING','OTHER_FAMILY',
                                                         'NEXT_OF_KIN','EMERGENCY_CONTACT')),
    name           text    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    age            integer CHECK (age BETWEEN 0 AND 130),
    whereabouts    text,
    guardianship   text,
    phone          text,
    PRIMARY KEY (episode_id, line)
);

-- REQ-17: a complaint of ill-treatment at admission reaches an independent body, not only facility management.
CREATE TABLE ill_treatment_referral (
    id           uuid        PRIMARY KEY,
    episode_id   uuid        NOT NULL REFERENCES custody_episode (id),
    person_id    uuid        NOT NULL,
    opened_at    timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN','REFERRED','CLOSED')),
    body         text        NOT NULL DEFAULT 'independent oversight body'
);

-- The ledger: every movement, append-only (invariant 5). A correction is a new row naming the corrected one.
CREATE TABLE movement (
    seq            bigserial   PRIMARY KEY,
    id             uuid        NOT NULL UNIQUE,
    person_id      uuid        NOT NULL,
    episode_id     uuid        NOT NULL REFERENCES custody_episode (id),
    kind           text        NOT NULL CHECK (kind IN ('ADMITTED','PLACED','MOVED','TEMPORARILY_OUT','RETURNED',
                                                        'TRANSFERRED_OUT','ARRIVED','HANDED_OVER','RELEASED','REMOVED',
                                                        'DIED','ESCAPED','CORRECTED')),
    occurred_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL,
    -- The state the movement leads to: a whereabouts kind, or how custody ended.
    to_state       text        NOT NULL CHECK (to_state IN ('IN_CELL','RECEPTION','IN_TRANSIT','TEMPORARILY_OUT',
                                                            'HANDED_OVER','RELEASED','REMOVED','DECEASED','ESCAPED')),
    facility_code  text        NOT NULL,
    from_location  uuid,
    to_location    uuid,
    destination    text,
    detail         text,
    authority      text,
    reason         text,
    actor          text        NOT NULL,
    decision_id    uuid,
    corrects       uuid REFERENCES movement (id),
    particulars    jsonb       NOT NULL DEFAULT '{}',
    CHECK ((to_state = 'IN_CELL') = (to_location IS NOT NULL)),
    CHECK ((kind = 'CORRECTED') = (corrects IS NOT NULL))
);
CREATE INDEX movement_by_person ON movement (person_id, occurred_at, seq);
CREATE INDEX movement_by_facility_time ON movement (facility_code, occurred_at);

CREATE TRIGGER movement_append_only BEFORE UPDATE OR DELETE ON movement
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER movement_no_truncate BEFORE TRUNCATE ON movement
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

-- The projection: where each person in custody is now (invariant 1). One row per person; gone when custody ends.
CREATE TABLE whereabouts (
    person_id      uuid        PRIMARY KEY,
    episode_id     uuid        NOT NULL UNIQUE REFERENCES custody_episode (id),
    kind           text        NOT NULL CHECK (kind IN ('IN_CELL','RECEPTION','IN_TRANSIT','TEMPORARILY_OUT','HANDED_OVER')),
    facility_code  text        NOT NULL,
    location_id    uuid,
    destination    text,
    detail         text,
    since          timestamptz NOT NULL,
    last_movement  uuid        NOT NULL REFERENCES movement (id),
    version        bigint      NOT NULL DEFAULT 1,
    CHECK ((kind = 'IN_CELL') = (location_id IS NOT NULL)),
    CHECK (kind <> 'IN_TRANSIT' OR destination IS NOT NULL)
);
CREATE INDEX whereabouts_by_facility ON whereabouts (facility_code, kind);
CREATE INDEX whereabouts_by_location ON whereabouts (location_id) WHERE location_id IS NOT NULL;
CREATE INDEX whereabouts_in_transit_to ON whereabouts (destination) WHERE kind = 'IN_TRANSIT';

-- Transfer manifests (REQ-53 to REQ-55): records, not documents. Every change is a new version whose lines and
-- vetting results are written once and never changed (the tables refuse UPDATE and DELETE, invariant 5); an
-- approval is a row of its own, by someone other than the version's builder (the CHECK, REQ-53); boarding and
-- arrival rows name the approved version they were made against.
CREATE TABLE manifest (
    id                    uuid        PRIMARY KEY,
    direction             text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    agreement_id          uuid        NOT NULL REFERENCES agreement (id),
    carrier               text        NOT NULL CHECK (length(carrier) BETWEEN 1 AND 200),
    journey               text        NOT NULL CHECK (length(journey) BETWEEN 1 AND 100),
    origin                text        NOT NULL CHECK (length(origin) BETWEEN 1 AND 200),
    destination_facility  text,
    destination_authority text        CHECK (length(destination_authority) BETWEEN 1 AND 300),
    destination_country   text        NOT NULL CHECK (destination_country ~ '^[A-Z]{2}$'),
    scheduled_at          timestamptz NOT NULL,
    sending_agency        text        NOT NULL CHECK (length(sending_agency) BETWEEN 1 AND 300),
    -- The user who submitted it: an agency's client sees its own manifests and no other.
    owner                 text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('OPEN', 'DISPATCHED', 'ARRIVED')),
    created_at            timestamptz NOT NULL,
    -- An inbound manifest arrives at a facility of this register; an outbound one leaves for a foreign authority.
    CHECK ((direction = 'INBOUND') = (destination_facility IS NOT NULL)),
    CHECK ((direction = 'OUTBOUND') = (destination_authority IS NOT NULL))
);
CREATE INDEX manifest_by_owner ON manifest (owner, created_at DESC);

CREATE TABLE manifest_version (
    manifest_id uuid        NOT NULL REFERENCES manifest (id),
    version     integer     NOT NULL CHECK (version >= 1),
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    built_by    text        NOT NULL,
    built_at    timestamptz NOT NULL,
    PRIMARY KEY (manifest_id, version)
);

CREATE TABLE manifest_line (
    manifest_id    uuid    NOT NULL,
    version        integer NOT NULL,
    position       integer NOT NULL CHECK (position >= 1),
    -- The sender's own reference for the person, stable across versions: boarding and arrival name lines by it.
    ref            text    NOT NULL CHECK (length(ref) BETWEEN 1 AND 100),
    -- An alternate travels only once a new version promotes it; its rank orders the alternates.
    alternate_rank integer CHECK (alternate_rank >= 1),
    person_id      uuid    REFERENCES person (id),
    identity       jsonb,
    category       text    CHECK (length(category) BETWEEN 1 AND 100),
    basis_type     text    CHECK (length(basis_type) BETWEEN 1 AND 40),
    basis_reference text   CHECK (length(basis_reference) BETWEEN 1 AND 300),
    vetting_status text    NOT NULL CHECK (vetting_status IN ('CLEARED', 'DENIED')),
    reasons        jsonb   NOT NULL,
    PRIMARY KEY (manifest_id, version, position),
    UNIQUE (manifest_id, version, ref),
    FOREIGN KEY (manifest_id, version) REFERENCES manifest_version (manifest_id, version),
    CHECK ((person_id IS NULL) <> (identity IS NULL))
);

CREATE TABLE manifest_approval (
    manifest_id uuid        NOT NULL,
    version     integer     NOT NULL,
    approved_by text        NOT NULL,
    built_by    text        NOT NULL,
    approved_at timestamptz NOT NULL,
    PRIMARY KEY (manifest_id, version),
    FOREIGN KEY (manifest_id, version) REFERENCES manifest_version (manifest_id, version),
    CHECK (approved_by <> built_by)
);

CREATE TABLE manifest_boarding (
    manifest_id uuid        NOT NULL,
    version     integer     NOT NULL,
    ref         text        NOT NULL,
    boarded_at  timestamptz NOT NULL,
    boarded_by  text        NOT NULL,
    PRIMARY KEY (manifest_id, ref),
    FOREIGN KEY (manifest_id, version) REFERENCES manifest_approval (manifest_id, version)
);

CREATE TRIGGER manifest_never_deleted BEFORE DELETE ON manifest
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();
CREATE TRIGGER manifest_version_append_only BEFORE UPDATE OR DELETE ON manifest_version
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();
CREATE TRIGGER manifest_line_append_only BEFORE UPDATE OR DELETE ON manifest_line
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();
CREATE TRIGGER manifest_approval_append_only BEFORE UPDATE OR DELETE ON manifest_approval
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();
CREATE TRIGGER manifest_boarding_append_only BEFORE UPDATE OR DELETE ON manifest_boarding
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();

-- Agreements between governments (REQ-46): the terms a foreign custodian or non-owned facility holds people under.
-- An agreement is never deleted: each change is a new version, kept whole in agreement_version, which refuses UPDATE
-- and DELETE (invariant 5), and the agreement row holds the latest. Long-term dispositions are appended, never
-- changed; the latest per person counts.

-- Custody's published read model of the episodes that rest on an agreement: admitted with the authority
-- TRANSFER_AGREEMENT whose reference is the agreement's id. Transfer reads this, never custody's tables.
CREATE VIEW custody_agreement_episode AS
SELECT id AS episode_id, person_id, facility_code, authority_reference, admitted_at, ended_at, end_kind
  FROM custody_episode WHERE authority_type = 'TRANSFER_AGREEMENT';

CREATE TABLE agreement (
    id                 uuid        PRIMARY KEY,
    reference          text        NOT NULL UNIQUE CHECK (length(reference) BETWEEN 1 AND 100),
    version            integer     NOT NULL CHECK (version >= 1),
    title              text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    sending_state      text        NOT NULL CHECK (sending_state ~ '^[A-Z]{2}$'),
    sending_agency     text        NOT NULL CHECK (length(sending_agency) BETWEEN 1 AND 300),
    receiving_state    text        NOT NULL CHECK (receiving_state ~ '^[A-Z]{2}$'),
    receiving_agency   text        NOT NULL CHECK (length(receiving_agency) BETWEEN 1 AND 300),
    instrument         text        NOT NULL CHECK (instrument IN ('TREATY', 'INTERGOVERNMENTAL_SERVICE_AGREEMENT',
                                       'CONTRACT', 'MEMORANDUM', 'EXCHANGE_OF_DIPLOMATIC_NOTES')),
    binding            boolean     NOT NULL,
    term_start         date        NOT NULL,
    term_end           date        NOT NULL,
    price_model        text        NOT NULL CHECK (price_model IN ('LUMP_SUM', 'PER_PERSON', 'PER_DETAINEE_DAY')),
    price_amount       numeric(18, 2) NOT NULL CHECK (price_amount >= 0),
    currency           text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    capacity_cap       integer     CHECK (capacity_cap > 0),
    accepted_categories text[]     NOT NULL,
    standards          text        NOT NULL CHECK (length(standards) BETWEEN 1 AND 4000),
    access_counsel     boolean     NOT NULL,
    access_consular    boolean     NOT NULL,
    access_family      boolean     NOT NULL,
    access_inspection  boolean     NOT NULL,
    reporting_duties   text        NOT NULL CHECK (length(reporting_duties) BETWEEN 1 AND 4000),
    return_clause      text        NOT NULL CHECK (length(return_clause) BETWEEN 1 AND 4000),
    alert_days         integer     NOT NULL CHECK (alert_days BETWEEN 0 AND 3650),
    changed_at         timestamptz NOT NULL,
    changed_by         text        NOT NULL,
    CHECK (term_end >= term_start)
);

CREATE TABLE agreement_version (
    agreement_id uuid        NOT NULL REFERENCES agreement (id),
    version      integer     NOT NULL,
    terms        jsonb       NOT NULL,
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    changed_at   timestamptz NOT NULL,
    changed_by   text        NOT NULL,
    PRIMARY KEY (agreement_id, version)
);

CREATE TABLE agreement_disposition (
    id           uuid        PRIMARY KEY,
    agreement_id uuid        NOT NULL REFERENCES agreement (id),
    person_id    uuid        NOT NULL REFERENCES person (id),
    kind         text        NOT NULL CHECK (kind IN ('RETURN_TO_SENDING_STATE', 'RELEASE_IN_RECEIVING_STATE',
                                 'PROSECUTION_IN_RECEIVING_STATE', 'RESETTLEMENT_IN_THIRD_COUNTRY',
                                 'CONTINUED_UNDER_NEW_AGREEMENT', 'OTHER')),
    decided_on   date        NOT NULL,
    decided_by   text        NOT NULL CHECK (length(decided_by) BETWEEN 1 AND 300),
    note         text        CHECK (length(note) <= 4000),
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL
);
CREATE INDEX agreement_disposition_by_person ON agreement_disposition (agreement_id, person_id, recorded_at DESC);

CREATE FUNCTION agreement_refuses_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is refused: agreements, their versions and dispositions are kept (invariant 5)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER agreement_never_deleted BEFORE DELETE ON agreement
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();
CREATE TRIGGER agreement_version_append_only BEFORE UPDATE OR DELETE ON agreement_version
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();
CREATE TRIGGER agreement_disposition_append_only BEFORE UPDATE OR DELETE ON agreement_disposition
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();

-- The legal record of a person (docs/architecture.md, module legal; invariants 3 and 7): court orders and protection
-- decisions per country (REQ-41, REQ-43), provisional holds (REQ-57), class-wide injunctions by criteria (REQ-57),
-- reviews of the record (REQ-56), notices before a third-country removal and fear claims (REQ-44), versioned policy
-- (REQ-44), detention authority documents with their review dates (REQ-02) and return cases (REQ-45).
-- Nothing here is ever deleted; a status change is a new row in legal_status_change, and the record's status
-- column is its latest value.

-- Published read models for legal's SQL (docs/architecture.md, "Published read models"): people's countries and
-- languages in force, and custody's open episodes. Legal joins these, never the tables behind them.
CREATE VIEW people_country AS
SELECT person_id, country FROM person_nationality WHERE retracted_revision IS NULL;

CREATE VIEW people_language AS
SELECT person_id, language FROM person_language WHERE retracted_revision IS NULL;

CREATE VIEW custody_open_episode AS
SELECT id AS episode_id, person_id, facility_code, legal_status, authority_type, issuing_authority,
       authority_date, authority_reference, arrested_at, admitted_at
  FROM custody_episode WHERE ended_at IS NULL;

-- How a person's custody ended, and for a removal the destination the ledger recorded.
CREATE VIEW custody_ended_episode AS
SELECT e.id AS episode_id, e.person_id, e.facility_code, e.end_kind, e.ended_at, r.destination
  FROM custody_episode e
  LEFT JOIN LATERAL (SELECT m.destination FROM movement m
                      WHERE m.episode_id = e.id AND m.kind = 'REMOVED' ORDER BY m.seq DESC LIMIT 1) r ON true
 WHERE e.ended_at IS NOT NULL;

CREATE TABLE legal_order (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES person (id),
    type               text        NOT NULL CHECK (type IN ('WITHHOLDING_OF_REMOVAL', 'CAT_WITHHOLDING', 'CAT_DEFERRAL',
                                       'ASYLUM_GRANT', 'STAY_AUTOMATIC_APPEAL', 'STAY_BIA', 'STAY_ADMINISTRATIVE',
                                       'STAY_COURT', 'RELEASE_ORDER', 'HABEAS_TRO', 'FACILITATE_RETURN',
                                       'FINAL_REMOVAL_ORDER')),
    issued_by          text        NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 300),
    case_number        text        CHECK (length(case_number) BETWEEN 1 AND 100),
    decided_on         date        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('ACTIVE', 'APPEALED', 'TERMINATED', 'VACATED')),
    -- REQ-41: the protected-against country (or the country a final order names) as an ISO 3166-1 code.
    country            text        CHECK (country ~ '^[A-Z]{2}$'),
    effective_from     date        NOT NULL,
    expires_on         date        CHECK (expires_on >= decided_on),
    document_reference text        NOT NULL CHECK (length(document_reference) BETWEEN 1 AND 300),
    order_text         text        CHECK (length(order_text) <= 20000),
    -- REQ-42: what the data-quality guard found at entry; non-empty means the order waits for legal review.
    quality_flags      text[]      NOT NULL DEFAULT '{}',
    countries_in_text  text[]      NOT NULL DEFAULT '{}',
    quality_reviewed_at timestamptz,
    quality_reviewed_by text,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    facility_code      text
);
CREATE INDEX legal_order_by_person ON legal_order (person_id);
CREATE INDEX legal_order_to_review ON legal_order (recorded_at) WHERE quality_flags <> '{}' AND quality_reviewed_at IS NULL;

CREATE TABLE legal_hold (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES person (id),
    source             text        NOT NULL CHECK (source IN ('COUNSEL_NOTICE', 'FAXED_ORDER', 'EMAILED_ORDER',
                                       'TELEPHONED_ORDER', 'COURT_FILING')),
    issued_by          text        CHECK (length(issued_by) BETWEEN 1 AND 300),
    case_number        text        CHECK (length(case_number) BETWEEN 1 AND 100),
    received_at        timestamptz NOT NULL,
    summary            text        NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
    document_reference text        CHECK (length(document_reference) BETWEEN 1 AND 300),
    status             text        NOT NULL CHECK (status IN ('PROVISIONAL', 'VERIFIED', 'WITHDRAWN')),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    decided_at         timestamptz,
    decided_by         text,
    facility_code      text
);
CREATE INDEX legal_hold_by_person ON legal_hold (person_id);

CREATE TABLE legal_injunction (
    id                 uuid        PRIMARY KEY,
    issued_by          text        NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 300),
    case_number        text        NOT NULL CHECK (length(case_number) BETWEEN 1 AND 100),
    decided_on         date        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('ACTIVE', 'APPEALED', 'TERMINATED', 'VACATED')),
    effective_from     date        NOT NULL,
    expires_on         date        CHECK (expires_on >= decided_on),
    document_reference text        NOT NULL CHECK (length(document_reference) BETWEEN 1 AND 300),
    summary            text        CHECK (length(summary) <= 20000),
    -- The class, by criteria (REQ-57): a person is covered when every criterion given matches.
    nationalities      text[]      NOT NULL DEFAULT '{}',
    removal_basis      text        CHECK (removal_basis ~ '^[A-Z_]{2,40}$'),
    facilities         text[]      NOT NULL DEFAULT '{}',
    arrested_from      date,
    arrested_to        date        CHECK (arrested_to >= arrested_from),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    CHECK (nationalities <> '{}' OR removal_basis IS NOT NULL OR facilities <> '{}' OR arrested_from IS NOT NULL
           OR arrested_to IS NOT NULL)
);

-- Every status change of an order, hold, injunction or return case, kept for ever.
CREATE TABLE legal_status_change (
    record_id          uuid        NOT NULL,
    record_kind        text        NOT NULL CHECK (record_kind IN ('ORDER', 'HOLD', 'INJUNCTION', 'RETURN_CASE')),
    changed_at         timestamptz NOT NULL,
    changed_by         text        NOT NULL,
    from_status        text,
    to_status          text        NOT NULL,
    reason             text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000)
);
CREATE INDEX legal_status_change_by_record ON legal_status_change (record_id, changed_at);

-- A review of the person's legal record by a legal officer, for a destination country (REQ-56).
CREATE TABLE legal_review (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES person (id),
    country            text        CHECK (country ~ '^[A-Z]{2}$'),
    sources_checked    text        NOT NULL CHECK (length(sources_checked) BETWEEN 1 AND 2000),
    conclusion         text        NOT NULL CHECK (length(conclusion) BETWEEN 1 AND 4000),
    reviewed_at        timestamptz NOT NULL,
    reviewed_by        text        NOT NULL
);
CREATE INDEX legal_review_by_person ON legal_review (person_id, reviewed_at DESC);

-- Countries the person lived in, for the data-quality guard beside their nationalities (REQ-42).
CREATE TABLE legal_residence (
    person_id          uuid        NOT NULL REFERENCES person (id),
    country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    PRIMARY KEY (person_id, country)
);

-- REQ-44: notice of the intended destination, and fear claims about it.
CREATE TABLE legal_notice (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES person (id),
    country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    served_at          timestamptz NOT NULL,
    to_person          boolean     NOT NULL,
    to_counsel         boolean     NOT NULL,
    language           text        NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    method             text        NOT NULL CHECK (length(method) BETWEEN 1 AND 200),
    explains_how_to_contest boolean NOT NULL,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL
);
CREATE INDEX legal_notice_by_person ON legal_notice (person_id, country);

CREATE TABLE legal_fear_claim (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES person (id),
    country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    raised_at          timestamptz NOT NULL,
    summary            text        NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
    status             text        NOT NULL CHECK (status IN ('UNRESOLVED', 'UPHELD', 'REJECTED', 'WITHDRAWN')),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    resolved_at        timestamptz,
    resolved_by        text
);
CREATE INDEX legal_fear_claim_by_person ON legal_fear_claim (person_id, country);

-- REQ-44: policy values with an effective date and a legal citation; a new value is a new version.
CREATE TABLE legal_policy (
    name               text        NOT NULL CHECK (name IN ('NOTICE_WINDOW_HOURS', 'FEAR_CLAIM_BLOCKS',
                                       'REVIEW_FRESHNESS_DAYS')),
    version            integer     NOT NULL CHECK (version >= 1),
    value              text        NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
    effective_from     timestamptz NOT NULL,
    citation           text        NOT NULL CHECK (length(citation) BETWEEN 1 AND 1000),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    PRIMARY KEY (name, version)
);

-- REQ-02: the documents a detention rests on after admission (renewals, review dates), per custody episode.
CREATE TABLE legal_detention_authority (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES person (id),
    episode_id         uuid        NOT NULL,
    type               text        NOT NULL CHECK (type ~ '^[A-Z_]{2,40}$'),
    issued_by          text        NOT NULL CHECK (length(issued_by) BETWEEN 1 AND 300),
    issued_on          date        NOT NULL,
    document_reference text        NOT NULL CHECK (length(document_reference) BETWEEN 1 AND 300),
    valid_until        date        CHECK (valid_until >= issued_on),
    review_due         date        NOT NULL CHECK (review_due >= issued_on),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL
);
CREATE INDEX legal_detention_authority_by_episode ON legal_detention_authority (episode_id, recorded_at DESC);

-- REQ-45: a removal that proved unlawful, or a court's order to facilitate return, tracked until it closes.
CREATE TABLE legal_return_case (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL REFERENCES person (id),
    order_id           uuid        REFERENCES legal_order (id),
    country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    grounds            text        NOT NULL CHECK (length(grounds) BETWEEN 1 AND 4000),
    status             text        NOT NULL CHECK (status IN ('OPEN', 'RETURNED', 'CLOSED_BY_COURT')),
    opened_at          timestamptz NOT NULL,
    opened_by          text        NOT NULL,
    closed_at          timestamptz,
    closed_by          text,
    facility_code      text,
    CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE INDEX legal_return_case_open ON legal_return_case (opened_at) WHERE status = 'OPEN';

CREATE TABLE legal_return_step (
    case_id            uuid        NOT NULL REFERENCES legal_return_case (id),
    line               integer     NOT NULL CHECK (line > 0),
    kind               text        NOT NULL CHECK (kind IN ('STEP', 'CONTACT_WITH_RECEIVING_STATE',
                                       'STATUS_REPORT_TO_COURT')),
    happened_at        timestamptz NOT NULL,
    summary            text        NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL,
    PRIMARY KEY (case_id, line)
);

-- Never deleted; the histories, reviews, notices, policies and steps are never changed either.
CREATE FUNCTION legal_record_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are kept for ever: change their status instead', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['legal_order', 'legal_hold', 'legal_injunction', 'legal_fear_claim', 'legal_return_case',
                             'legal_residence', 'legal_detention_authority']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION legal_record_never_deleted()',
                       t || '_never_deleted', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION legal_record_never_deleted()',
                       t || '_never_truncated', t);
    END LOOP;
    FOREACH t IN ARRAY ARRAY['legal_status_change', 'legal_review', 'legal_notice', 'legal_policy', 'legal_return_step']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION journal_refuse_change()',
                       t || '_append_only', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change()',
                       t || '_never_truncated', t);
    END LOOP;
END;
$$;

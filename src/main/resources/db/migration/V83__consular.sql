-- Why: consular notification is a record of facts (REQ-32, REQ-33): when the person was told of the right, whether
-- they asked for it, and each notification made (when, how, which post); some countries' nationals must be notified
-- whatever they ask, and that list changes, so it is dated reference data. A notification to a country the person
-- holds or claims protection against is held for human review (REQ-34): the status says so, and the database
-- refuses a held one that claims to have been sent.
CREATE TABLE consular_mandatory_country (
    country        text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    effective_from date        NOT NULL,
    effective_to   date,
    citation       text        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    recorded_by    text        NOT NULL,
    PRIMARY KEY (country, effective_from),
    CHECK (effective_to IS NULL OR effective_to > effective_from)
);

CREATE TABLE consular_record (
    person_id              uuid        PRIMARY KEY REFERENCES person (id),
    rights_told_at         timestamptz,
    rights_told_by         text,
    rights_told_language   text,
    notification_requested boolean,
    requested_recorded_at  timestamptz,
    updated_at             timestamptz NOT NULL
);

CREATE TABLE consular_notification (
    id            uuid        PRIMARY KEY,
    person_id     uuid        NOT NULL REFERENCES person (id),
    facility      text,
    country       text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    post          text        NOT NULL,
    method        text        NOT NULL CHECK (method IN ('PHONE','FAX','EMAIL','LETTER','IN_PERSON','OTHER')),
    mandatory     boolean     NOT NULL,
    -- What is (or will be) sent: for a held one never the claim, and never where the person is (REQ-34).
    notice        jsonb       NOT NULL,
    status        text        NOT NULL CHECK (status IN ('SENT','HELD_FOR_REVIEW','WITHDRAWN')),
    recorded_at   timestamptz NOT NULL,
    recorded_by   text        NOT NULL,
    sent_at       timestamptz,
    reviewed_at   timestamptz,
    reviewed_by   text,
    review_reason text,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX consular_notification_by_person ON consular_notification (person_id, recorded_at);
CREATE INDEX consular_notification_held ON consular_notification (recorded_at) WHERE status = 'HELD_FOR_REVIEW';

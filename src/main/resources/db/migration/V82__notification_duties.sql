-- Why: telling family and counsel of admission, transfer, release, removal, handover, serious illness or injury and
-- death is a duty with a deadline (REQ-30, REQ-31, REQ-36, REQ-38), and every attempt is evidence (time, method, who,
-- delivered or not). The duty is created by a listener of custody's events, which may run twice for one event after a
-- crash or a resubmission: the unique key on (occasion, recipient) makes the second run create nothing.

-- The people to tell, per person: family or a designated contact, and counsel of record. tell_of_illness is the
-- person's wish, per contact, that this relative be told (or not) of illness or injury (REQ-31).
CREATE TABLE rights_contact (
    id               uuid        PRIMARY KEY,
    person_id        uuid        NOT NULL REFERENCES person (id),
    kind             text        NOT NULL CHECK (kind IN ('FAMILY','DESIGNATED','COUNSEL')),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    relation         text,
    phone            text,
    email            text,
    address          text,
    tell_of_illness  boolean     NOT NULL DEFAULT true,
    recorded_at      timestamptz NOT NULL,
    recorded_by      text        NOT NULL,
    -- The movement whose admission record it was copied from, so a second run of the listener copies nothing.
    from_movement    uuid,
    UNIQUE (from_movement, name, relation)
);
CREATE INDEX rights_contact_by_person ON rights_contact (person_id);

CREATE TABLE notification_task (
    id            uuid        PRIMARY KEY,
    person_id     uuid        NOT NULL REFERENCES person (id),
    facility      text        NOT NULL,
    occasion      text        NOT NULL CHECK (occasion IN ('ADMISSION','TRANSFER','RELEASE','REMOVAL','HANDOVER',
                                                           'DEATH','ILLNESS','INJURY','HOSPITAL')),
    -- The event (a ledger entry) or the report that created it; with recipient_key, what makes creation idempotent.
    occasion_id   uuid        NOT NULL,
    recipient     text        NOT NULL CHECK (recipient IN ('FAMILY','COUNSEL')),
    recipient_key text        NOT NULL,
    contact_id    uuid        REFERENCES rights_contact (id),
    -- What the notice must say (REQ-36: the reason and the receiving facility, never travel details).
    notice        jsonb       NOT NULL DEFAULT '{}',
    occurred_at   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    due_at        timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('OPEN','DONE','WITHHELD')),
    done_at       timestamptz,
    UNIQUE (occasion_id, recipient_key),
    CHECK ((status = 'DONE') = (done_at IS NOT NULL))
);
CREATE INDEX notification_task_open_by_facility ON notification_task (facility, due_at) WHERE status = 'OPEN';
CREATE INDEX notification_task_by_person ON notification_task (person_id, created_at);

CREATE TABLE notification_attempt (
    id           uuid        PRIMARY KEY,
    task_id      uuid        NOT NULL REFERENCES notification_task (id),
    at           timestamptz NOT NULL,
    method       text        NOT NULL CHECK (method IN ('PHONE','IN_PERSON','LETTER','EMAIL','MESSAGE','OTHER')),
    made_by      text        NOT NULL,
    delivered    boolean     NOT NULL,
    note         text,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX notification_attempt_by_task ON notification_attempt (task_id, at);

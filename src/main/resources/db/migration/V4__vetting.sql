-- Why: a denied movement is evidence (DESIGN.md step 3), and an override is a two-person decision (REQ-53).
-- Both are kept for inspectors; the two-person rule is enforced here too, so no code path can approve its own.
CREATE TABLE vetting_decision (
    id           uuid        PRIMARY KEY,
    person_id    uuid        NOT NULL,
    action       text        NOT NULL,
    movement_key text        NOT NULL,
    facility     text,
    allowed      boolean     NOT NULL,
    outcomes     jsonb       NOT NULL,
    overrides    uuid[]      NOT NULL DEFAULT '{}',
    decided_at   timestamptz NOT NULL,
    decided_by   text        NOT NULL
);
CREATE INDEX vetting_decision_by_person ON vetting_decision (person_id, decided_at DESC);

CREATE TABLE vetting_override (
    id               uuid        PRIMARY KEY,
    person_id        uuid        NOT NULL,
    action           text        NOT NULL CHECK (action IN ('PLACEMENT','CELL_MOVE','TRANSFER','TEMPORARY_ABSENCE',
                                                            'RELEASE','REMOVAL','HANDOVER')),
    movement_key     text        NOT NULL,
    facility         text,
    rule             text        NOT NULL,
    -- The denial the override would lift, as the rule stated it when the override was requested.
    denial           text,
    reason           text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    legal_basis      text        NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 1000),
    expires_at       timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING','APPROVED','REFUSED','USED')),
    approver_role    text        NOT NULL,
    requested_by     text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    decided_by       text,
    decided_at       timestamptz,
    decision_reason  text,
    used_by_decision uuid REFERENCES vetting_decision (id),
    used_at          timestamptz,
    CHECK (expires_at > requested_at),
    CHECK (decided_by IS NULL OR decided_by <> requested_by),
    CHECK ((status = 'PENDING') = (decided_by IS NULL)),
    CHECK ((status = 'USED') = (used_by_decision IS NOT NULL))
);
CREATE INDEX vetting_override_pending ON vetting_override (status, requested_at);
CREATE INDEX vetting_override_by_person ON vetting_override (person_id);

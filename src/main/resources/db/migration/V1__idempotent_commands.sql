-- Why: a create command retried by a client (network timeout, double click) must not create a second thing.
-- The key is claimed in the command's own transaction; the first response is kept for replay.
CREATE TABLE idempotent_command (
    caller          text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    route           text        NOT NULL,
    fingerprint     bytea       NOT NULL,
    status          integer,
    location        text,
    body            text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idempotency_key)
);

-- Why: every action in Habeas is taken by a known person or client with least privilege (REQ-52).
-- Lock-out state lives with the user so it holds across restarts and across application instances.
CREATE TABLE app_user (
    id              uuid        PRIMARY KEY,
    username        text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    display_name    text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash   text        NOT NULL,
    roles           text[]      NOT NULL CHECK (roles <@ ARRAY['ADMIN','INTAKE','HOUSING','LEGAL','SUPERVISOR',
                                                               'DIRECTOR','INSPECTOR','AGENCY']::text[]),
    -- Facility codes the user may see; empty means every facility.
    facilities      text[]      NOT NULL DEFAULT '{}',
    enabled         boolean     NOT NULL DEFAULT true,
    failed_logons   integer     NOT NULL DEFAULT 0 CHECK (failed_logons >= 0),
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- Bearer tokens for scripts and sending agencies. Only a SHA-256 hash of the secret is kept.
CREATE TABLE api_token (
    id              uuid        PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES app_user (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash      bytea       NOT NULL UNIQUE,
    prefix          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX api_token_by_user ON api_token (user_id);

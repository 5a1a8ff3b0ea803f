-- Why: every change in Habeas must leave evidence that nobody can quietly rewrite (REQ-06, REQ-49 to REQ-51;
-- DESIGN.md invariants 4 and 5). Commands only INSERT into journal_entry, inside their own transaction and
-- without any shared lock, so concurrent commands never queue behind one another. A single sealer later gives
-- each committed entry its place in a SHA-256 chain and signs a checkpoint over the chain head. Triggers refuse
-- every other UPDATE and every DELETE or TRUNCATE. A superuser can still get round triggers (for example with
-- session_replication_role = replica), which is why the chain and the signatures exist: verification finds
-- what the triggers could not stop.

CREATE TABLE journal_entry (
    seq          bigserial   PRIMARY KEY,                -- insert order; not the chain order
    id           uuid        NOT NULL UNIQUE,            -- how a later correction names this entry (REQ-06)
    recorded_at  timestamptz NOT NULL,
    actor        text        NOT NULL CHECK (length(actor) <= 200),
    actor_roles  text        NOT NULL CHECK (length(actor_roles) <= 500),
    action       text        NOT NULL CHECK (action ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    subject_type text        NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 100),
    subject_id   text        NOT NULL CHECK (length(subject_id) <= 200),
    facility     text        CHECK (length(facility) <= 100),
    reason       text        CHECK (length(reason) <= 2000),
    -- json, not jsonb: the hash commits to the exact text written, not to jsonb's output format (which a
    -- PostgreSQL upgrade could change), and reading it back costs no conversion.
    details      json        NOT NULL CHECK (json_typeof(details) = 'object'),
    request_id   text        CHECK (length(request_id) <= 100),
    -- Written once, by the sealer; NULL until then.
    chain_pos    bigint      UNIQUE CHECK (chain_pos >= 1),
    prev_hash    bytea       CHECK (octet_length(prev_hash) = 32),
    entry_hash   bytea       CHECK (octet_length(entry_hash) = 32),
    CHECK ((chain_pos IS NULL) = (prev_hash IS NULL) AND (chain_pos IS NULL) = (entry_hash IS NULL))
);

-- The sealer's queue: only entries still waiting are in this index, so it stays small however long the journal.
CREATE INDEX journal_entry_unsealed ON journal_entry (seq) WHERE chain_pos IS NULL;
-- The filters of GET /api/journal, newest first.
CREATE INDEX journal_entry_subject ON journal_entry (subject_type, subject_id, seq);
CREATE INDEX journal_entry_actor ON journal_entry (actor, seq);
CREATE INDEX journal_entry_action ON journal_entry (action, seq);
CREATE INDEX journal_entry_recorded_at ON journal_entry (recorded_at);

-- One row per sealing step: the chain up to up_to_pos ends in head_hash, signed with the journal key.
CREATE TABLE journal_checkpoint (
    up_to_pos  bigint      PRIMARY KEY CHECK (up_to_pos >= 1),
    head_hash  bytea       NOT NULL CHECK (octet_length(head_hash) = 32),
    sealed_at  timestamptz NOT NULL,
    key_id     text        NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
    signature  bytea       NOT NULL
);

-- Every verification run and what it found, so the home page can show the last state and nobody can erase a
-- failed run afterwards.
CREATE TABLE journal_verification (
    id              bigserial   PRIMARY KEY,
    verified_at     timestamptz NOT NULL,
    verified_by     text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('OK', 'BROKEN')),
    entries_checked bigint      NOT NULL CHECK (entries_checked >= 0),
    pending         bigint      NOT NULL CHECK (pending >= 0),
    checkpoints     bigint      NOT NULL CHECK (checkpoints >= 0),
    problem         text        CHECK (problem IN ('ALTERED', 'MISSING', 'LINK_BROKEN', 'CHECKPOINT_MISMATCH',
                                                   'BAD_SIGNATURE', 'UNKNOWN_KEY', 'UNSIGNED')),
    broken_pos      bigint,
    broken_seq      bigint,
    detail          text,
    duration_ms     bigint      NOT NULL CHECK (duration_ms >= 0),
    CHECK ((status = 'BROKEN') = (problem IS NOT NULL))
);

-- Refuses any change to a row of an append-only table.
CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

-- The one UPDATE allowed on journal_entry is the sealing step: it fills the three seal columns of an entry that
-- was never sealed and leaves every content column exactly as it was.
CREATE FUNCTION journal_entry_seal_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.chain_pos IS NULL AND NEW.chain_pos IS NOT NULL
       AND (NEW.seq, NEW.id, NEW.recorded_at, NEW.actor, NEW.actor_roles, NEW.action, NEW.subject_type,
            NEW.subject_id, NEW.facility, NEW.reason, NEW.details::text, NEW.request_id)
           IS NOT DISTINCT FROM
           (OLD.seq, OLD.id, OLD.recorded_at, OLD.actor, OLD.actor_roles, OLD.action, OLD.subject_type,
            OLD.subject_id, OLD.facility, OLD.reason, OLD.details::text, OLD.request_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'journal_entry is append-only: only an unsealed entry may be sealed, once (seq %)', OLD.seq;
END;
$$;

CREATE TRIGGER journal_entry_seal_only BEFORE UPDATE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_seal_only();
CREATE TRIGGER journal_entry_no_delete BEFORE DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

CREATE TRIGGER journal_checkpoint_no_change BEFORE UPDATE OR DELETE ON journal_checkpoint
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_checkpoint_no_truncate BEFORE TRUNCATE ON journal_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

CREATE TRIGGER journal_verification_no_change BEFORE UPDATE OR DELETE ON journal_verification
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_verification_no_truncate BEFORE TRUNCATE ON journal_verification
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

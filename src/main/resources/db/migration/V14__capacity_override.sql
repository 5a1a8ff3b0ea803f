-- Why: holding people above operational capacity is an exception that needs an approver, a reason and an expiry
-- (REQ-23 exception register, REQ-28, REQ-29). The override is a record, never edited: it ends by expiring or by
-- a revocation written once. The CHECKs keep the raised figure above zero and the expiry after the approval.
CREATE TABLE capacity_override (
    id            uuid        PRIMARY KEY,
    location_id   uuid        NOT NULL REFERENCES location (id),
    capacity      integer     NOT NULL CHECK (capacity > 0),
    reason        text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    decision_ref  text        CHECK (length(decision_ref) <= 200),
    approved_by   text        NOT NULL CHECK (length(approved_by) BETWEEN 1 AND 200),
    approved_at   timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    revoked_by    text,
    CHECK (expires_at > approved_at),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX capacity_override_in_force ON capacity_override (location_id, expires_at) WHERE revoked_at IS NULL;

-- Only the revocation may be written after the fact, once.
CREATE FUNCTION capacity_override_revoke_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
       AND (NEW.id, NEW.location_id, NEW.capacity, NEW.reason, NEW.decision_ref, NEW.approved_by, NEW.approved_at,
            NEW.expires_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.location_id, OLD.capacity, OLD.reason, OLD.decision_ref, OLD.approved_by, OLD.approved_at,
            OLD.expires_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'capacity_override is append-only: only a revocation may be added, once';
END;
$$;
CREATE TRIGGER capacity_override_revoke_only BEFORE UPDATE ON capacity_override
    FOR EACH ROW EXECUTE FUNCTION capacity_override_revoke_only();
CREATE TRIGGER capacity_override_no_delete BEFORE DELETE ON capacity_override
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();

-- Arrival check-in against a manifest's approved version (REQ-35, REQ-54): each arrival ticked off, the person it
-- admitted (or why custody refused the admission), and those who arrived without being on it. Written once.
CREATE TABLE manifest_arrival (
    manifest_id   uuid        NOT NULL,
    version       integer     NOT NULL,
    ref           text        NOT NULL CHECK (length(ref) BETWEEN 1 AND 100),
    on_manifest   boolean     NOT NULL,
    person_id     uuid        REFERENCES person (id),
    episode_id    uuid,
    refused_code  text,
    checked_in_at timestamptz NOT NULL,
    checked_in_by text        NOT NULL,
    PRIMARY KEY (manifest_id, ref),
    FOREIGN KEY (manifest_id, version) REFERENCES manifest_approval (manifest_id, version)
);

CREATE TRIGGER manifest_arrival_append_only BEFORE UPDATE OR DELETE ON manifest_arrival
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();

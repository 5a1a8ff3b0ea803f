-- The end of an outbound transfer (REQ-40, REQ-48): the handover of each person boarded to the foreign authority,
-- with the receiving official, the place, the time, the receipt, the agreement and the non-refoulement assessment
-- recorded before it. Each column is required: a handover missing any of them is not recorded. Written once.
CREATE TABLE manifest_handover (
    manifest_id          uuid        NOT NULL,
    ref                  text        NOT NULL,
    person_id            uuid        NOT NULL REFERENCES person (id),
    agreement_id         uuid        NOT NULL REFERENCES agreement (id),
    movement_id          uuid        NOT NULL,
    receiving_official   text        NOT NULL CHECK (length(receiving_official) BETWEEN 1 AND 300),
    place                text        NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
    handed_over_at       timestamptz NOT NULL,
    receipt_reference    text        NOT NULL CHECK (length(receipt_reference) BETWEEN 1 AND 200),
    persecution_risk     text        NOT NULL CHECK (length(persecution_risk) BETWEEN 1 AND 4000),
    torture_risk         text        NOT NULL CHECK (length(torture_risk) BETWEEN 1 AND 4000),
    disappearance_risk   text        NOT NULL CHECK (length(disappearance_risk) BETWEEN 1 AND 4000),
    facility_conditions  text        NOT NULL CHECK (length(facility_conditions) BETWEEN 1 AND 4000),
    assessed_by          text        NOT NULL CHECK (length(assessed_by) BETWEEN 1 AND 300),
    recorded_at          timestamptz NOT NULL,
    recorded_by          text        NOT NULL,
    PRIMARY KEY (manifest_id, ref),
    FOREIGN KEY (manifest_id, ref) REFERENCES manifest_boarding (manifest_id, ref)
);

CREATE TRIGGER manifest_handover_append_only BEFORE UPDATE OR DELETE ON manifest_handover
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();

-- Notifications owed for each executed transfer (REQ-36, REQ-38): counsel of record and family, one task each per
-- person boarded or arrived. Transfer records them; the module that delivers notifications will close them, so the
-- status may change, from PENDING only.
CREATE TABLE manifest_notification (
    id          uuid        PRIMARY KEY,
    manifest_id uuid        NOT NULL REFERENCES manifest (id),
    ref         text        NOT NULL,
    person_id   uuid        REFERENCES person (id),
    recipient   text        NOT NULL CHECK (recipient IN ('COUNSEL', 'FAMILY')),
    status      text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'NOT_POSSIBLE')),
    created_at  timestamptz NOT NULL,
    UNIQUE (manifest_id, ref, recipient)
);

-- A version a supervisor refused, with why: it is never approved, and the builder makes a new version.
CREATE TABLE manifest_refusal (
    manifest_id uuid        NOT NULL,
    version     integer     NOT NULL,
    refused_by  text        NOT NULL,
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    refused_at  timestamptz NOT NULL,
    PRIMARY KEY (manifest_id, version),
    FOREIGN KEY (manifest_id, version) REFERENCES manifest_version (manifest_id, version)
);

CREATE TRIGGER manifest_refusal_append_only BEFORE UPDATE OR DELETE ON manifest_refusal
    FOR EACH ROW EXECUTE FUNCTION agreement_refuses_change();

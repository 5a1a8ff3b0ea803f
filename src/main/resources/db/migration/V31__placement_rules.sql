-- Why: separation of people who must not be held together (REQ-20, REQ-22). An alleged affiliation is recorded
-- as an allegation with its source and status, never as a fact; non-associations are between two people or two
-- groups, at the scope of a cell, a module or a facility. Neither is ever deleted: closing is a status change,
-- and every change is kept in a history table.
CREATE TABLE allegation (
    id                 uuid        PRIMARY KEY,
    person_id          uuid        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('GANG_AFFILIATION','OTHER_AFFILIATION')),
    grouping           text        NOT NULL CHECK (length(grouping) BETWEEN 1 AND 100),
    source             text        NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
    evidence_reference text,
    status             text        NOT NULL CHECK (status IN ('ALLEGED','ADMITTED','ADJUDICATED','DISPUTED','WITHDRAWN')),
    recorded_at        timestamptz NOT NULL,
    recorded_by        text        NOT NULL
);
CREATE INDEX allegation_by_person ON allegation (person_id);
CREATE INDEX allegation_by_group ON allegation (grouping) WHERE status <> 'WITHDRAWN';

CREATE TABLE non_association (
    id           uuid        PRIMARY KEY,
    person_a     uuid,
    person_b     uuid,
    group_a      text,
    group_b      text,
    scope        text        NOT NULL CHECK (scope IN ('CELL','MODULE','FACILITY')),
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    source       text        NOT NULL CHECK (length(source) BETWEEN 1 AND 300),
    status       text        NOT NULL CHECK (status IN ('OPEN','CLOSED')),
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL,
    CHECK ((person_a IS NOT NULL AND person_b IS NOT NULL AND group_a IS NULL AND group_b IS NULL)
        OR (person_a IS NULL AND person_b IS NULL AND group_a IS NOT NULL AND group_b IS NOT NULL)),
    CHECK (person_a IS DISTINCT FROM person_b OR person_a IS NULL),
    CHECK (group_a IS DISTINCT FROM group_b OR group_a IS NULL)
);
CREATE INDEX non_association_person_a ON non_association (person_a) WHERE status = 'OPEN';
CREATE INDEX non_association_person_b ON non_association (person_b) WHERE status = 'OPEN';
CREATE INDEX non_association_groups ON non_association (group_a, group_b) WHERE status = 'OPEN';

-- Every status change of either, with who, when and why.
CREATE TABLE placement_record_history (
    record_id   uuid        NOT NULL,
    record_type text        NOT NULL CHECK (record_type IN ('ALLEGATION','NON_ASSOCIATION')),
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL,
    status_from text,
    status_to   text        NOT NULL,
    reason      text
);
CREATE INDEX placement_record_history_by_record ON placement_record_history (record_id, changed_at);

CREATE TRIGGER allegation_never_deleted BEFORE DELETE ON allegation
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER non_association_never_deleted BEFORE DELETE ON non_association
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER placement_record_history_append_only BEFORE UPDATE OR DELETE ON placement_record_history
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();

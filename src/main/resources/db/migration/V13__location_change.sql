-- Why: every attribute change of a location is kept as history (who, when, old -> new, why), grouped by the
-- command that made it, and nobody may rewrite that history (REQ-06): the table refuses UPDATE and DELETE.
CREATE TABLE location_change (
    command_id  uuid        NOT NULL,
    location_id uuid        NOT NULL REFERENCES location (id),
    attribute   text        NOT NULL CHECK (attribute ~ '^[a-zA-Z0-9]{1,64}$'),
    old_value   text        CHECK (length(old_value) <= 300),
    new_value   text        CHECK (length(new_value) <= 300),
    changed_at  timestamptz NOT NULL,
    changed_by  text        NOT NULL CHECK (length(changed_by) BETWEEN 1 AND 200),
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    PRIMARY KEY (location_id, command_id, attribute)
);
CREATE INDEX location_change_by_time ON location_change (location_id, changed_at);

CREATE TRIGGER location_change_no_change BEFORE UPDATE OR DELETE ON location_change
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER location_change_no_truncate BEFORE TRUNCATE ON location_change
    FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

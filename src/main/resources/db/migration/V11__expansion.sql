-- Why: capacity "as of" a future date must follow the expansion plans (a layout effective on a planned date), and
-- opening a project is a recorded event with its date. Names are unique per facility so a repeated create is
-- caught by the database, not by a read-then-insert race.
CREATE TABLE expansion (
    id            uuid        PRIMARY KEY,
    facility_code text        NOT NULL REFERENCES facility (code),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    planned_on    date        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('PLANNED', 'UNDER_CONSTRUCTION', 'OPEN')),
    opened_on     date,
    created_at    timestamptz NOT NULL,
    UNIQUE (facility_code, name),
    CHECK ((status = 'OPEN') = (opened_on IS NOT NULL))
);
CREATE INDEX expansion_by_facility ON expansion (facility_code, planned_on);

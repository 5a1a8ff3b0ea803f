-- Why: oversight (REQ-13, REQ-19, REQ-26 to REQ-29, REQ-47). What the estate plans before it has cells, the
-- categories population statistics count by, the ledger read those statistics need, and the reports of deaths,
-- escapes and serious injuries to an independent authority.

-- Estate: what a planned facility will hold, declared and by floor area, before its cells are laid out. The forecast
-- counts it from the facility's planned opening date (facility.opened_on).
CREATE TABLE facility_planned_capacity (
    facility_code  text          PRIMARY KEY REFERENCES facility (code),
    places         integer       NOT NULL CHECK (places BETWEEN 1 AND 1000000),
    floor_area_m2  numeric(12,2) CHECK (floor_area_m2 > 0),
    updated_at     timestamptz   NOT NULL,
    updated_by     text          NOT NULL
);

-- People's published read model for statistics (docs/architecture.md, "Published read models"): the birth date or
-- estimated age an age group is worked out from, and one principal nationality (the first recorded still in force),
-- so that a person with two nationalities is counted once.
CREATE VIEW people_statistics AS
SELECT p.id AS person_id, p.birth_date, p.estimated_age,
       (SELECT n.country FROM person_nationality n
         WHERE n.person_id = p.id AND n.retracted_revision IS NULL
         ORDER BY n.added_revision, n.country LIMIT 1) AS nationality
  FROM person p;

-- The population on a facility's roll at a past instant is worked back from now: each movement since counts -1 where
-- it led and +1 where it came from. Almost every movement is recorded at the facility it leaves, so the index by
-- facility and time finds them; an arrival is recorded at the facility it reaches, and this small index (arrivals
-- and the rare correction across facilities only) finds the movements that left another facility.
CREATE INDEX movement_from_elsewhere ON movement (from_facility, occurred_at)
    INCLUDE (episode_id, kind, corrected_kind, to_state, facility_code, from_state) WHERE from_facility <> facility_code;

-- REQ-13 (Mandela Rule 71): a serious injury in custody, recorded for its report to an independent authority. Deaths
-- and escapes are in the movement ledger already; custody publishes them for oversight through this view, the rows
-- that stand (a correction's kind, never the row it corrects).
CREATE TABLE oversight_serious_injury (
    id             uuid        PRIMARY KEY,
    person_id      uuid        NOT NULL,
    facility_code  text        NOT NULL,
    occurred_at    timestamptz NOT NULL,
    description    text        NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    recorded_at    timestamptz NOT NULL,
    recorded_by    text        NOT NULL
);
CREATE INDEX oversight_serious_injury_by_facility ON oversight_serious_injury (facility_code, occurred_at);

CREATE VIEW custody_death_or_escape AS
SELECT m.id AS movement_id, m.person_id, m.facility_code, m.occurred_at,
       CASE WHEN m.kind = 'CORRECTED' THEN m.corrected_kind ELSE m.kind END AS kind
  FROM movement m
 WHERE (m.kind IN ('DIED', 'ESCAPED') OR m.corrected_kind IN ('DIED', 'ESCAPED'))
   AND NOT EXISTS (SELECT 1 FROM movement c WHERE c.corrects = m.id);
-- The view's rows are found by kind (corrected_kind is set on corrections only); few beside the ledger.
CREATE INDEX movement_deaths_and_escapes ON movement (occurred_at)
    WHERE kind IN ('DIED', 'ESCAPED') OR corrected_kind IN ('DIED', 'ESCAPED');

-- The report of an incident (a death or escape in the ledger, or a serious injury) to a judicial or other independent
-- authority, with the reference of its investigation. One report per incident; never changed.
CREATE TABLE oversight_incident_report (
    incident_id    uuid        PRIMARY KEY,
    incident_kind  text        NOT NULL CHECK (incident_kind IN ('DEATH', 'ESCAPE', 'SERIOUS_INJURY')),
    authority      text        NOT NULL CHECK (length(authority) BETWEEN 1 AND 300),
    reference      text        NOT NULL CHECK (length(reference) BETWEEN 1 AND 200),
    reported_on    date        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    recorded_by    text        NOT NULL
);
CREATE TRIGGER oversight_incident_report_append_only BEFORE UPDATE OR DELETE ON oversight_incident_report
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();

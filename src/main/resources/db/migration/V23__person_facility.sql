-- Why: facility scope for people without a cycle: custody sits above people, so people keeps its own small
-- record of which facilities a person is or was held in (custody calls PeopleService.linkToFacility at
-- admission). A user limited to some facilities sees only the people linked to them.
CREATE TABLE person_facility (
    person_id      uuid        NOT NULL REFERENCES person (id),
    facility_code  text        NOT NULL CHECK (facility_code ~ '^[A-Z0-9-]{2,20}$'),
    since          timestamptz NOT NULL,
    PRIMARY KEY (person_id, facility_code)
);
CREATE INDEX person_facility_by_facility ON person_facility (facility_code, person_id);

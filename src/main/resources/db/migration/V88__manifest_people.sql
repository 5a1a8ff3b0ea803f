-- A sending agency follows the people its manifests carried (GET /api/manifests/people/{id}): the lines that name a
-- person and the arrivals that registered one, found by person rather than by manifest.
CREATE INDEX manifest_line_by_person ON manifest_line (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX manifest_arrival_by_person ON manifest_arrival (person_id) WHERE person_id IS NOT NULL;

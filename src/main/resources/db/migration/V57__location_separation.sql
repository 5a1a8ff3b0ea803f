-- Why: REQ-20 (Mandela Rule 11) asks for separation by sex, age and the legal reason for detention "as a placement
-- rule": a unit may be designated for one category (women's premises entirely separate, a juvenile wing, a civil
-- or immigration unit), and a designation applies to everything below the location that carries it. NULL: the
-- location sets no designation of that kind. Changes are kept in location_change like every attribute.
ALTER TABLE location
    ADD COLUMN for_sex       text CHECK (for_sex IN ('MALE', 'FEMALE')),
    ADD COLUMN for_age       text CHECK (for_age IN ('ADULTS', 'MINORS')),
    ADD COLUMN for_detention text CHECK (for_detention IN ('UNTRIED', 'CONVICTED', 'CIVIL'));

-- Why: counsel and family have a right to the whereabouts of the person they represent, including every transfer
-- (REQ-16, ICPPED Art. 18). A user with the role REPRESENTATIVE sees only the people a legal officer verified them
-- for, each verification with its evidence (a power of attorney, a bar card, a family record), revoked, never
-- deleted.
ALTER TABLE app_user DROP CONSTRAINT app_user_roles_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_check CHECK (roles <@ ARRAY['ADMIN','INTAKE','HOUSING','LEGAL',
    'SUPERVISOR','DIRECTOR','INSPECTOR','AGENCY','REPRESENTATIVE']::text[]);

CREATE TABLE rights_representation (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES app_user (id),
    person_id    uuid        NOT NULL REFERENCES person (id),
    kind         text        NOT NULL CHECK (kind IN ('COUNSEL', 'FAMILY')),
    evidence     text        NOT NULL CHECK (length(evidence) BETWEEN 1 AND 1000),
    verified_at  timestamptz NOT NULL,
    verified_by  text        NOT NULL,
    revoked_at   timestamptz,
    revoked_by   text,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
-- One verification in force per representative and person.
CREATE UNIQUE INDEX rights_representation_in_force ON rights_representation (user_id, person_id)
    WHERE revoked_at IS NULL;
CREATE INDEX rights_representation_by_person ON rights_representation (person_id);

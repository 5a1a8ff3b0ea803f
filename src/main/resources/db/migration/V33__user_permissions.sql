-- Why: REQ-14 (Mandela Rule 9): medical data, confidential complaints and children's data (REQ-09) each get their
-- own permission, granted to a user apart from their roles; a role alone never shows these fields.
CREATE TABLE user_permission (
    user_id     uuid        NOT NULL REFERENCES app_user (id),
    permission  text        NOT NULL CHECK (permission IN ('MEDICAL','COMPLAINTS','CHILDREN')),
    granted_at  timestamptz NOT NULL,
    granted_by  text        NOT NULL,
    PRIMARY KEY (user_id, permission)
);

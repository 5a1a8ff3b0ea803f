-- Why: a person may be held only in an officially recognised and supervised place (REQ-47, ICPPED Art. 17(2)(c)):
-- the register names every place with the authority responsible for it and its supervising / inspection authority
-- (REQ-04), so neither column may be empty. Codes are the short keys people read in path keys (CECOT-M1-C07).
CREATE TABLE facility (
    code                  text        PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
    name                  text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    country               text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region                text        CHECK (length(region) <= 200),
    municipality          text        CHECK (length(municipality) <= 200),
    latitude              numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude             numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    time_zone             text        NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
    type                  text        NOT NULL CHECK (type IN ('PRISON', 'PRE_TRIAL_CENTRE', 'IMMIGRATION_DETENTION',
                                                               'POLICE_CELLS', 'JUVENILE_CENTRE', 'OTHER')),
    responsible_authority text        NOT NULL CHECK (length(responsible_authority) BETWEEN 1 AND 300),
    inspection_authority  text        NOT NULL CHECK (length(inspection_authority) BETWEEN 1 AND 300),
    opened_on             date,
    status                text        NOT NULL CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED')),
    created_at            timestamptz NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- Why: domain events must outlive a crash between the movement that publishes them and the listeners that act on
-- them (the duties to tell family, counsel and consulates). Spring Modulith's JDBC event publication registry keeps
-- each event here, written in the movement's own transaction, until its listener completes; an incomplete row is
-- resubmitted (docs/decisions/0010). Modulith's own schema initialisation is off: the table is ours, and this is its
-- PostgreSQL schema (version 2: status, attempts, last resubmission).
CREATE TABLE event_publication (
    id                     uuid        PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
-- What the administrators' list of incomplete publications reads.
CREATE INDEX event_publication_incomplete_idx ON event_publication (publication_date) WHERE completion_date IS NULL;

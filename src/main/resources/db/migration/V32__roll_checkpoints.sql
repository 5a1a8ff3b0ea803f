-- Why: the roll at a past instant must not replay the whole ledger (issue 5: <= 200 ms over 10,000,000 movements).
--
-- 1. Every movement also records the state it left (from_state, from_facility, from_destination; from_location
--    already exists). A movement is then self-describing: -1 where the person was, +1 where they went. The roll
--    between two instants changes by the sum over the movements between them, with no per-person look-up.
-- 2. roll_checkpoint holds the roll of every facility at an instant (the start of each UTC day, and any other
--    instant asked for), counted per state, cell, facility and transit destination. The roll at t is the latest
--    checkpoint at or before t plus the movements after it up to t. A movement recorded with a time at or before a
--    checkpoint (backdating) deletes that checkpoint in its own transaction; it is computed again when needed.
ALTER TABLE movement
    ADD COLUMN from_state       text CHECK (from_state IN ('IN_CELL','RECEPTION','IN_TRANSIT','TEMPORARILY_OUT',
                                                           'HANDED_OVER')),
    ADD COLUMN from_facility    text,
    ADD COLUMN from_destination text,
    ADD CHECK ((from_state IS NULL) = (from_facility IS NULL)),
    ADD CHECK (from_state IS NULL OR (from_state = 'IN_CELL') = (from_location IS NOT NULL));

-- Rows written before this migration get their origin from the person's previous movement. The ledger's facts do
-- not change (only the derived origin is filled in), so the append-only trigger is lifted for this one statement.
ALTER TABLE movement DISABLE TRIGGER movement_append_only;
UPDATE movement m
   SET from_state = p.prev_state, from_facility = p.prev_facility,
       from_destination = CASE WHEN p.prev_state = 'IN_TRANSIT' THEN p.prev_destination END
  FROM (SELECT seq, kind,
               lag(to_state) OVER w AS prev_state, lag(facility_code) OVER w AS prev_facility,
               lag(destination) OVER w AS prev_destination
          FROM movement
        WINDOW w AS (PARTITION BY person_id ORDER BY occurred_at, seq)) p
 WHERE m.seq = p.seq AND p.kind <> 'ADMITTED'
   AND p.prev_state IN ('IN_CELL','RECEPTION','IN_TRANSIT','TEMPORARILY_OUT','HANDED_OVER');
ALTER TABLE movement ENABLE TRIGGER movement_append_only;

-- The delta between a checkpoint and an instant reads only this index (an index-only scan once the rows are
-- all-visible): the columns the roll counts by ride in it, so a busy hour's tens of thousands of movements are
-- read from consecutive index pages, not from rows scattered over a ledger of millions.
CREATE INDEX movement_by_time ON movement (occurred_at)
    INCLUDE (to_state, to_location, facility_code, destination, from_state, from_location, from_facility,
             from_destination);
-- Today's arrivals and departures on the roll count index entries only (no visit to the rows once they are
-- all-visible): the kind rides in the index.
CREATE INDEX movement_by_facility_time_kind ON movement (facility_code, occurred_at) INCLUDE (kind);
DROP INDEX movement_by_facility_time;

CREATE TABLE roll_checkpoint_taken (
    taken_at     timestamptz PRIMARY KEY,
    computed_at  timestamptz NOT NULL,
    -- The checkpoint it was computed from (null: from the start of the ledger), for whoever checks it.
    based_on     timestamptz
);

CREATE TABLE roll_checkpoint (
    taken_at       timestamptz NOT NULL REFERENCES roll_checkpoint_taken (taken_at) ON DELETE CASCADE,
    state          text        NOT NULL CHECK (state IN ('IN_CELL','RECEPTION','IN_TRANSIT','TEMPORARILY_OUT',
                                                         'HANDED_OVER')),
    location_id    uuid,
    facility_code  text        NOT NULL,
    destination    text,
    people         integer     NOT NULL CHECK (people > 0),
    CHECK ((state = 'IN_CELL') = (location_id IS NOT NULL)),
    CHECK ((state = 'IN_TRANSIT') = (destination IS NOT NULL))
);
CREATE INDEX roll_checkpoint_by_facility ON roll_checkpoint (taken_at, facility_code);
CREATE INDEX roll_checkpoint_in_transit_to ON roll_checkpoint (taken_at, destination) WHERE state = 'IN_TRANSIT';

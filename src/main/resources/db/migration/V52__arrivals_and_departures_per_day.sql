-- Issue 5, the roll now: how many arrived at and left each facility on each of its local days, kept with every
-- movement so the roll now reads one row instead of counting the day's ledger. A statement-level trigger with the
-- inserted rows as a transition table: a bulk admission of 500 people takes the hot row's lock once, with one
-- increment, and every writer of the ledger (the service, a migration, the benchmark's bulk SQL) keeps it right.
-- The day is the movement's occurred day in the facility's time zone, so a backdated movement counts on its day.
-- RollCall.check() recomputes these counts from the ledger and reports any difference.
CREATE TABLE movement_day_count (
    facility_code text    NOT NULL,
    day           date    NOT NULL,
    arrived       integer NOT NULL CHECK (arrived >= 0),
    left_         integer NOT NULL CHECK (left_ >= 0),
    PRIMARY KEY (facility_code, day)
);

CREATE FUNCTION movement_day_count_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Ordered, so two transactions touching the same rows lock them in the same order.
    INSERT INTO movement_day_count AS c (facility_code, day, arrived, left_)
    SELECT n.facility_code, (n.occurred_at AT TIME ZONE coalesce(f.time_zone, 'UTC'))::date,
           count(*) FILTER (WHERE n.kind IN ('ADMITTED', 'ARRIVED')),
           count(*) FILTER (WHERE n.kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED',
                                             'ESCAPED'))
      FROM new_movements n
      LEFT JOIN facility f ON f.code = n.facility_code
     WHERE n.kind IN ('ADMITTED', 'ARRIVED', 'TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED', 'ESCAPED')
     GROUP BY 1, 2
     ORDER BY 1, 2
    ON CONFLICT (facility_code, day)
    DO UPDATE SET arrived = c.arrived + EXCLUDED.arrived, left_ = c.left_ + EXCLUDED.left_;
    RETURN NULL;
END;
$$;

CREATE TRIGGER movement_day_count AFTER INSERT ON movement
    REFERENCING NEW TABLE AS new_movements
    FOR EACH STATEMENT EXECUTE FUNCTION movement_day_count_add();

-- The ledger written before this migration.
INSERT INTO movement_day_count (facility_code, day, arrived, left_)
SELECT m.facility_code, (m.occurred_at AT TIME ZONE coalesce(f.time_zone, 'UTC'))::date,
       count(*) FILTER (WHERE m.kind IN ('ADMITTED', 'ARRIVED')),
       count(*) FILTER (WHERE m.kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED', 'ESCAPED'))
  FROM movement m
  LEFT JOIN facility f ON f.code = m.facility_code
 WHERE m.kind IN ('ADMITTED', 'ARRIVED', 'TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED', 'ESCAPED')
 GROUP BY 1, 2;

-- Why: corrections of the movement ledger (REQ-06, REQ-49, REQ-51; invariant 5). The ledger stays append-only: a
-- correction is a new CORRECTED row naming the row it corrects (corrects, V30) and why (reason). It restates that
-- movement in full with the corrected facts (its time, its cell; where the person came from is the corrected row's),
-- so whatever replays the ledger reads the correction in place of the row it supersedes; or, for a movement entered
-- in error, it restates "nothing happened": the state before it, at the time of the movement before it.
--
-- corrected_kind: the kind of movement a CORRECTED row stands for (the kind of the row it corrects, or of the one
-- that row corrects in turn); null on a correction that says the movement never happened, which counts as nothing.
ALTER TABLE movement
    ADD COLUMN corrected_kind text CHECK (corrected_kind IN ('ADMITTED','PLACED','MOVED','TEMPORARILY_OUT','RETURNED',
                                                             'TRANSFERRED_OUT','ARRIVED','HANDED_OVER','RELEASED',
                                                             'REMOVED','DIED','ESCAPED')),
    ADD CHECK (kind = 'CORRECTED' OR corrected_kind IS NULL);

-- A row is corrected at most once: a second correction corrects the correction, so the rows that stand (those no
-- row corrects) are one per movement. Also the index by which a replay finds the superseded rows, few beside the
-- ledger's millions.
CREATE UNIQUE INDEX movement_corrected_once ON movement (corrects) WHERE corrects IS NOT NULL;

-- The day's arrivals and departures (V52) count the rows that stand, each by the kind it stands for: a correction
-- counts on its own (corrected) day, and the row it supersedes is taken off its day. A statement without
-- corrections (every movement, admission batch and bulk load) is counted as before, in one statement. One with
-- corrections writes its keys one at a time in key order, so writers still lock the counter rows in the same order;
-- a key that loses (the day a correction moved a movement from) is updated, since an insert of a negative count
-- would fail its CHECK before ON CONFLICT could add it to the row that is there.
CREATE OR REPLACE FUNCTION movement_day_count_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    d record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM new_movements WHERE corrects IS NOT NULL) THEN
        INSERT INTO movement_day_count AS c (facility_code, day, arrived, left_)
        SELECT n.facility_code, (n.occurred_at AT TIME ZONE coalesce(f.time_zone, 'UTC'))::date,
               count(*) FILTER (WHERE n.kind IN ('ADMITTED', 'ARRIVED')),
               count(*) FILTER (WHERE n.kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED',
                                                 'ESCAPED'))
          FROM new_movements n
          LEFT JOIN estate_facility_zone f ON f.facility_code = n.facility_code
         WHERE n.kind IN ('ADMITTED', 'ARRIVED', 'TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED',
                          'ESCAPED')
         GROUP BY 1, 2
         ORDER BY 1, 2
        ON CONFLICT (facility_code, day)
        DO UPDATE SET arrived = c.arrived + EXCLUDED.arrived, left_ = c.left_ + EXCLUDED.left_;
        RETURN NULL;
    END IF;
    FOR d IN
        SELECT facility_code, day, sum(arrived) AS arrived, sum(left_) AS left_
          FROM (SELECT e.facility_code, (e.occurred_at AT TIME ZONE coalesce(f.time_zone, 'UTC'))::date AS day,
                       e.sign * (e.kind IN ('ADMITTED', 'ARRIVED'))::integer AS arrived,
                       e.sign * (e.kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED',
                                            'ESCAPED'))::integer AS left_
                  FROM (SELECT n.facility_code, n.occurred_at,
                               CASE WHEN n.kind = 'CORRECTED' THEN n.corrected_kind ELSE n.kind END AS kind, 1 AS sign
                          FROM new_movements n
                        UNION ALL
                        SELECT s.facility_code, s.occurred_at,
                               CASE WHEN s.kind = 'CORRECTED' THEN s.corrected_kind ELSE s.kind END, -1
                          FROM new_movements n JOIN movement s ON s.id = n.corrects
                         WHERE n.corrects IS NOT NULL) e
                  LEFT JOIN estate_facility_zone f ON f.facility_code = e.facility_code
                 WHERE e.kind IN ('ADMITTED', 'ARRIVED', 'TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED',
                                  'DIED', 'ESCAPED')) c
         GROUP BY 1, 2
        HAVING sum(arrived) <> 0 OR sum(left_) <> 0
         ORDER BY 1, 2
    LOOP
        IF d.arrived >= 0 AND d.left_ >= 0 THEN
            INSERT INTO movement_day_count AS c (facility_code, day, arrived, left_)
            VALUES (d.facility_code, d.day, d.arrived, d.left_)
            ON CONFLICT (facility_code, day)
            DO UPDATE SET arrived = c.arrived + EXCLUDED.arrived, left_ = c.left_ + EXCLUDED.left_;
        ELSE
            -- The day counted the superseded row, so its counter row exists (the consistency check reports it if
            -- someone deleted it behind the application's back).
            UPDATE movement_day_count SET arrived = arrived + d.arrived, left_ = left_ + d.left_
             WHERE facility_code = d.facility_code AND day = d.day;
        END IF;
    END LOOP;
    RETURN NULL;
END;
$$;

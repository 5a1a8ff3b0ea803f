-- Why: SEPARATION and NON_ASSOCIATION (REQ-20, REQ-22) judge a movement by who is held in the cell or the module.
-- Reading the 156 occupants of a cell, or the ~5,000 of a module, for every movement missed the 5 ms target
-- (docs/performance.md, Vetting). These two summaries count, per cell, the people of each separation category and
-- the people alleged (any status but WITHDRAWN) to belong to each group, a person once per group. Triggers keep
-- them in the transaction that changes whereabouts, allegations or an episode's category, whatever the path (a
-- move, an admission, a merge, bulk SQL); the consistency check (RollCall.check) compares them with a recount.
--
-- Locking: every writer takes a transaction-level advisory lock per cell it changes, in key order, before it
-- reads what it counts. Custody moves already hold both cells' rows, so they never wait on each other here; an
-- allegation change of a person in a cell waits for a move through that cell to commit and then counts with the
-- person's whereabouts as committed (and a move waits for such a change in turn). Without it, a withdrawal
-- counted against the cell a concurrent move was taking the person out of would leave both cells wrong. No writer
-- holds a summary row while it waits for a cell lock, so writers cannot deadlock on the summaries.
CREATE TABLE cell_category_count (
    location_id  uuid    NOT NULL,
    sex          text    NOT NULL,
    juvenile     boolean NOT NULL,
    legal_status text    NOT NULL,
    people       integer NOT NULL,
    PRIMARY KEY (location_id, sex, juvenile, legal_status)
);

CREATE TABLE cell_group_count (
    location_id uuid    NOT NULL,
    grouping    text    NOT NULL,
    people      integer NOT NULL,
    PRIMARY KEY (location_id, grouping)
);

-- The advisory locks of these cells (class 55: its own key space beside the journal's one-key locks), in order.
CREATE FUNCTION cell_counts_lock(cells uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    k integer;
BEGIN
    FOR k IN SELECT DISTINCT hashtext(c::text) FROM unnest(cells) c WHERE c IS NOT NULL ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(55, k);
    END LOOP;
END;
$$;

-- Whereabouts rows that left (as they were) and arrived (as they are now): each cell loses the first and gains the
-- second, by category (from the episode) and by standing alleged group.
CREATE FUNCTION cell_counts_move(removed whereabouts[], added whereabouts[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cell_counts_lock(ARRAY(SELECT location_id FROM unnest(removed)
                                   UNION SELECT location_id FROM unnest(added)));
    INSERT INTO cell_category_count AS c (location_id, sex, juvenile, legal_status, people)
    SELECT w.location_id, e.sex, e.juvenile, e.legal_status, sum(w.sign)
      FROM (SELECT location_id, episode_id, -1 AS sign FROM unnest(removed) WHERE location_id IS NOT NULL
            UNION ALL
            SELECT location_id, episode_id, 1 FROM unnest(added) WHERE location_id IS NOT NULL) w
      JOIN custody_episode e ON e.id = w.episode_id
     GROUP BY 1, 2, 3, 4 HAVING sum(w.sign) <> 0
     ORDER BY 1, 2, 3, 4
        ON CONFLICT (location_id, sex, juvenile, legal_status) DO UPDATE SET people = c.people + EXCLUDED.people;
    INSERT INTO cell_group_count AS c (location_id, grouping, people)
    SELECT w.location_id, g.grouping, sum(w.sign)
      FROM (SELECT location_id, person_id, -1 AS sign FROM unnest(removed) WHERE location_id IS NOT NULL
            UNION ALL
            SELECT location_id, person_id, 1 FROM unnest(added) WHERE location_id IS NOT NULL) w
      CROSS JOIN LATERAL (SELECT DISTINCT a.grouping FROM allegation a
                           WHERE a.person_id = w.person_id AND a.status <> 'WITHDRAWN') g
     GROUP BY 1, 2 HAVING sum(w.sign) <> 0
     ORDER BY 1, 2
        ON CONFLICT (location_id, grouping) DO UPDATE SET people = c.people + EXCLUDED.people;
END;
$$;

CREATE FUNCTION cell_counts_whereabouts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cell_counts_move('{}', ARRAY(SELECT n::whereabouts FROM new_rows n WHERE n.location_id IS NOT NULL));
    RETURN NULL;
END;
$$;

CREATE FUNCTION cell_counts_whereabouts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cell_counts_move(ARRAY(SELECT o::whereabouts FROM old_rows o WHERE o.location_id IS NOT NULL), '{}');
    RETURN NULL;
END;
$$;

-- Only rows whose person, episode or cell changed count; a row that stays in its cell (or stays out of cells)
-- changes nothing and locks nothing.
CREATE FUNCTION cell_counts_whereabouts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cell_counts_move(
        ARRAY(SELECT o::whereabouts FROM old_rows o
               WHERE o.location_id IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.person_id = o.person_id
                                    AND n.episode_id = o.episode_id AND n.location_id = o.location_id)),
        ARRAY(SELECT n::whereabouts FROM new_rows n
               WHERE n.location_id IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.person_id = n.person_id
                                    AND o.episode_id = n.episode_id AND o.location_id = n.location_id)));
    RETURN NULL;
END;
$$;

CREATE TRIGGER cell_counts_whereabouts_inserted AFTER INSERT ON whereabouts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cell_counts_whereabouts_inserted();
CREATE TRIGGER cell_counts_whereabouts_deleted AFTER DELETE ON whereabouts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cell_counts_whereabouts_deleted();
CREATE TRIGGER cell_counts_whereabouts_updated AFTER UPDATE ON whereabouts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cell_counts_whereabouts_updated();

-- Allegation rows that were (removed, as they were) and are (added, as they are now): the (person, group) pairs
-- standing before the statement are the table now without the added rows plus the removed ones; the cell of each
-- person whose pairs differ gains or loses them.
CREATE FUNCTION cell_counts_allegations(removed allegation[], added allegation[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- Joins rather than "= ANY (array)": a bulk load changes the allegations of tens of thousands of people at once.
    PERFORM cell_counts_lock(ARRAY(
        SELECT w.location_id
          FROM (SELECT person_id FROM unnest(removed) UNION SELECT person_id FROM unnest(added)) p
          JOIN whereabouts w ON w.person_id = p.person_id
         WHERE w.location_id IS NOT NULL));
    WITH concerned AS (
        SELECT person_id FROM unnest(removed) UNION SELECT person_id FROM unnest(added)
    ), standing AS (
        SELECT DISTINCT a.person_id, a.grouping FROM allegation a JOIN concerned c ON c.person_id = a.person_id
         WHERE a.status <> 'WITHDRAWN'
    ), stood AS (
        SELECT DISTINCT person_id, grouping
          FROM (SELECT a.person_id, a.grouping, a.status FROM allegation a JOIN concerned c ON c.person_id = a.person_id
                 WHERE NOT EXISTS (SELECT 1 FROM unnest(added) n WHERE n.id = a.id)
                UNION ALL
                SELECT person_id, grouping, status FROM unnest(removed)) x
         WHERE status <> 'WITHDRAWN'
    ), delta AS (
        SELECT person_id, grouping, 1 AS sign FROM (SELECT * FROM standing EXCEPT SELECT * FROM stood) gained
        UNION ALL
        SELECT person_id, grouping, -1 FROM (SELECT * FROM stood EXCEPT SELECT * FROM standing) lost
    )
    INSERT INTO cell_group_count AS c (location_id, grouping, people)
    SELECT w.location_id, d.grouping, sum(d.sign)
      FROM delta d JOIN whereabouts w ON w.person_id = d.person_id AND w.location_id IS NOT NULL
     GROUP BY 1, 2 HAVING sum(d.sign) <> 0
     ORDER BY 1, 2
        ON CONFLICT (location_id, grouping) DO UPDATE SET people = c.people + EXCLUDED.people;
END;
$$;

CREATE FUNCTION cell_counts_allegations_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cell_counts_allegations('{}', ARRAY(SELECT n::allegation FROM new_rows n));
    RETURN NULL;
END;
$$;

CREATE FUNCTION cell_counts_allegations_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cell_counts_allegations(ARRAY(SELECT o::allegation FROM old_rows o),
                                    ARRAY(SELECT n::allegation FROM new_rows n));
    RETURN NULL;
END;
$$;

CREATE TRIGGER cell_counts_allegations_inserted AFTER INSERT ON allegation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cell_counts_allegations_inserted();
CREATE TRIGGER cell_counts_allegations_updated AFTER UPDATE ON allegation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cell_counts_allegations_updated();

-- No command changes an episode's category today (admission fixes it); should one, the cell of the person held
-- under that episode moves the person from the old category to the new one.
CREATE FUNCTION cell_counts_episodes_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE (o.sex, o.juvenile, o.legal_status) IS DISTINCT FROM (n.sex, n.juvenile, n.legal_status)) THEN
        RETURN NULL;
    END IF;
    PERFORM cell_counts_lock(ARRAY(SELECT w.location_id FROM whereabouts w JOIN new_rows n ON n.id = w.episode_id
                                    WHERE w.location_id IS NOT NULL));
    INSERT INTO cell_category_count AS c (location_id, sex, juvenile, legal_status, people)
    SELECT w.location_id, e.sex, e.juvenile, e.legal_status, sum(e.sign)
      FROM (SELECT id, sex, juvenile, legal_status, -1 AS sign FROM old_rows
            UNION ALL
            SELECT id, sex, juvenile, legal_status, 1 FROM new_rows) e
      JOIN whereabouts w ON w.episode_id = e.id AND w.location_id IS NOT NULL
     GROUP BY 1, 2, 3, 4 HAVING sum(e.sign) <> 0
     ORDER BY 1, 2, 3, 4
        ON CONFLICT (location_id, sex, juvenile, legal_status) DO UPDATE SET people = c.people + EXCLUDED.people;
    RETURN NULL;
END;
$$;

CREATE TRIGGER cell_counts_episodes_updated AFTER UPDATE ON custody_episode
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cell_counts_episodes_updated();

-- The counts of what is held now.
INSERT INTO cell_category_count (location_id, sex, juvenile, legal_status, people)
SELECT w.location_id, e.sex, e.juvenile, e.legal_status, count(*)
  FROM whereabouts w JOIN custody_episode e ON e.id = w.episode_id
 WHERE w.location_id IS NOT NULL
 GROUP BY 1, 2, 3, 4;

INSERT INTO cell_group_count (location_id, grouping, people)
SELECT w.location_id, a.grouping, count(DISTINCT w.person_id)
  FROM whereabouts w JOIN allegation a ON a.person_id = w.person_id AND a.status <> 'WITHDRAWN'
 WHERE w.location_id IS NOT NULL
 GROUP BY 1, 2;

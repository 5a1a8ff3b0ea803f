package org.habeas.custody.roll.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

/** The roll's SQL: now from the whereabouts projection, at any past instant from the ledger. */
@Repository
public class RollRepository {

    /** One group of people in the same state, place and destination, and how many they are. */
    public record StateCount(String state, UUID location, String facility, String destination, int people) {
    }

    // People in cells are not counted here: each cell's stored population already is that count, kept in the
    // same transaction as every movement (invariant 6, proven by the consistency check). The rest are few, and the
    // kinds are listed (not "<> 'IN_CELL'") so that whereabouts_by_facility (facility_code, kind) finds just them.
    private static final String NOW = """
            SELECT kind AS state, location_id, facility_code, destination, count(*) AS people
              FROM whereabouts
             WHERE (facility_code = :facility AND kind IN ('RECEPTION', 'TEMPORARILY_OUT', 'IN_TRANSIT', 'HANDED_OVER'))
                OR (kind = 'IN_TRANSIT' AND destination = :facility)
             GROUP BY kind, location_id, facility_code, destination
            """;

    private static final String LIVE_STATES = "('IN_CELL','RECEPTION','IN_TRANSIT','TEMPORARILY_OUT','HANDED_OVER')";

    // The ledger's entries that a correction supersedes (V62), each as it was recorded: few beside the ledger, found
    // through the index of corrections.
    private static final String SUPERSEDED = """
            (SELECT s.* FROM movement c JOIN movement s ON s.id = c.corrects WHERE c.corrects IS NOT NULL) movement
            """;

    // The change of the roll between two instants: each movement between them counts +1 where it led and -1 where
    // it came from (from_state, recorded with every movement). Ended custody is not on any roll, so it counts 0.
    // A correction restates the movement it corrects with the corrected time and cell, so it counts like any
    // movement, at its own time; the entry it supersedes is taken back at that entry's time (the last two parts),
    // so between the wrong and the right time the roll is as if neither had happened. One entered in error leads
    // where it came from: it counts 0.
    private static final String DELTA_ROWS = """
            SELECT to_state AS state, to_location AS location_id, facility_code,
                   CASE WHEN to_state = 'IN_TRANSIT' THEN destination END AS destination, 1 AS people
              FROM movement
             WHERE occurred_at > :from AND occurred_at <= :to AND to_state IN %1$s AND (%2$s)
             UNION ALL
            SELECT from_state, from_location, from_facility,
                   CASE WHEN from_state = 'IN_TRANSIT' THEN from_destination END, -1
              FROM movement
             WHERE occurred_at > :from AND occurred_at <= :to AND from_state IS NOT NULL AND (%3$s)
             UNION ALL
            SELECT to_state, to_location, facility_code, CASE WHEN to_state = 'IN_TRANSIT' THEN destination END, -1
              FROM %4$s
             WHERE occurred_at > :from AND occurred_at <= :to AND to_state IN %1$s AND (%2$s)
             UNION ALL
            SELECT from_state, from_location, from_facility,
                   CASE WHEN from_state = 'IN_TRANSIT' THEN from_destination END, 1
              FROM %4$s
             WHERE occurred_at > :from AND occurred_at <= :to AND from_state IS NOT NULL AND (%3$s)
            """;

    private static final String DELTA = "SELECT state, location_id, facility_code, destination, sum(people) AS people"
            + " FROM (" + DELTA_ROWS.formatted(LIVE_STATES,
                    "facility_code = :facility OR (to_state = 'IN_TRANSIT' AND destination = :facility)",
                    "from_facility = :facility OR (from_state = 'IN_TRANSIT' AND from_destination = :facility)",
                    SUPERSEDED)
            + ") d GROUP BY state, location_id, facility_code, destination HAVING sum(people) <> 0";

    private static final String CHECKPOINT_COUNTS = """
            SELECT state, location_id, facility_code, destination, people FROM roll_checkpoint
             WHERE taken_at = :taken AND (facility_code = :facility OR (state = 'IN_TRANSIT' AND destination = :facility))
            """;

    private static final String LATEST_CHECKPOINT = """
            SELECT max(taken_at) FROM roll_checkpoint_taken WHERE taken_at <= :at
            """;

    // One writer of checkpoints at a time, and backdated movements wait for it (see invalidateFrom): a checkpoint
    // is computed by a statement that starts after the lock, so it sees every movement committed before.
    private static final String CHECKPOINT_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('habeas.roll_checkpoint', 0))";
    private static final String CHECKPOINT_LOCK_SHARED =
            "SELECT pg_advisory_xact_lock_shared(hashtextextended('habeas.roll_checkpoint', 0))";

    private static final String INSERT_CHECKPOINT_TAKEN = """
            INSERT INTO roll_checkpoint_taken (taken_at, computed_at, based_on) VALUES (:at, :now, :base)
            ON CONFLICT (taken_at) DO NOTHING
            """;

    // The checkpoint at :at is the one at :base (none: the start of the ledger) plus the movements between them.
    private static final String INSERT_CHECKPOINT = "INSERT INTO roll_checkpoint (taken_at, state, location_id,"
            + " facility_code, destination, people) SELECT CAST(:at AS timestamptz), state, location_id, facility_code,"
            + " destination, sum(people) FROM (SELECT state, location_id, facility_code, destination, people"
            + " FROM roll_checkpoint WHERE taken_at = :base UNION ALL "
            + DELTA_ROWS.formatted(LIVE_STATES, "true", "true", SUPERSEDED)
            + ") d GROUP BY state, location_id, facility_code, destination HAVING sum(people) <> 0";

    private static final String INVALIDATE_CHECKPOINTS = "DELETE FROM roll_checkpoint_taken WHERE taken_at >= :from";

    // What corrections change in the arrivals and departures (V62): each correction counts as the kind it stands
    // for (none, entered in error), the entry it supersedes counts no more.
    private static final String CORRECTED_KINDS = """
            SELECT facility_code, occurred_at, corrected_kind AS kind, 1 AS sign FROM movement
             WHERE corrects IS NOT NULL
             UNION ALL
            SELECT s.facility_code, s.occurred_at, CASE WHEN s.kind = 'CORRECTED' THEN s.corrected_kind ELSE s.kind END,
                   -1
              FROM movement c JOIN movement s ON s.id = c.corrects
             WHERE c.corrects IS NOT NULL
            """;

    private static final String ARRIVED_AND_LEFT_BETWEEN = """
            SELECT coalesce(sum(arrived), 0) AS arrived, coalesce(sum(left_), 0) AS left_
              FROM (SELECT count(*) FILTER (WHERE kind IN ('ADMITTED', 'ARRIVED')) AS arrived,
                           count(*) FILTER (WHERE kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED',
                                                           'DIED', 'ESCAPED')) AS left_
                      FROM movement
                     WHERE facility_code = :facility AND occurred_at >= :from AND occurred_at <= :to
                     UNION ALL
                    SELECT coalesce(sum(sign) FILTER (WHERE kind IN ('ADMITTED', 'ARRIVED')), 0),
                           coalesce(sum(sign) FILTER (WHERE kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED',
                                                                     'REMOVED', 'DIED', 'ESCAPED')), 0)
                      FROM (%s) c
                     WHERE facility_code = :facility AND occurred_at >= :from AND occurred_at <= :to) t
            """.formatted(CORRECTED_KINDS);

    // The day's counter (V52), kept with every movement by a trigger; the roll now reads it instead of the ledger.
    // The local day is the facility's, as the trigger reckons it.
    private static final String ARRIVED_AND_LEFT_TODAY = """
            SELECT c.arrived, c.left_
              FROM estate_facility_zone f
              JOIN movement_day_count c
                ON c.facility_code = f.facility_code
               AND c.day = (CAST(:at AS timestamptz) AT TIME ZONE f.time_zone)::date
             WHERE f.facility_code = :facility
            """;

    // The counters recomputed from the ledger's entries that stand, each by the kind it stands for; every row where
    // the two disagree (either side missing counts 0).
    private static final String DAY_COUNT_DIFFERENCES = """
            WITH standing AS (
                SELECT m.facility_code, m.occurred_at,
                       CASE WHEN m.kind = 'CORRECTED' THEN m.corrected_kind ELSE m.kind END AS kind
                  FROM movement m
                 WHERE NOT EXISTS (SELECT 1 FROM movement c WHERE c.corrects = m.id)
            ), ledger AS (
                SELECT m.facility_code, (m.occurred_at AT TIME ZONE coalesce(f.time_zone, 'UTC'))::date AS day,
                       count(*) FILTER (WHERE m.kind IN ('ADMITTED', 'ARRIVED')) AS arrived,
                       count(*) FILTER (WHERE m.kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED',
                                                         'DIED', 'ESCAPED')) AS left_
                  FROM standing m
                  LEFT JOIN estate_facility_zone f ON f.facility_code = m.facility_code
                 WHERE m.kind IN ('ADMITTED', 'ARRIVED', 'TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED',
                                  'DIED', 'ESCAPED')
                 GROUP BY 1, 2)
            SELECT coalesce(l.facility_code, c.facility_code) AS facility_code, coalesce(l.day, c.day) AS day,
                   coalesce(l.arrived, 0) AS ledger_arrived, coalesce(l.left_, 0) AS ledger_left,
                   coalesce(c.arrived, 0) AS counted_arrived, coalesce(c.left_, 0) AS counted_left
              FROM ledger l
              FULL JOIN movement_day_count c ON c.facility_code = l.facility_code AND c.day = l.day
             WHERE coalesce(l.arrived, 0) <> coalesce(c.arrived, 0) OR coalesce(l.left_, 0) <> coalesce(c.left_, 0)
             ORDER BY 1, 2
             LIMIT 100
            """;

    // Invariant 6: the projection must equal the ledger's latest movement of every person in custody, of the entries
    // that stand (a correction in place of the entry it supersedes).
    private static final String PROJECTION_DIFFERENCES = """
            WITH latest AS (
                SELECT DISTINCT ON (m.person_id) m.person_id, m.id, m.to_state, m.facility_code, m.to_location
                  FROM movement m
                  JOIN custody_episode e ON e.id = m.episode_id AND e.ended_at IS NULL
                 WHERE NOT EXISTS (SELECT 1 FROM movement c WHERE c.corrects = m.id)
                 ORDER BY m.person_id, m.occurred_at DESC, m.seq DESC)
            SELECT coalesce(l.person_id, w.person_id) AS person_id, l.to_state, w.kind, l.to_location, w.location_id
              FROM latest l
              FULL JOIN whereabouts w ON w.person_id = l.person_id
             WHERE l.person_id IS NULL OR w.person_id IS NULL OR w.kind <> l.to_state
                OR w.facility_code <> l.facility_code OR w.location_id IS DISTINCT FROM l.to_location
                OR w.last_movement <> l.id
             LIMIT 100
            """;

    private static final String PEOPLE_IN_CUSTODY = "SELECT count(*) FROM whereabouts";

    private static final String IN_CELL_BY_LOCATION = """
            SELECT location_id, count(*) AS people FROM whereabouts WHERE kind = 'IN_CELL' GROUP BY location_id
            """;

    // Before any movement: the delta from here is the whole ledger. PostgreSQL's -infinity would do, but JDBC has none.
    private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcClient jdbc;

    RollRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone the facility answers for now except the people in its cells, whom the cells count. */
    public List<StateCount> nowOutsideCells(String facility) {
        return jdbc.sql(NOW).param("facility", facility).query(RollRepository::stateCount).list();
    }

    /** How the roll of the facility changed from {@code from} (exclusive; null: the start) to {@code to}. */
    public List<StateCount> delta(String facility, Instant from, Instant to) {
        return jdbc.sql(DELTA).param("facility", facility).param("from", from == null ? BEGINNING : utc(from))
                .param("to", utc(to)).query(RollRepository::stateCount).list();
    }

    public List<StateCount> checkpoint(String facility, Instant taken) {
        return jdbc.sql(CHECKPOINT_COUNTS).param("facility", facility).param("taken", utc(taken))
                .query(RollRepository::stateCount).list();
    }

    public Optional<Instant> latestCheckpoint(Instant atOrBefore) {
        return jdbc.sql(LATEST_CHECKPOINT).param("at", utc(atOrBefore))
                .query((rs, n) -> Optional.ofNullable(instant(rs, 1))).single();
    }

    /**
     * Computes and stores the checkpoint at {@code at} from the latest one before it (or the start of the ledger);
     * nothing when it exists already. Call in a read-write transaction of its own: it takes the checkpoint lock.
     */
    public void storeCheckpoint(Instant at, Instant now) {
        jdbc.sql(CHECKPOINT_LOCK).query().singleRow();
        Instant base = latestCheckpoint(at).orElse(null);
        // There already when nothing was inserted: the database keeps microseconds, so an instant with nanoseconds
        // names the checkpoint it was stored as, which is not equal to it in Java (its counts must not go in twice).
        int taken = jdbc.sql(INSERT_CHECKPOINT_TAKEN).param("at", utc(at)).param("now", utc(now))
                .param("base", utc(base)).update();
        if (taken == 0) {
            return;
        }
        jdbc.sql(INSERT_CHECKPOINT).param("at", utc(at)).param("base", utc(base))
                .param("from", base == null ? BEGINNING : utc(base)).param("to", utc(at)).update();
    }

    /**
     * A movement recorded with a time at or before a checkpoint makes that checkpoint wrong: delete it (and every
     * later one) in the movement's transaction. Waits for a checkpoint being computed, so none misses the movement.
     */
    public void invalidateFrom(Instant occurredAt) {
        jdbc.sql(CHECKPOINT_LOCK_SHARED).query().singleRow();
        jdbc.sql(INVALIDATE_CHECKPOINTS).param("from", utc(occurredAt)).update();
    }

    public Optional<Instant> firstMovement() {
        return jdbc.sql("SELECT min(occurred_at) FROM movement")
                .query((rs, n) -> Optional.ofNullable(instant(rs, 1))).single();
    }

    /** How many arrived at the facility (admitted or arrived) and how many left it between the two instants. */
    public int[] arrivedAndLeftBetween(String facility, Instant from, Instant to) {
        return jdbc.sql(ARRIVED_AND_LEFT_BETWEEN).param("facility", facility).param("from", utc(from))
                .param("to", utc(to)).query((rs, n) -> new int[] {rs.getInt("arrived"), rs.getInt("left_")})
                .single();
    }

    /**
     * Arrived and left on the facility's local day of {@code at}, from the day's counter (0 and 0 for a quiet day).
     * The counter counts the whole day: movements recorded up to the allowed clock skew ahead count already.
     */
    public int[] arrivedAndLeftToday(String facility, Instant at) {
        return jdbc.sql(ARRIVED_AND_LEFT_TODAY).param("facility", facility).param("at", utc(at))
                .query((rs, n) -> new int[] {rs.getInt("arrived"), rs.getInt("left_")}).optional()
                .orElseGet(() -> new int[] {0, 0});
    }

    /** Every facility and day whose arrivals and departures counter differs from the ledger. */
    public List<String> dayCountDifferences() {
        return jdbc.sql(DAY_COUNT_DIFFERENCES).query((rs, n) -> ("facility %s on %s: the ledger has %d arrived and %d"
                + " left, the day's counter %d and %d").formatted(rs.getString("facility_code"),
                rs.getObject("day", java.time.LocalDate.class), rs.getInt("ledger_arrived"),
                rs.getInt("ledger_left"), rs.getInt("counted_arrived"), rs.getInt("counted_left"))).list();
    }

    public List<String> projectionDifferences() {
        return jdbc.sql(PROJECTION_DIFFERENCES).query((rs, n) -> "person %s: ledger says %s %s, whereabouts says %s %s"
                .formatted(rs.getObject("person_id"), rs.getString("to_state"), rs.getObject("to_location"),
                        rs.getString("kind"), rs.getObject("location_id"))).list();
    }

    public int peopleInCustody() {
        return jdbc.sql(PEOPLE_IN_CUSTODY).query(Integer.class).single();
    }

    public java.util.Map<UUID, Integer> inCellByLocation() {
        var counts = new java.util.HashMap<UUID, Integer>();
        jdbc.sql(IN_CELL_BY_LOCATION).query(rs -> {
            counts.put(rs.getObject("location_id", UUID.class), rs.getInt("people"));
        });
        return counts;
    }

    private static StateCount stateCount(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StateCount(rs.getString("state"), rs.getObject("location_id", UUID.class),
                rs.getString("facility_code"), rs.getString("destination"), rs.getInt("people"));
    }
}

package org.habeas.custody.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.habeas.custody.PopulationCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.habeas.common.SqlTimes.utc;

/**
 * The SQL of population statistics: who is on the facilities' rolls now, by category, and what every movement since
 * an instant changed, by day and category. One statement, so both parts read one snapshot and the population of a
 * past day (now minus the changes after it) is exact whatever is being recorded meanwhile.
 */
@Repository
public class PopulationRepository {

    /** A day's changes of one category ({@code day} null: who is on the roll now, in {@code held}). */
    public record Change(LocalDate day, String category, long held, long admissions, long transfersIn,
                         long transfersOut, long releases, long removals, long handovers, long deaths, long escapes) {
    }

    private static final String ON_ROLL = "('IN_CELL','RECEPTION','TEMPORARILY_OUT')";

    // Every movement since :since that touches the facilities, as recorded (+1), and each row a correction supersedes
    // taken back at its own time (-1), as the roll replays the ledger (RollRepository). Placements, cell moves,
    // temporary absences and returns are left out: they begin and end on the same roll (MovementKind), so they change
    // no figure, and leaving them out lets the index movement_roll_changes (V93) serve the read alone. A movement is
    // recorded at the facility it leaves or changes, or, for an arrival, at the one it reaches: the small index
    // movement_from_elsewhere (V92) finds the movements that left another facility. The changes are summed per
    // episode and day first, and each episode's category is worked out once (category), however many movements it
    // has in the range: the look-ups of episodes and people, not the ledger, are what a category costs.
    private static final String CHANGES = """
            WITH zone AS (
                SELECT facility_code, time_zone FROM estate_facility_zone WHERE facility_code = ANY (:facilities)
            ), recorded AS (
                SELECT 1 AS sign, episode_id, occurred_at, kind, corrected_kind, facility_code, to_state,
                       from_facility, from_state
                  FROM movement
                 WHERE facility_code = ANY (:facilities) AND occurred_at >= :since
                   AND kind NOT IN ('PLACED', 'MOVED', 'TEMPORARILY_OUT', 'RETURNED')
                 UNION ALL
                SELECT 1, episode_id, occurred_at, kind, corrected_kind, facility_code, to_state, from_facility,
                       from_state
                  FROM movement
                 WHERE from_facility = ANY (:facilities) AND from_facility <> facility_code AND occurred_at >= :since
                   AND NOT facility_code = ANY (:facilities)
                   AND kind NOT IN ('PLACED', 'MOVED', 'TEMPORARILY_OUT', 'RETURNED')
                 UNION ALL
                SELECT -1, s.episode_id, s.occurred_at, s.kind, s.corrected_kind, s.facility_code, s.to_state,
                       s.from_facility, s.from_state
                  FROM movement c JOIN movement s ON s.id = c.corrects
                 WHERE c.corrects IS NOT NULL AND s.occurred_at >= :since
                   AND (s.facility_code = ANY (:facilities) OR s.from_facility = ANY (:facilities))
            ), effect AS (
                SELECT facility_code AS facility, occurred_at, episode_id,
                       CASE WHEN to_state IN %1$s THEN sign ELSE 0 END AS held, sign,
                       CASE WHEN kind = 'CORRECTED' THEN corrected_kind ELSE kind END AS kind
                  FROM recorded WHERE facility_code = ANY (:facilities)
                 UNION ALL
                SELECT from_facility, occurred_at, episode_id, -sign, 0, NULL
                  FROM recorded WHERE from_facility = ANY (:facilities) AND from_state IN %1$s
            ), per_episode AS (
                SELECT e.episode_id, (e.occurred_at AT TIME ZONE z.time_zone)::date AS day, sum(e.held) AS held,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'ADMITTED'), 0) AS admissions,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'ARRIVED'), 0) AS transfers_in,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'TRANSFERRED_OUT'), 0) AS transfers_out,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'RELEASED'), 0) AS releases,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'REMOVED'), 0) AS removals,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'HANDED_OVER'), 0) AS handovers,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'DIED'), 0) AS deaths,
                       coalesce(sum(e.sign) FILTER (WHERE e.kind = 'ESCAPED'), 0) AS escapes
                  FROM effect e JOIN zone z ON z.facility_code = e.facility
                 GROUP BY 1, 2
            ), held_now AS (
                SELECT episode_id FROM whereabouts WHERE facility_code = ANY (:facilities) AND kind IN %1$s
            )
            """;

    // By category: each episode's category worked out once (category), however many movements it has in the range.
    private static final String BY_CATEGORY = CHANGES + """
            , category AS MATERIALIZED (
                SELECT x.episode_id, %2$s AS category
                  FROM (SELECT episode_id FROM per_episode WHERE day >= :from UNION SELECT episode_id FROM held_now) x
                       %3$s
            )
            SELECT p.day, c.category, sum(p.held) AS held, sum(p.admissions) AS admissions,
                   sum(p.transfers_in) AS transfers_in, sum(p.transfers_out) AS transfers_out,
                   sum(p.releases) AS releases, sum(p.removals) AS removals, sum(p.handovers) AS handovers,
                   sum(p.deaths) AS deaths, sum(p.escapes) AS escapes
              FROM per_episode p JOIN category c ON c.episode_id = p.episode_id
             WHERE p.day >= :from
             GROUP BY p.day, c.category
             UNION ALL
            SELECT NULL, c.category, count(*), 0, 0, 0, 0, 0, 0, 0, 0
              FROM held_now h JOIN category c ON c.episode_id = h.episode_id
             GROUP BY c.category
            """;

    // In total: no category to look up.
    private static final String TOTAL = CHANGES + """
            SELECT day, '%2$s' AS category, sum(held) AS held, sum(admissions) AS admissions,
                   sum(transfers_in) AS transfers_in, sum(transfers_out) AS transfers_out, sum(releases) AS releases,
                   sum(removals) AS removals, sum(handovers) AS handovers, sum(deaths) AS deaths,
                   sum(escapes) AS escapes
              FROM per_episode WHERE day >= :from GROUP BY day
             UNION ALL
            SELECT NULL, '%2$s', count(*), 0, 0, 0, 0, 0, 0, 0, 0 FROM held_now
            """;

    // A year of a facility's changes is tens of thousands of rows to sort and group: in memory, not on disk.
    private static final String REPORT_MEMORY = "SET LOCAL work_mem = '64MB'";

    // The category of an episode's person: fixed for the episode (legal status and sex at admission, age on the day
    // custody began) or as the person's record has it now (the principal nationality, V92 people_statistics).
    private static final String AGE_GROUP = """
            CASE WHEN a.age IS NULL THEN 'UNKNOWN' WHEN a.age < 18 THEN 'UNDER_18' WHEN a.age < 25 THEN '18_24'
                 WHEN a.age < 40 THEN '25_39' WHEN a.age < 60 THEN '40_59' ELSE '60_PLUS' END""";
    private static final String AGE = " CROSS JOIN LATERAL (SELECT coalesce(date_part('year',"
            + " age((ep.admitted_at AT TIME ZONE 'UTC')::date, p.birth_date))::integer, p.estimated_age) AS age) a";

    private static final String ARRIVED_AND_LEFT = """
            SELECT coalesce(sum(arrived), 0) AS arrived, coalesce(sum(left_), 0) AS left_
              FROM movement_day_count WHERE facility_code = ANY (:facilities) AND day BETWEEN :from AND :to
            """;

    private static final String ON_THE_ROLL_NOW = "SELECT count(*) FROM whereabouts"
            + " WHERE facility_code = ANY (:facilities) AND kind IN " + ON_ROLL;

    private final JdbcClient jdbc;

    PopulationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who is on the rolls now by category (rows without a day), and the changes of every local day from {@code from}
     * on (up to now) by category; {@code since} is at or before the start of {@code from} in every facility's zone.
     */
    public List<Change> changes(Collection<String> facilities, PopulationCategory by, Instant since, LocalDate from) {
        jdbc.sql(REPORT_MEMORY).update();
        return jdbc.sql(sql(by)).param("facilities", facilities.toArray(String[]::new)).param("since", utc(since))
                .param("from", from)
                .query((rs, n) -> new Change(rs.getObject("day", LocalDate.class), rs.getString("category"),
                        rs.getLong("held"), rs.getLong("admissions"), rs.getLong("transfers_in"),
                        rs.getLong("transfers_out"), rs.getLong("releases"), rs.getLong("removals"),
                        rs.getLong("handovers"), rs.getLong("deaths"), rs.getLong("escapes")))
                .list();
    }

    /** Arrivals and departures of the facilities over the local days {@code from} to {@code to} (V52's counter). */
    public long[] arrivedAndLeft(Collection<String> facilities, LocalDate from, LocalDate to) {
        return jdbc.sql(ARRIVED_AND_LEFT).param("facilities", facilities.toArray(String[]::new)).param("from", from)
                .param("to", to).query((rs, n) -> new long[] {rs.getLong("arrived"), rs.getLong("left_")}).single();
    }

    public long onTheRollNow(Collection<String> facilities) {
        return jdbc.sql(ON_THE_ROLL_NOW).param("facilities", facilities.toArray(String[]::new)).query(Long.class)
                .single();
    }

    private static String sql(PopulationCategory by) {
        String episode = " JOIN custody_episode ep ON ep.id = x.episode_id";
        String person = " LEFT JOIN people_statistics p ON p.person_id = ep.person_id";
        if (by == null) {
            return TOTAL.formatted(ON_ROLL, PopulationCategory.ALL);
        }
        return switch (by) {
            case LEGAL_STATUS -> BY_CATEGORY.formatted(ON_ROLL, "ep.legal_status", episode);
            case SEX -> BY_CATEGORY.formatted(ON_ROLL, "ep.sex", episode);
            case NATIONALITY -> BY_CATEGORY.formatted(ON_ROLL, "coalesce(p.nationality, 'UNKNOWN')", episode + person);
            case AGE_GROUP -> BY_CATEGORY.formatted(ON_ROLL, AGE_GROUP, episode + person + AGE);
        };
    }
}

package org.habeas.custody.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.habeas.custody.internal.CustodyRepository.utc;

/** The roll's SQL: now from the whereabouts projection, at any past instant from the ledger. */
@Repository
public class RollRepository {

    /** One group of people in the same state, place and destination, and how many they are. */
    public record StateCount(String state, UUID location, String facility, String destination, int people) {
    }

    // People in cells are not counted here: each cell's stored population already is that count, kept in the
    // same transaction as every movement (invariant 6, proven by the consistency check). The rest are few.
    private static final String NOW = """
            SELECT kind AS state, location_id, facility_code, destination, count(*) AS people
              FROM whereabouts
             WHERE (facility_code = :facility AND kind <> 'IN_CELL')
                OR (kind = 'IN_TRANSIT' AND destination = :facility)
             GROUP BY kind, location_id, facility_code, destination
            """;

    // Everyone who ever touched the facility up to the instant, then each one's latest movement at that instant:
    // the state it led to is where they were. The lateral probe walks movement_by_person backwards, one row each.
    private static final String AT = """
            SELECT s.to_state AS state, s.to_location AS location_id, s.facility_code, s.destination,
                   count(*) AS people
              FROM (SELECT DISTINCT person_id FROM movement
                     WHERE (facility_code = :facility OR destination = :facility) AND occurred_at <= :at) p
             CROSS JOIN LATERAL (
                   SELECT m.to_state, m.to_location, m.facility_code, m.destination
                     FROM movement m
                    WHERE m.person_id = p.person_id AND m.occurred_at <= :at
                    ORDER BY m.occurred_at DESC, m.seq DESC
                    LIMIT 1) s
             WHERE s.facility_code = :facility OR (s.to_state = 'IN_TRANSIT' AND s.destination = :facility)
             GROUP BY s.to_state, s.to_location, s.facility_code, s.destination
            """;

    private static final String ARRIVED_BETWEEN = """
            SELECT count(*) FROM movement
             WHERE facility_code = :facility AND kind IN ('ADMITTED', 'ARRIVED')
               AND occurred_at >= :from AND occurred_at <= :to
            """;

    private static final String LEFT_BETWEEN = """
            SELECT count(*) FROM movement
             WHERE facility_code = :facility
               AND kind IN ('TRANSFERRED_OUT', 'HANDED_OVER', 'RELEASED', 'REMOVED', 'DIED', 'ESCAPED')
               AND occurred_at >= :from AND occurred_at <= :to
            """;

    // Invariant 6: the projection must equal the ledger's latest movement of every person in custody.
    private static final String PROJECTION_DIFFERENCES = """
            WITH latest AS (
                SELECT DISTINCT ON (m.person_id) m.person_id, m.id, m.to_state, m.facility_code, m.to_location
                  FROM movement m
                  JOIN custody_episode e ON e.id = m.episode_id AND e.ended_at IS NULL
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

    private final JdbcClient jdbc;

    RollRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone the facility answers for now except the people in its cells, whom the cells count. */
    public List<StateCount> nowOutsideCells(String facility) {
        return jdbc.sql(NOW).param("facility", facility).query(RollRepository::stateCount).list();
    }

    public List<StateCount> at(String facility, Instant at) {
        return jdbc.sql(AT).param("facility", facility).param("at", utc(at)).query(RollRepository::stateCount).list();
    }

    public int arrivedBetween(String facility, Instant from, Instant to) {
        return count(ARRIVED_BETWEEN, facility, from, to);
    }

    public int leftBetween(String facility, Instant from, Instant to) {
        return count(LEFT_BETWEEN, facility, from, to);
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

    private int count(String sql, String facility, Instant from, Instant to) {
        return jdbc.sql(sql).param("facility", facility).param("from", utc(from)).param("to", utc(to))
                .query(Integer.class).single();
    }

    private static StateCount stateCount(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StateCount(rs.getString("state"), rs.getObject("location_id", UUID.class),
                rs.getString("facility_code"), rs.getString("destination"), rs.getInt("people"));
    }
}

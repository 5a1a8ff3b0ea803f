package org.habeas.custody.placement.internal;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.custody.HeldTogether;
import org.habeas.custody.placement.Allegation;
import org.habeas.custody.placement.NonAssociation;
import org.habeas.custody.StatusChange;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AssociationRepository {

    private static final String ALLEGATION_COLUMNS = """
            id, person_id, kind, grouping, source, evidence_reference, status, recorded_at, recorded_by
            """;

    private static final String INSERT_ALLEGATION = """
            INSERT INTO allegation (id, person_id, kind, grouping, source, evidence_reference, status, recorded_at,
                                    recorded_by)
            VALUES (:id, :person, :kind, :group, :source, :evidence, :status, :at, :by)
            """;

    private static final String LOCK_ALLEGATION = "SELECT " + ALLEGATION_COLUMNS
            + " FROM allegation WHERE id = :id FOR UPDATE";

    private static final String ALLEGATIONS_OF = "SELECT " + ALLEGATION_COLUMNS
            + " FROM allegation WHERE person_id = :person ORDER BY recorded_at";

    private static final String SET_ALLEGATION_STATUS = "UPDATE allegation SET status = :status WHERE id = :id";

    private static final String NON_ASSOCIATION_COLUMNS = """
            id, person_a, person_b, group_a, group_b, scope, reason, source, status, recorded_at, recorded_by
            """;

    private static final String INSERT_NON_ASSOCIATION = """
            INSERT INTO non_association (id, person_a, person_b, group_a, group_b, scope, reason, source, status,
                                         recorded_at, recorded_by)
            VALUES (:id, :personA, :personB, :groupA, :groupB, :scope, :reason, :source, 'OPEN', :at, :by)
            """;

    private static final String LOCK_NON_ASSOCIATION = "SELECT " + NON_ASSOCIATION_COLUMNS
            + " FROM non_association WHERE id = :id FOR UPDATE";

    private static final String NON_ASSOCIATIONS_OF = "SELECT " + NON_ASSOCIATION_COLUMNS + """
             FROM non_association
            WHERE person_a = :person OR person_b = :person
               OR group_a IN (SELECT grouping FROM allegation WHERE person_id = :person AND status <> 'WITHDRAWN')
               OR group_b IN (SELECT grouping FROM allegation WHERE person_id = :person AND status <> 'WITHDRAWN')
            ORDER BY recorded_at
            """;

    private static final String SET_NON_ASSOCIATION_STATUS = "UPDATE non_association SET status = :status WHERE id = :id";

    private static final String INSERT_HISTORY = """
            INSERT INTO placement_record_history (record_id, record_type, changed_at, changed_by, status_from,
                                                  status_to, reason)
            VALUES (:id, :type, :at, :by, :from, :to, :reason)
            """;

    private static final String HISTORY = """
            SELECT changed_at, changed_by, status_from, status_to, reason FROM placement_record_history
             WHERE record_id = :id ORDER BY changed_at
            """;

    // Every open non-association that concerns each mover, in one read for one mover or a batch alike, oldest first
    // so that the record a denial names does not depend on the batch. Personal ones come with where the other person
    // is held (their unit at the record's scope, placement_unit of V60), in two halves (one per side of the pair, so that each uses its partial
    // index); group ones through the mover's standing allegations (not WITHDRAWN), with which group of theirs is kept
    // from which rival group. "group_a IS NOT NULL" lets the open-groups index answer (group records are few beside
    // personal ones); without it the OR read every non-association.
    private static final String RECORDS_CONCERNING = """
            SELECT na.person_a AS mover, na.id, na.scope, na.reason, na.recorded_at, w.person_id AS other,
                   placement_unit(na.scope, w.facility_code, w.location_id, p.parent_id) AS unit,
                   NULL::text AS own, NULL::text AS rival
              FROM non_association na JOIN whereabouts w ON w.person_id = na.person_b
              LEFT JOIN estate_place p ON p.id = w.location_id
             WHERE na.status = 'OPEN' AND na.person_a = ANY (:people)
               AND w.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT')
            UNION ALL
            SELECT na.person_b, na.id, na.scope, na.reason, na.recorded_at, w.person_id,
                   placement_unit(na.scope, w.facility_code, w.location_id, p.parent_id), NULL, NULL
              FROM non_association na JOIN whereabouts w ON w.person_id = na.person_a
              LEFT JOIN estate_place p ON p.id = w.location_id
             WHERE na.status = 'OPEN' AND na.person_b = ANY (:people)
               AND w.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT')
            UNION ALL
            SELECT a.person_id, na.id, na.scope, na.reason, na.recorded_at, NULL, NULL, a.grouping,
                   CASE WHEN na.group_a = a.grouping THEN na.group_b ELSE na.group_a END
              FROM allegation a
              JOIN non_association na ON na.status = 'OPEN' AND na.group_a IS NOT NULL
                                     AND (na.group_a = a.grouping OR na.group_b = a.grouping)
             WHERE a.person_id = ANY (:people) AND a.status <> 'WITHDRAWN'
             ORDER BY mover, recorded_at, id, own
            """;

    // One advisory lock per open record concerning the mover (personal both ways, and the records of the groups
    // alleged of them) and the destination's unit at the record's scope, taken in key order (no deadlock).
    private static final String LOCK_RECORDS_AT_DESTINATION = """
            SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))
              FROM (SELECT k FROM (SELECT DISTINCT 'habeas.non_association:' || r.id || ':'
                                          || placement_unit(r.scope, CAST(:facility AS text), CAST(:cell AS uuid),
                                                            CAST(:parent AS uuid)) AS k
                                     FROM (SELECT na.id, na.scope FROM non_association na
                                            WHERE na.status = 'OPEN'
                                              AND (na.person_a = :person OR na.person_b = :person)
                                           UNION ALL
                                           SELECT na.id, na.scope
                                             FROM allegation a
                                             JOIN non_association na ON na.status = 'OPEN' AND na.group_a IS NOT NULL
                                                  AND (na.group_a = a.grouping OR na.group_b = a.grouping)
                                            WHERE a.person_id = :person AND a.status <> 'WITHDRAWN') r) keys
                     ORDER BY hashtextextended(k, 0)) ordered
            """;

    /**
     * Someone a mover must be kept apart from, and the unit they are held in at the record's scope (null when in none
     * at that scope, such as reception at MODULE scope).
     */
    public record Counterpart(UUID nonAssociation, NonAssociation.Scope scope, String reason, UUID other,
                              String unit) {
    }

    /** A group non-association as it concerns one mover: their group {@code own} is kept from {@code rival}. */
    public record GroupRecord(UUID id, NonAssociation.Scope scope, String reason, String own, String rival) {
    }

    /** The open records that concern some movers, by mover, each list oldest first. */
    public record Concerning(Map<UUID, List<Counterpart>> personal, Map<UUID, List<GroupRecord>> groups) {
    }

    private final JdbcClient jdbc;

    AssociationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the placements that an open record concerning {@code person} could bring into conflict: one lock
     * per record and the unit of the destination {@code cell} (in {@code parent}, of {@code facility}) at the record's
     * scope, held to the end of the transaction. Two rivals placed at once into two cells of one module under a MODULE
     * record take the same lock, so the second one's rules see the first one's placement; the cell locks alone do
     * not, since each officer locks only their own cells. Placements that no record ties together never wait.
     */
    public void lockRecordsAtDestination(UUID person, UUID cell, UUID parent, String facility) {
        jdbc.sql(LOCK_RECORDS_AT_DESTINATION).param("person", person).param("cell", cell).param("parent", parent)
                .param("facility", facility).query(Long.class).single();
    }

    // The open personal records of a person whose two people are held within the record's scope of each other now
    // (the same units, placement_unit of V60): recorded between cellmates, or left so by a placement made before the
    // record was.
    private static final String HELD_TOGETHER = """
            SELECT na.id
              FROM non_association na
              JOIN whereabouts wa ON wa.person_id = na.person_a
              JOIN whereabouts wb ON wb.person_id = na.person_b
              LEFT JOIN estate_place pa ON pa.id = wa.location_id
              LEFT JOIN estate_place pb ON pb.id = wb.location_id
             WHERE na.status = 'OPEN' AND (na.person_a = :person OR na.person_b = :person)
               AND wa.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT')
               AND wb.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT')
               AND placement_unit(na.scope, wa.facility_code, wa.location_id, pa.parent_id)
                   = placement_unit(na.scope, wb.facility_code, wb.location_id, pb.parent_id)
            """;

    // Every open non-association breached in the facility now: two people within its scope of each other, or members
    // of both its groups (allegations not withdrawn) in one unit of its scope. A unit is named by its path (its
    // facility's code at FACILITY scope). The unit is a facility's code at FACILITY scope, which is no uuid: the CASE
    // keeps the cast from ever seeing it (an AND does not promise its order).
    private static final String HELD_TOGETHER_IN = """
            SELECT na.id, na.scope, coalesce(u.path_key, wa.facility_code) AS unit, na.person_a, na.person_b,
                   NULL AS group_a, NULL AS group_b, 1 AS people_a, 1 AS people_b
              FROM non_association na
              JOIN whereabouts wa ON wa.person_id = na.person_a
              JOIN whereabouts wb ON wb.person_id = na.person_b
              LEFT JOIN estate_place pa ON pa.id = wa.location_id
              LEFT JOIN estate_place pb ON pb.id = wb.location_id
              LEFT JOIN estate_place u ON u.id = CASE WHEN na.scope <> 'FACILITY' THEN
                    CAST(placement_unit(na.scope, wa.facility_code, wa.location_id, pa.parent_id) AS uuid) END
             WHERE na.status = 'OPEN' AND na.person_a IS NOT NULL AND wa.facility_code = :facility
               AND wa.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT')
               AND wb.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT')
               AND placement_unit(na.scope, wa.facility_code, wa.location_id, pa.parent_id)
                   = placement_unit(na.scope, wb.facility_code, wb.location_id, pb.parent_id)
             UNION ALL
            SELECT g.id, g.scope, coalesce(u.path_key, :facility), NULL, NULL, g.group_a, g.group_b, g.people_a,
                   g.people_b
              FROM (SELECT na.id, na.scope, na.group_a, na.group_b,
                           placement_unit(na.scope, w.facility_code, w.location_id, p.parent_id) AS unit,
                           count(DISTINCT a.person_id) FILTER (WHERE a.grouping = na.group_a) AS people_a,
                           count(DISTINCT a.person_id) FILTER (WHERE a.grouping = na.group_b) AS people_b
                      FROM non_association na
                      JOIN allegation a ON a.grouping IN (na.group_a, na.group_b) AND a.status <> 'WITHDRAWN'
                      JOIN whereabouts w ON w.person_id = a.person_id
                      LEFT JOIN estate_place p ON p.id = w.location_id
                     WHERE na.status = 'OPEN' AND na.group_a IS NOT NULL AND w.facility_code = :facility
                       AND w.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT')
                     GROUP BY 1, 2, 3, 4, 5) g
              LEFT JOIN estate_place u ON u.id = CASE WHEN g.scope <> 'FACILITY' THEN CAST(g.unit AS uuid) END
             WHERE g.unit IS NOT NULL AND g.people_a > 0 AND g.people_b > 0
             ORDER BY 3, 1
            """;

    public List<HeldTogether> heldTogetherIn(String facility) {
        return jdbc.sql(HELD_TOGETHER_IN).param("facility", facility)
                .query((rs, n) -> new HeldTogether(rs.getObject("id", UUID.class), rs.getString("scope"),
                        rs.getString("unit"), rs.getObject("person_a", UUID.class), rs.getObject("person_b", UUID.class),
                        rs.getString("group_a"), rs.getString("group_b"), rs.getLong("people_a"),
                        rs.getLong("people_b")))
                .list();
    }

    public Set<UUID> heldTogether(UUID person) {
        return new HashSet<>(jdbc.sql(HELD_TOGETHER).param("person", person).query(UUID.class).list());
    }

    public void insertAllegation(Allegation a) {
        jdbc.sql(INSERT_ALLEGATION).param("id", a.id()).param("person", a.person()).param("kind", a.kind().name())
                .param("group", a.group()).param("source", a.source()).param("evidence", a.evidenceReference())
                .param("status", a.status().name()).param("at", utc(a.recordedAt())).param("by", a.recordedBy())
                .update();
    }

    public Optional<Allegation> lockAllegation(UUID id) {
        return jdbc.sql(LOCK_ALLEGATION).param("id", id).query(AssociationRepository::allegation).optional();
    }

    public List<Allegation> allegations(UUID person) {
        return jdbc.sql(ALLEGATIONS_OF).param("person", person).query(AssociationRepository::allegation).list();
    }

    public void setAllegationStatus(UUID id, Allegation.Status status) {
        jdbc.sql(SET_ALLEGATION_STATUS).param("id", id).param("status", status.name()).update();
    }

    public void insertNonAssociation(NonAssociation n) {
        jdbc.sql(INSERT_NON_ASSOCIATION).param("id", n.id()).param("personA", n.personA())
                .param("personB", n.personB()).param("groupA", n.groupA()).param("groupB", n.groupB())
                .param("scope", n.scope().name()).param("reason", n.reason()).param("source", n.source())
                .param("at", utc(n.recordedAt())).param("by", n.recordedBy()).update();
    }

    public Optional<NonAssociation> lockNonAssociation(UUID id) {
        return jdbc.sql(LOCK_NON_ASSOCIATION).param("id", id).query(AssociationRepository::nonAssociation).optional();
    }

    public List<NonAssociation> nonAssociations(UUID person) {
        return jdbc.sql(NON_ASSOCIATIONS_OF).param("person", person).query(AssociationRepository::nonAssociation)
                .list();
    }

    public void setNonAssociationStatus(UUID id, NonAssociation.Status status) {
        jdbc.sql(SET_NON_ASSOCIATION_STATUS).param("id", id).param("status", status.name()).update();
    }

    public void insertHistory(UUID id, String type, Instant at, String by, String from, String to, String reason) {
        jdbc.sql(INSERT_HISTORY).param("id", id).param("type", type).param("at", utc(at)).param("by", by)
                .param("from", from).param("to", to).param("reason", reason).update();
    }

    public List<StatusChange> history(UUID id) {
        return jdbc.sql(HISTORY).param("id", id).query((rs, n) -> new StatusChange(instant(rs, "changed_at"),
                rs.getString("changed_by"), rs.getString("status_from"), rs.getString("status_to"),
                rs.getString("reason"))).list();
    }

    /** The open personal and group non-associations that concern each of {@code people}, in one read. */
    public Concerning recordsConcerning(Collection<UUID> people) {
        Map<UUID, List<Counterpart>> personal = new HashMap<>();
        Map<UUID, List<GroupRecord>> groups = new HashMap<>();
        jdbc.sql(RECORDS_CONCERNING).param("people", people.stream().distinct().toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> {
                    UUID mover = rs.getObject("mover", UUID.class);
                    UUID id = rs.getObject("id", UUID.class);
                    var scope = NonAssociation.Scope.valueOf(rs.getString("scope"));
                    String own = rs.getString("own");
                    if (own == null) {
                        personal.computeIfAbsent(mover, m -> new ArrayList<>()).add(new Counterpart(id, scope,
                                rs.getString("reason"), rs.getObject("other", UUID.class), rs.getString("unit")));
                    } else {
                        groups.computeIfAbsent(mover, m -> new ArrayList<>()).add(new GroupRecord(id, scope,
                                rs.getString("reason"), own, rs.getString("rival")));
                    }
                });
        return new Concerning(personal, groups);
    }

    private static Allegation allegation(ResultSet rs, int n) throws SQLException {
        return new Allegation(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                Allegation.Kind.valueOf(rs.getString("kind")), rs.getString("grouping"), rs.getString("source"),
                rs.getString("evidence_reference"), Allegation.Status.valueOf(rs.getString("status")),
                instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }

    private static NonAssociation nonAssociation(ResultSet rs, int n) throws SQLException {
        return new NonAssociation(rs.getObject("id", UUID.class), rs.getObject("person_a", UUID.class),
                rs.getObject("person_b", UUID.class), rs.getString("group_a"), rs.getString("group_b"),
                NonAssociation.Scope.valueOf(rs.getString("scope")), rs.getString("reason"), rs.getString("source"),
                NonAssociation.Status.valueOf(rs.getString("status")), instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }
}

package org.habeas.custody.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.custody.LegalStatus;
import org.habeas.custody.internal.CustodyRepository.Category;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the placement rules read about the people who move and the cells they would go into, for one movement or a
 * batch alike (every read takes a set): the movers' whereabouts and category, and the per-cell counts of V55
 * ({@code cell_category_count}, {@code cell_group_count}) that the database keeps in step with every change.
 */
@Repository
public class CellCountRepository {

    private static final String MOVERS = """
            SELECT w.person_id, w.facility_code, w.destination, w.location_id, e.sex, e.juvenile, e.legal_status
              FROM whereabouts w JOIN custody_episode e ON e.id = w.episode_id
             WHERE w.person_id = ANY (:people)
            """;

    // Ordered, so that the first conflict the rule names is the same however many movements one read answers.
    private static final String CATEGORY_COUNTS = """
            SELECT location_id, sex, juvenile, legal_status, people FROM cell_category_count
             WHERE location_id = ANY (:cells) AND people > 0
             ORDER BY location_id, sex, juvenile, legal_status
            """;

    // Where a mover is counted in the group counts: their cell and their standing groups (a row without a group when
    // they have none).
    private static final String COUNTED_AS = """
            SELECT w.person_id, w.location_id, a.grouping
              FROM whereabouts w LEFT JOIN allegation a ON a.person_id = w.person_id AND a.status <> 'WITHDRAWN'
             WHERE w.person_id = ANY (:people) AND w.location_id IS NOT NULL
            """;

    // The counts of the cells and groups asked about, through the primary key. Asked as every cell with every group
    // (the rules look up only the pairs they need): a join on the exact (cell, group) pairs was planned as a scan of
    // the whole table, 4 ms for one movement's module at 80,000 people (bench/vetting).
    private static final String GROUP_COUNTS = """
            SELECT location_id, grouping, people FROM cell_group_count
             WHERE location_id = ANY (:cells) AND grouping = ANY (:groups) AND people > 0
            """;

    // A member of the group anywhere in the facility, the mover aside: in a cell, in reception or out for a while.
    // EXISTS stops at the first one, so a large group costs no more than a small one.
    private static final String HELD_IN_FACILITY = """
            SELECT p.mover, p.facility, p.grp
              FROM unnest(CAST(:movers AS uuid[]), CAST(:facilities AS text[]), CAST(:groups AS text[]))
                   p (mover, facility, grp)
             WHERE EXISTS (SELECT 1 FROM allegation r JOIN whereabouts w ON w.person_id = r.person_id
                            WHERE r.grouping = p.grp AND r.status <> 'WITHDRAWN' AND w.person_id <> p.mover
                              AND w.facility_code = p.facility AND w.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT'))
            """;

    private static final String RECOUNT_CATEGORIES = """
            WITH counted AS (
                SELECT w.location_id, e.sex, e.juvenile, e.legal_status, count(*)::int AS people
                  FROM whereabouts w JOIN custody_episode e ON e.id = w.episode_id
                 WHERE w.location_id IS NOT NULL
                 GROUP BY 1, 2, 3, 4)
            SELECT coalesce(c.location_id, s.location_id) AS location_id,
                   coalesce(c.sex, s.sex) || '/' || CASE WHEN coalesce(c.juvenile, s.juvenile) THEN 'minor' ELSE 'adult' END
                       || '/' || coalesce(c.legal_status, s.legal_status) AS what,
                   coalesce(s.people, 0) AS stored, coalesce(c.people, 0) AS counted
              FROM counted c
              FULL JOIN (SELECT * FROM cell_category_count WHERE people <> 0) s
                     ON (s.location_id, s.sex, s.juvenile, s.legal_status) = (c.location_id, c.sex, c.juvenile, c.legal_status)
             WHERE coalesce(s.people, 0) <> coalesce(c.people, 0)
             ORDER BY 1, 2
            """;

    private static final String RECOUNT_GROUPS = """
            WITH counted AS (
                SELECT w.location_id, a.grouping, count(DISTINCT w.person_id)::int AS people
                  FROM whereabouts w JOIN allegation a ON a.person_id = w.person_id AND a.status <> 'WITHDRAWN'
                 WHERE w.location_id IS NOT NULL
                 GROUP BY 1, 2)
            SELECT coalesce(c.location_id, s.location_id) AS location_id, coalesce(c.grouping, s.grouping) AS what,
                   coalesce(s.people, 0) AS stored, coalesce(c.people, 0) AS counted
              FROM counted c
              FULL JOIN (SELECT * FROM cell_group_count WHERE people <> 0) s
                     ON (s.location_id, s.grouping) = (c.location_id, c.grouping)
             WHERE coalesce(s.people, 0) <> coalesce(c.people, 0)
             ORDER BY 1, 2
            """;

    /** A person who would move: where they are held now (the cell, when in one) and their separation category. */
    public record Mover(UUID person, String facility, String destination, UUID cell, Category category) {
    }

    /** How many people of one category a cell holds. */
    public record CategoryCount(Category category, int people) {
    }

    /** A summary row that differs from its recount: {@code what} is the category or the alleged group. */
    public record CountDifference(UUID cell, String kind, String what, int stored, int counted) {
    }

    private final JdbcClient jdbc;

    CellCountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The movers that are in custody, by person. */
    public Map<UUID, Mover> movers(Collection<UUID> people) {
        Map<UUID, Mover> movers = new HashMap<>();
        jdbc.sql(MOVERS).param("people", ids(people)).query((RowCallbackHandler) rs -> {
            UUID person = rs.getObject("person_id", UUID.class);
            movers.put(person, new Mover(person, rs.getString("facility_code"), rs.getString("destination"),
                    rs.getObject("location_id", UUID.class), new Category(rs.getString("sex"),
                    rs.getBoolean("juvenile"), LegalStatus.valueOf(rs.getString("legal_status")))));
        });
        return movers;
    }

    /** The categories each cell holds, with how many of each, in a fixed order; a cell holding nobody is left out. */
    public Map<UUID, List<CategoryCount>> categoriesIn(Collection<UUID> cells) {
        Map<UUID, List<CategoryCount>> counts = new HashMap<>();
        jdbc.sql(CATEGORY_COUNTS).param("cells", ids(cells)).query((RowCallbackHandler) rs -> counts
                .computeIfAbsent(rs.getObject("location_id", UUID.class), c -> new ArrayList<>())
                .add(new CategoryCount(new Category(rs.getString("sex"), rs.getBoolean("juvenile"),
                        LegalStatus.valueOf(rs.getString("legal_status"))), rs.getInt("people"))));
        return counts;
    }

    /** Where a mover in a cell is counted in {@code cell_group_count}: the cell and every group counted there. */
    public record CountedAs(UUID cell, Set<String> groups) {
    }

    /** How each of these people in a cell is counted in the group counts; people not in a cell are left out. */
    public Map<UUID, CountedAs> countedAs(Collection<UUID> people) {
        Map<UUID, CountedAs> counted = new HashMap<>();
        jdbc.sql(COUNTED_AS).param("people", ids(people)).query((RowCallbackHandler) rs -> {
            UUID cell = rs.getObject("location_id", UUID.class);
            var as = counted.computeIfAbsent(rs.getObject("person_id", UUID.class),
                    p -> new CountedAs(cell, new LinkedHashSet<>()));
            String group = rs.getString("grouping");
            if (group != null) {
                as.groups().add(group);
            }
        });
        return counted;
    }

    /**
     * How many people alleged to belong to the group each (cell, group) pair holds: at least the pairs asked about
     * (a pair holding none is left out), perhaps more.
     */
    public Map<CellGroup, Integer> groupCounts(Collection<CellGroup> pairs) {
        Map<CellGroup, Integer> counts = new HashMap<>();
        if (pairs.isEmpty()) {
            return counts;
        }
        jdbc.sql(GROUP_COUNTS).param("cells", pairs.stream().map(CellGroup::cell).distinct().toArray(UUID[]::new))
                .param("groups", pairs.stream().map(CellGroup::group).distinct().toArray(String[]::new))
                .query((RowCallbackHandler) rs -> counts.put(new CellGroup(rs.getObject("location_id", UUID.class),
                        rs.getString("grouping")), rs.getInt("people")));
        return counts;
    }

    /** A cell and an alleged group. */
    public record CellGroup(UUID cell, String group) {
    }

    /** A mover, a facility and a group: is anyone else alleged to belong to it held there? */
    public record FacilityGroup(UUID mover, String facility, String group) {
    }

    /** Which of these questions are answered yes. */
    public Set<FacilityGroup> heldInFacility(Collection<FacilityGroup> asked) {
        Set<FacilityGroup> held = new HashSet<>();
        if (asked.isEmpty()) {
            return held;
        }
        List<FacilityGroup> distinct = List.copyOf(new LinkedHashSet<>(asked));
        jdbc.sql(HELD_IN_FACILITY).param("movers", distinct.stream().map(FacilityGroup::mover).toArray(UUID[]::new))
                .param("facilities", distinct.stream().map(FacilityGroup::facility).toArray(String[]::new))
                .param("groups", distinct.stream().map(FacilityGroup::group).toArray(String[]::new))
                .query((RowCallbackHandler) rs -> held.add(new FacilityGroup(rs.getObject("mover", UUID.class),
                        rs.getString("facility"), rs.getString("grp"))));
        return held;
    }

    /** Every summary row that differs from a recount from whereabouts, episodes and allegations (consistency check). */
    public List<CountDifference> differences() {
        List<CountDifference> differences = new ArrayList<>();
        for (var recount : List.of(Map.entry("category", RECOUNT_CATEGORIES), Map.entry("alleged group", RECOUNT_GROUPS))) {
            differences.addAll(jdbc.sql(recount.getValue()).query((rs, n) -> new CountDifference(
                    rs.getObject("location_id", UUID.class), recount.getKey(), rs.getString("what"),
                    rs.getInt("stored"), rs.getInt("counted"))).list());
        }
        return differences;
    }

    private static UUID[] ids(Collection<UUID> ids) {
        return ids.stream().distinct().toArray(UUID[]::new);
    }
}

package org.habeas.custody.placement.internal;

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
import org.habeas.custody.placement.Mover;
import org.habeas.custody.placement.NonAssociation;
import org.habeas.custody.placement.SeparationCategory;
import org.habeas.vetting.Evaluation;
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

    // With the groups the mover is counted under in cell_group_count when in a cell (standing allegations), so that
    // NON_ASSOCIATION can take the mover out of their own cell's counts without another read.
    private static final String MOVERS = """
            SELECT w.person_id, w.facility_code, w.destination, w.location_id, e.sex, e.juvenile, e.legal_status,
                   ARRAY(SELECT DISTINCT a.grouping FROM allegation a
                          WHERE a.person_id = w.person_id AND a.status <> 'WITHDRAWN') AS groups
              FROM whereabouts w JOIN custody_episode e ON e.id = w.episode_id
             WHERE w.person_id = ANY (:people)
            """;

    // Ordered, so that the first conflict the rule names is the same however many movements one read answers.
    private static final String CATEGORY_COUNTS = """
            SELECT location_id, sex, juvenile, legal_status, people FROM cell_category_count
             WHERE location_id = ANY (:cells) AND people > 0
             ORDER BY location_id, sex, juvenile, legal_status
            """;

    // The counts of the cells inside the units asked about (V60), for the groups asked about, each with its unit at
    // MODULE scope, through the primary key: the cells are listed first (an InitPlan), because a plain join, like a
    // join on the exact (cell, group) pairs, was planned as a scan of the whole table, 2.6-4.4 ms for one movement's
    // module at 80,000 people instead of 0.35 ms (bench/vetting). Asked as every cell with every group; the rules
    // look up only the pairs they need.
    private static final String GROUP_COUNTS = """
            SELECT c.location_id, placement_unit('MODULE', p.facility_code, p.id, p.parent_id) AS module, c.grouping,
                   c.people
              FROM cell_group_count c JOIN estate_place p ON p.id = c.location_id
             WHERE c.location_id = ANY (ARRAY(SELECT cell FROM placement_cells_in_units(:cells, :modules) cell))
               AND c.grouping = ANY (:groups) AND c.people > 0
            """;

    private static final String UNITS = """
            SELECT id, placement_unit('FACILITY', facility_code, id, parent_id) AS facility,
                   placement_unit('MODULE', facility_code, id, parent_id) AS module,
                   placement_unit('CELL', facility_code, id, parent_id) AS cell
              FROM estate_place WHERE id = ANY (:cells)
            """;

    // A member of the group anywhere in the facility, the mover aside: in a cell, in reception or out for a while.
    // EXISTS stops at the first one, so a large group costs no more than a small one.
    private static final String HELD_IN_FACILITY = """
            SELECT p.mover, p.facility, p.grp
              FROM unnest(CAST(:movers AS uuid[]), CAST(:facilities AS text[]), CAST(:groups AS text[]))
                   p (mover, facility, grp)
             WHERE EXISTS (SELECT 1 FROM allegation r JOIN whereabouts w ON w.person_id = r.person_id
                            WHERE r.grouping = p.grp AND r.status <> 'WITHDRAWN' AND w.person_id <> p.mover
                              AND placement_unit('FACILITY', w.facility_code, NULL, NULL) = p.facility
                              AND w.kind IN ('IN_CELL', 'RECEPTION', 'TEMPORARILY_OUT'))
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

    /** How many people of one category a cell holds. */
    public record CategoryCount(SeparationCategory category, int people) {
    }

    /** A summary row that differs from its recount: {@code what} is the category or the alleged group. */
    public record CountDifference(UUID cell, String kind, String what, int stored, int counted) {
    }

    private static final Evaluation.Shared<UUID, Mover> MOVERS_SHARED = new Evaluation.Shared<>("custody.mover");

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
                    rs.getObject("location_id", UUID.class), new SeparationCategory(rs.getString("sex"),
                    rs.getBoolean("juvenile"), LegalStatus.valueOf(rs.getString("legal_status"))),
                    Set.of((String[]) rs.getArray("groups").getArray())));
        });
        return movers;
    }

    /**
     * {@link #movers(Collection)} within a vetting evaluation: each mover is read once, for the scope check and both
     * placement rules.
     */
    public Map<UUID, Mover> movers(Collection<UUID> people, Evaluation evaluation) {
        return evaluation.readAll(MOVERS_SHARED, people, this::movers);
    }

    /** People of one category in one cell of a facility, with the cell's path. */
    public record CellCategory(UUID cell, String path, CategoryCount count) {
    }

    /** Every occupied cell of {@code facility} with its people per category, in path order. */
    public List<CellCategory> categoriesOfFacility(String facility) {
        return jdbc.sql("""
                SELECT c.location_id, l.path_key, c.sex, c.juvenile, c.legal_status, c.people
                  FROM cell_category_count c JOIN estate_place l ON l.id = c.location_id
                 WHERE l.facility_code = :facility AND c.people > 0
                 ORDER BY l.path_key COLLATE "C", c.sex, c.juvenile, c.legal_status
                """).param("facility", facility).query((rs, n) -> new CellCategory(
                rs.getObject("location_id", UUID.class), rs.getString("path_key"), new CategoryCount(new SeparationCategory(
                rs.getString("sex"), rs.getBoolean("juvenile"), LegalStatus.valueOf(rs.getString("legal_status"))),
                rs.getInt("people")))).list();
    }

    /** The categories each cell holds, with how many of each, in a fixed order; a cell holding nobody is left out. */
    public Map<UUID, List<CategoryCount>> categoriesIn(Collection<UUID> cells) {
        Map<UUID, List<CategoryCount>> counts = new HashMap<>();
        jdbc.sql(CATEGORY_COUNTS).param("cells", ids(cells)).query((RowCallbackHandler) rs -> counts
                .computeIfAbsent(rs.getObject("location_id", UUID.class), c -> new ArrayList<>())
                .add(new CategoryCount(new SeparationCategory(rs.getString("sex"), rs.getBoolean("juvenile"),
                        LegalStatus.valueOf(rs.getString("legal_status"))), rs.getInt("people"))));
        return counts;
    }

    /** How many people alleged to belong to {@code group} the cell holds; {@code module}: the cell's MODULE unit. */
    public record GroupCount(UUID cell, String module, String group, int people) {

        /** The cell's unit at a CELL or MODULE scope. */
        String unitAt(NonAssociation.Scope scope) {
            return scope == NonAssociation.Scope.MODULE ? module : cell.toString();
        }
    }

    /**
     * The group counts of the cells inside the units {@code cells} (CELL scope) and {@code modules} (MODULE scope),
     * for {@code groups}; a cell holding none of a group is left out. One read for a whole batch.
     */
    public List<GroupCount> groupCounts(Collection<UUID> cells, Collection<UUID> modules, Collection<String> groups) {
        return jdbc.sql(GROUP_COUNTS).param("cells", ids(cells)).param("modules", ids(modules))
                .param("groups", groups.stream().distinct().toArray(String[]::new))
                .query((rs, n) -> new GroupCount(rs.getObject("location_id", UUID.class), rs.getString("module"),
                        rs.getString("grouping"), rs.getInt("people"))).list();
    }

    /** The units a cell is in at each scope, as placement_unit (V60) defines them. */
    public record Units(String facility, String module, String cell) {

        public String at(NonAssociation.Scope scope) {
            return switch (scope) {
                case FACILITY -> facility;
                case MODULE -> module;
                case CELL -> cell;
            };
        }
    }

    /** The units of each of {@code cells}; a place that does not exist is left out. */
    public Map<UUID, Units> units(Collection<UUID> cells) {
        Map<UUID, Units> units = new HashMap<>();
        jdbc.sql(UNITS).param("cells", ids(cells)).query((RowCallbackHandler) rs -> units.put(
                rs.getObject("id", UUID.class), new Units(rs.getString("facility"), rs.getString("module"),
                        rs.getString("cell"))));
        return units;
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

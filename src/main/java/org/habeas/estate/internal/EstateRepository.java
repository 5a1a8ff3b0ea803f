package org.habeas.estate.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.estate.AreaCapacity;
import org.habeas.estate.Capacity;
import org.habeas.estate.CapacityLimit;
import org.habeas.estate.CapacityOverride;
import org.habeas.estate.CellAboveCapacity;
import org.habeas.estate.CellAttributes;
import org.habeas.estate.Expansion;
import org.habeas.estate.ExpansionId;
import org.habeas.estate.ExpansionStatus;
import org.habeas.estate.Facility;
import org.habeas.estate.FacilityContact;
import org.habeas.estate.PlannedCapacity;
import org.habeas.estate.FacilityFigures;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.FacilityType;
import org.habeas.estate.Figures;
import org.habeas.estate.InactiveReason;
import org.habeas.estate.LevelFigures;
import org.habeas.estate.Location;
import org.habeas.estate.LocationHistory;
import org.habeas.estate.LocationId;
import org.habeas.estate.LocationKind;
import org.habeas.estate.LocationStatus;
import org.habeas.estate.NewFacility;
import org.habeas.estate.SeparationPolicy;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The estate's SQL: facilities, the location tree, capacity, occupancy counts, history, overrides, expansions. */
@Repository
public class EstateRepository {

    private static final String FACILITY_COLUMNS = """
            f.code, f.name, f.country, f.region, f.municipality, f.latitude, f.longitude, f.time_zone, f.type,
            f.responsible_authority, f.inspection_authority, f.opened_on, f.status, f.created_at
            """;

    private static final String LOCATION_COLUMNS = """
            l.id, l.facility_code, l.parent_id, l.path_key, l.name, l.kind, l.status, l.inactive_reason,
            l.expansion_id, l.certified_normal, l.operational_capacity, l.maximum_capacity, l.population,
            l.floor_area_m2, l.sanitary_annex_partitioned, l.ceiling_height_m, l.min_wall_distance_m,
            l.natural_light, l.ventilation, l.icrc_places, l.cpt_places, l.for_sex, l.for_age, l.for_detention,
            l.version, l.created_at
            """;

    // The figures of a set of places (REQ-26..28). Declared and area-based capacity come from cells only
    // (REQ-27: CNA leaves out places set apart for special purposes); the population counts every place.
    private static final String FIGURES = """
            count(*) FILTER (WHERE l.kind = 'CELL')                                            AS fig_cells,
            coalesce(sum(l.certified_normal) FILTER (WHERE l.kind = 'CELL'), 0)                AS fig_certified_normal,
            coalesce(sum(l.operational_capacity) FILTER (WHERE l.kind = 'CELL'), 0)            AS fig_operational,
            coalesce(sum(l.maximum_capacity) FILTER (WHERE l.kind = 'CELL'), 0)                AS fig_maximum,
            coalesce(sum(l.population), 0)                                                     AS fig_population,
            coalesce(sum(greatest(l.population - l.certified_normal, 0))
                     FILTER (WHERE l.kind = 'CELL'), 0)                                        AS fig_above_cna,
            coalesce(sum(l.population)
                     FILTER (WHERE l.kind = 'CELL' AND l.population > l.certified_normal), 0)  AS fig_in_crowded,
            coalesce(sum(l.floor_area_m2) FILTER (WHERE l.kind = 'CELL'), 0)                   AS fig_floor_area,
            coalesce(sum(l.icrc_places) FILTER (WHERE l.kind = 'CELL'), 0)                     AS fig_icrc,
            coalesce(sum(l.cpt_places) FILTER (WHERE l.kind = 'CELL'), 0)                      AS fig_cpt,
            count(*) FILTER (WHERE l.kind = 'CELL' AND l.floor_area_m2 IS NULL)                AS fig_no_area,
            count(*) FILTER (WHERE l.kind = 'CELL' AND l.maximum_capacity > l.icrc_places)     AS fig_over_icrc,
            count(*) FILTER (WHERE l.kind = 'CELL' AND l.maximum_capacity > l.cpt_places)      AS fig_over_cpt,
            coalesce(sum(l.floor_area_m2) FILTER (WHERE l.population > 0), 0)                  AS fig_occupied_area,
            coalesce(sum(l.population) FILTER (WHERE l.floor_area_m2 IS NOT NULL), 0)          AS fig_measured_population
            """;

    // Padded: text blocks drop the trailing space before a concatenation.
    private static final String COUNTED = " l.status = 'ACTIVE' AND l.maximum_capacity IS NOT NULL ";

    private static final String INSERT_FACILITY = """
            INSERT INTO facility (code, name, country, region, municipality, latitude, longitude, time_zone, type,
                                  responsible_authority, inspection_authority, opened_on, status, created_at)
            VALUES (:code, :name, :country, :region, :municipality, :latitude, :longitude, :timeZone, :type,
                    :responsible, :inspection, :openedOn, :status, :now)
            ON CONFLICT (code) DO NOTHING
            """;

    private static final String FIND_FACILITY = "SELECT " + FACILITY_COLUMNS + " FROM facility f WHERE f.code = :code";

    private static final String FIND_CONTACT = """
            SELECT facility_code, address, telephone, email, visiting_hours, updated_at, updated_by
              FROM facility_contact WHERE facility_code = :code""";

    // Cells in use holding more than their operational capacity or their ICRC area-based places (REQ-26, REQ-28).
    private static final String CELLS_ABOVE_CAPACITY = """
            SELECT l.id, l.facility_code, l.path_key, l.population, l.operational_capacity, l.icrc_places, l.cpt_places
              FROM location l
             WHERE (CAST(:everyFacility AS boolean) OR l.facility_code = ANY (CAST(:codes AS text[])))
               AND l.kind = 'CELL' AND l.status = 'ACTIVE'
               AND (l.population > l.operational_capacity OR l.population > l.icrc_places)
             ORDER BY l.facility_code, l.path_key COLLATE "C"
             LIMIT :limit""";

    private static final String FIND_PLANNED_CAPACITY = """
            SELECT facility_code, places, floor_area_m2, updated_at, updated_by
              FROM facility_planned_capacity
             WHERE CAST(:everyFacility AS boolean) OR facility_code = ANY (CAST(:codes AS text[]))""";

    private static final String UPSERT_PLANNED_CAPACITY = """
            INSERT INTO facility_planned_capacity (facility_code, places, floor_area_m2, updated_at, updated_by)
            VALUES (:code, :places, :area, :now, :by)
            ON CONFLICT (facility_code) DO UPDATE SET places = EXCLUDED.places, floor_area_m2 = EXCLUDED.floor_area_m2,
                updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""";

    private static final String UPSERT_CONTACT = """
            INSERT INTO facility_contact (facility_code, address, telephone, email, visiting_hours, updated_at,
                                          updated_by)
            VALUES (:code, :address, :telephone, :email, :visitingHours, :now, :by)
            ON CONFLICT (facility_code) DO UPDATE SET address = EXCLUDED.address, telephone = EXCLUDED.telephone,
                email = EXCLUDED.email, visiting_hours = EXCLUDED.visiting_hours, updated_at = EXCLUDED.updated_at,
                updated_by = EXCLUDED.updated_by""";

    private static final String LOCK_FACILITY = "SELECT code FROM facility WHERE code = :code FOR UPDATE";

    // One statement for the estate overview: the per-facility sums are one pass over the counted places.
    private static final String FACILITIES_WITH_FIGURES = "SELECT " + FACILITY_COLUMNS + """
            , r.*
              FROM facility f
              LEFT JOIN (SELECT l.facility_code AS rolled_facility, """ + FIGURES + """
                           FROM location l
                          WHERE """ + COUNTED + """
                            AND (CAST(:everyFacility AS boolean) OR l.facility_code = ANY (CAST(:codes AS text[])))
                          GROUP BY l.facility_code) r ON r.rolled_facility = f.code
             WHERE CAST(:everyFacility AS boolean) OR f.code = ANY (CAST(:codes AS text[]))
             ORDER BY f.code
            """;

    private static final String FACILITY_TOTAL = "SELECT " + FIGURES
            + " FROM location l WHERE l.facility_code = :code AND " + COUNTED;

    // Every location with the figures of its subtree: each counted place is unnested into itself and its
    // ancestors (the materialised path), so the roll-up is one grouping pass, no recursion.
    private static final String LEVELS = """
            WITH rolled AS (
                SELECT level.id AS level_id, """ + FIGURES + """
                  FROM location l CROSS JOIN LATERAL unnest(l.ancestors || l.id) AS level (id)
                 WHERE l.facility_code = :code AND """ + COUNTED + """
                 GROUP BY level.id)
            SELECT\s""" + LOCATION_COLUMNS + """
                 , r.*
              FROM location l LEFT JOIN rolled r ON r.level_id = l.id
             WHERE l.facility_code = :code
             ORDER BY l.path_key COLLATE "C"
            """;

    // Capacity as of a date: places in use (unless their project opened later) plus the planned places of
    // projects due by then. Population stays what it is now.
    private static final String FIGURES_AS_OF = "SELECT " + FIGURES + """
              FROM location l LEFT JOIN expansion e ON e.id = l.expansion_id
             WHERE l.facility_code = :code AND l.maximum_capacity IS NOT NULL
               AND ((l.status = 'ACTIVE' AND (e.id IS NULL OR e.opened_on <= :date))
                 OR (l.status = 'PLANNED' AND e.planned_on <= :date))
            """;

    private static final String FIND_LOCATION = "SELECT " + LOCATION_COLUMNS + " FROM location l WHERE l.id = :id";

    private static final String CHILDREN = "SELECT " + LOCATION_COLUMNS
            + " FROM location l WHERE l.parent_id = :parent ORDER BY l.path_key";

    private static final String LOCK_LOCATION = FIND_LOCATION + " FOR UPDATE";

    // The bulk read of the vetting engine's evaluations (many movements, one statement).
    private static final String FIND_LOCATIONS = "SELECT " + LOCATION_COLUMNS + " FROM location l WHERE l.id = ANY (:ids)";

    private static final String LOCATIONS_OF_FACILITY = "SELECT " + LOCATION_COLUMNS
            + " FROM location l WHERE l.facility_code = :code ORDER BY l.path_key COLLATE \"C\"";

    private static final String LOCK_SUBTREE = "SELECT " + LOCATION_COLUMNS + """
              FROM location l
             WHERE l.facility_code = :facility AND (l.id = :id OR :id = ANY (l.ancestors))
             ORDER BY l.id
               FOR UPDATE
            """;

    // One statement per import: the arrays are the columns, so 80,000 places are one round trip.
    private static final String INSERT_LOCATIONS = """
            INSERT INTO location (id, facility_code, parent_id, ancestors, path_key, name, kind, status,
                                  expansion_id, certified_normal, operational_capacity, maximum_capacity,
                                  floor_area_m2, sanitary_annex_partitioned, ceiling_height_m, min_wall_distance_m,
                                  natural_light, ventilation, for_sex, for_age, for_detention, created_at)
            SELECT t.id, :facility, t.parent_id, CAST(t.ancestors AS uuid[]), t.path_key, t.name, t.kind, :status,
                   CAST(:expansion AS uuid), t.cna, t.operational, t.maximum, t.floor_area, t.sanitary, t.ceiling,
                   t.wall, t.light, t.ventilation, t.for_sex, t.for_age, t.for_detention, :now
              FROM unnest(CAST(:ids AS uuid[]), CAST(:parents AS uuid[]), CAST(:ancestors AS text[]),
                          CAST(:paths AS text[]), CAST(:names AS text[]), CAST(:kinds AS text[]),
                          CAST(:cna AS integer[]), CAST(:operational AS integer[]), CAST(:maximum AS integer[]),
                          CAST(:floorArea AS numeric[]), CAST(:sanitary AS boolean[]), CAST(:ceiling AS numeric[]),
                          CAST(:wall AS numeric[]), CAST(:light AS boolean[]), CAST(:ventilation AS boolean[]),
                          CAST(:forSex AS text[]), CAST(:forAge AS text[]), CAST(:forDetention AS text[]))
                   AS t (id, parent_id, ancestors, path_key, name, kind, cna, operational, maximum, floor_area,
                         sanitary, ceiling, wall, light, ventilation, for_sex, for_age, for_detention)
            """;

    private static final String UPDATE_CAPACITY = """
            UPDATE location
               SET certified_normal = :cna, operational_capacity = :operational, maximum_capacity = :maximum,
                   version = version + 1
             WHERE id = :id
            """;

    private static final String UPDATE_ATTRIBUTES = """
            UPDATE location
               SET name = :name, floor_area_m2 = :floorArea, sanitary_annex_partitioned = :sanitary,
                   ceiling_height_m = :ceiling, min_wall_distance_m = :wall, natural_light = :light,
                   ventilation = :ventilation, version = version + 1
             WHERE id = :id
            """;

    private static final String UPDATE_SEPARATION = """
            UPDATE location
               SET for_sex = :sex, for_age = :age, for_detention = :detention, version = version + 1
             WHERE id = :id
            """;

    // Ancestors and descendants of a location that carry another value of one of the kinds it is to be designated
    // for: a women's cell under a men's module would make the designation mean nothing.
    private static final String SEPARATION_CONFLICTS = """
            SELECT o.path_key, CASE WHEN o.for_sex <> CAST(:sex AS text) THEN 'sex'
                                    WHEN o.for_age <> CAST(:age AS text) THEN 'ageGroup'
                                    ELSE 'detention' END AS kind
              FROM location l
              JOIN location o ON o.facility_code = l.facility_code
                             AND (o.id = ANY (l.ancestors) OR l.id = ANY (o.ancestors))
             WHERE l.id = :id
               AND (o.for_sex <> CAST(:sex AS text) OR o.for_age <> CAST(:age AS text)
                    OR o.for_detention <> CAST(:detention AS text))
             ORDER BY o.path_key COLLATE "C"
             LIMIT 1
            """;

    // Designations of one facility are changed one at a time, so two that contradict each other cannot both pass.
    // A placement holds it shared until it commits, so a designation changed meanwhile waits for the placements
    // already judged by the old one, and placements after it are judged by the new one.
    private static final String LOCK_DESIGNATIONS = """
            SELECT pg_advisory_xact_lock(hashtextextended('habeas.separation:' || :facility, 0))
            """;
    private static final String HOLD_DESIGNATIONS = """
            SELECT pg_advisory_xact_lock_shared(hashtextextended('habeas.separation:' || :facility, 0))
            """;

    // The designations that bear on some cells: each cell's own and its ancestors', nearest first.
    private static final String DESIGNATIONS_OF = """
            SELECT c.id AS cell, d.path_key, d.for_sex, d.for_age, d.for_detention
              FROM location c CROSS JOIN LATERAL unnest(c.ancestors || c.id) AS level (id)
              JOIN location d ON d.id = level.id
             WHERE c.id = ANY (:cells)
               AND (d.for_sex IS NOT NULL OR d.for_age IS NOT NULL OR d.for_detention IS NOT NULL)
             ORDER BY c.id, cardinality(d.ancestors) DESC
            """;

    private static final String UPDATE_STATUS = """
            UPDATE location SET status = :status, inactive_reason = :inactiveReason, version = version + 1
             WHERE id = ANY (CAST(:ids AS uuid[]))
            """;

    private static final String INSERT_CHANGES = """
            INSERT INTO location_change (command_id, location_id, attribute, old_value, new_value, changed_at,
                                         changed_by, reason)
            SELECT :command, t.location_id, t.attribute, t.old_value, t.new_value, :now, :by, :reason
              FROM unnest(CAST(:locations AS uuid[]), CAST(:attributes AS text[]), CAST(:olds AS text[]),
                          CAST(:news AS text[])) AS t (location_id, attribute, old_value, new_value)
            """;

    private static final String HISTORY = """
            SELECT command_id, attribute, old_value, new_value, changed_at, changed_by, reason
              FROM location_change
             WHERE location_id = :id
             ORDER BY changed_at DESC, command_id, attribute
            """;

    // The placement guard (invariant 2, docs/architecture.md): one conditional UPDATE. Its row lock makes concurrent
    // placements into the same place queue, and each re-reads the population the previous one committed, so
    // twenty callers on the last bed never get more than one bed between them.
    private static final String OCCUPY = """
            UPDATE location l SET population = l.population + 1
             WHERE l.id = :id AND l.status = 'ACTIVE' AND l.maximum_capacity IS NOT NULL
               AND l.population < CASE WHEN :limit = 'MAXIMUM' THEN l.maximum_capacity
                                       ELSE estate_operational_limit(l.id, l.operational_capacity,
                                                                     l.maximum_capacity, :now) END
            RETURNING l.population
            """;

    private static final String VACATE = """
            UPDATE location SET population = population - 1 WHERE id = :id AND population > 0 RETURNING population
            """;

    private static final String OPERATIONAL_LIMITS = """
            SELECT id, estate_operational_limit(id, operational_capacity, maximum_capacity, :now) AS limit_
              FROM location WHERE id = ANY (:ids) AND maximum_capacity IS NOT NULL
            """;

    private static final String INSERT_OVERRIDE = """
            INSERT INTO capacity_override (id, location_id, capacity, reason, decision_ref, approved_by, approved_at,
                                           expires_at)
            VALUES (:id, :location, :capacity, :reason, :decisionRef, :approvedBy, :now, :expiresAt)
            """;

    private static final String OVERRIDES = """
            SELECT id, location_id, capacity, reason, decision_ref, approved_by, approved_at, expires_at, revoked_at,
                   revoked_by
              FROM capacity_override WHERE location_id = :id ORDER BY approved_at DESC
            """;

    private static final String EXPANSION_COLUMNS = "id, facility_code, name, planned_on, status, opened_on, created_at";

    private static final String INSERT_EXPANSION = """
            INSERT INTO expansion (id, facility_code, name, planned_on, status, created_at)
            VALUES (:id, :facility, :name, :plannedOn, 'PLANNED', :now)
            ON CONFLICT (facility_code, name) DO NOTHING
            """;

    private static final String FIND_EXPANSION = "SELECT " + EXPANSION_COLUMNS + " FROM expansion WHERE id = :id";

    private static final String LOCK_EXPANSION = FIND_EXPANSION + " FOR UPDATE";

    private static final String EXPANSIONS = "SELECT " + EXPANSION_COLUMNS
            + " FROM expansion WHERE facility_code = :facility ORDER BY planned_on, name";

    private static final String EXPANSIONS_OF_FACILITIES = "SELECT " + EXPANSION_COLUMNS
            + " FROM expansion WHERE CAST(:everyFacility AS boolean) OR facility_code = ANY (CAST(:codes AS text[]))"
            + " ORDER BY facility_code, planned_on, name";

    private static final String UPDATE_EXPANSION = """
            UPDATE expansion SET status = :status, opened_on = :openedOn WHERE id = :id
            """;

    private static final String OPEN_EXPANSION_LOCATIONS = """
            UPDATE location SET status = 'ACTIVE', version = version + 1
             WHERE expansion_id = :expansion AND status = 'PLANNED'
            RETURNING id
            """;

    private final JdbcClient jdbc;

    EstateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- facilities

    /** Inserts the facility; false when the code is taken. */
    public boolean insertFacility(NewFacility f, Instant now) {
        return jdbc.sql(INSERT_FACILITY).param("code", f.code()).param("name", f.name()).param("country", f.country())
                .param("region", f.region()).param("municipality", f.municipality())
                .param("latitude", f.latitude()).param("longitude", f.longitude())
                .param("timeZone", f.timeZone().getId()).param("type", f.type().name())
                .param("responsible", f.responsibleAuthority()).param("inspection", f.inspectionAuthority())
                .param("openedOn", f.openedOn()).param("status", f.status().name()).param("now", utc(now))
                .update() == 1;
    }

    public Optional<Facility> findFacility(String code) {
        return jdbc.sql(FIND_FACILITY).param("code", code).query(EstateRepository::facility).optional();
    }

    public Optional<FacilityContact> contact(String code) {
        return jdbc.sql(FIND_CONTACT).param("code", code).query((rs, n) -> new FacilityContact(
                rs.getString("facility_code"), rs.getString("address"), rs.getString("telephone"),
                rs.getString("email"), rs.getString("visiting_hours"), instant(rs, "updated_at"),
                rs.getString("updated_by"))).optional();
    }

    /** The cells above capacity in {@code codes} (empty: every facility). */
    public List<CellAboveCapacity> cellsAboveCapacity(Optional<Set<String>> codes, Instant now, int limit) {
        List<CellAboveCapacity> cells = jdbc.sql(CELLS_ABOVE_CAPACITY).param("everyFacility", codes.isEmpty())
                .param("codes", codes.orElse(Set.of()).toArray(String[]::new)).param("limit", limit)
                .query((rs, n) -> new CellAboveCapacity(new LocationId(rs.getObject("id", UUID.class)),
                        rs.getString("facility_code"), rs.getString("path_key"), rs.getInt("population"),
                        rs.getInt("operational_capacity"), rs.getInt("operational_capacity"),
                        rs.getObject("icrc_places", Integer.class), rs.getObject("cpt_places", Integer.class)))
                .list();
        if (cells.isEmpty()) {
            return cells;
        }
        Map<UUID, Integer> limits = operationalLimits(cells.stream().map(c -> c.cell().value()).toList(), now);
        return cells.stream().map(c -> new CellAboveCapacity(c.cell(), c.facility(), c.pathKey(), c.population(),
                c.operational(), limits.getOrDefault(c.cell().value(), c.operational()), c.icrcPlaces(),
                c.cptPlaces())).toList();
    }

    /** The planned capacities of {@code codes} (empty: every facility). */
    public List<PlannedCapacity> plannedCapacities(Optional<Set<String>> codes) {
        return jdbc.sql(FIND_PLANNED_CAPACITY).param("everyFacility", codes.isEmpty())
                .param("codes", codes.orElse(Set.of()).toArray(String[]::new))
                .query((rs, n) -> new PlannedCapacity(rs.getString("facility_code"), rs.getInt("places"),
                        rs.getBigDecimal("floor_area_m2"), instant(rs, "updated_at"), rs.getString("updated_by")))
                .list();
    }

    public void savePlannedCapacity(PlannedCapacity c) {
        jdbc.sql(UPSERT_PLANNED_CAPACITY).param("code", c.facilityCode()).param("places", c.places())
                .param("area", c.floorAreaM2()).param("now", utc(c.updatedAt())).param("by", c.updatedBy()).update();
    }

    public void saveContact(FacilityContact c) {
        jdbc.sql(UPSERT_CONTACT).param("code", c.facilityCode()).param("address", c.address())
                .param("telephone", c.telephone()).param("email", c.email())
                .param("visitingHours", c.visitingHours()).param("now", utc(c.updatedAt()))
                .param("by", c.updatedBy()).update();
    }

    /** Takes the facility's row lock: commands that must not interleave within one facility take it first. */
    public void lockFacility(String code) {
        jdbc.sql(LOCK_FACILITY).param("code", code).query(String.class).optional();
    }

    /** Facilities with their figures; {@code codes} empty means every facility. */
    public List<FacilityFigures> facilitiesWithFigures(Optional<Set<String>> codes) {
        return jdbc.sql(FACILITIES_WITH_FIGURES).param("everyFacility", codes.isEmpty())
                .param("codes", codes.orElse(Set.of()).toArray(String[]::new))
                .query((rs, n) -> new FacilityFigures(facility(rs, n), figures(rs))).list();
    }

    public Figures facilityTotal(String code) {
        return jdbc.sql(FACILITY_TOTAL).param("code", code).query((rs, n) -> figures(rs)).single();
    }

    public Figures figuresAsOf(String code, LocalDate date) {
        return jdbc.sql(FIGURES_AS_OF).param("code", code).param("date", date).query((rs, n) -> figures(rs))
                .single();
    }

    public List<LevelFigures> levels(String code) {
        return jdbc.sql(LEVELS).param("code", code)
                .query((rs, n) -> new LevelFigures(location(rs, n), figures(rs))).list();
    }

    // ---- locations

    public Optional<Location> findLocation(UUID id) {
        return jdbc.sql(FIND_LOCATION).param("id", id).query(EstateRepository::location).optional();
    }

    public List<Location> children(UUID parent) {
        return jdbc.sql(CHILDREN).param("parent", parent).query(EstateRepository::location).list();
    }

    public List<Location> findLocations(Collection<UUID> ids) {
        return jdbc.sql(FIND_LOCATIONS).param("ids", ids.toArray(UUID[]::new)).query(EstateRepository::location).list();
    }

    public Optional<Location> lockLocation(UUID id) {
        return jdbc.sql(LOCK_LOCATION).param("id", id).query(EstateRepository::location).optional();
    }

    public List<Location> locations(String facility) {
        return jdbc.sql(LOCATIONS_OF_FACILITY).param("code", facility).query(EstateRepository::location).list();
    }

    /** The location and everything under it, locked in id order (one order for every caller: no deadlock). */
    public List<Location> lockSubtree(String facility, UUID id) {
        return jdbc.sql(LOCK_SUBTREE).param("facility", facility).param("id", id)
                .query(EstateRepository::location).list();
    }

    /** A location to insert, already resolved: its id, parent and ancestors are known. */
    public record NewLocation(UUID id, UUID parent, List<UUID> ancestors, String pathKey, String name,
                              LocationKind kind, Capacity capacity, CellAttributes attributes,
                              SeparationPolicy separation) {
    }

    public void insertLocations(String facility, ExpansionId expansion, LocationStatus status,
                                List<NewLocation> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] ids = new String[n], parents = new String[n], ancestors = new String[n], paths = new String[n],
                names = new String[n], kinds = new String[n], cna = new String[n], operational = new String[n],
                maximum = new String[n], area = new String[n], sanitary = new String[n], ceiling = new String[n],
                wall = new String[n], light = new String[n], ventilation = new String[n], forSex = new String[n],
                forAge = new String[n], forDetention = new String[n];
        for (int i = 0; i < n; i++) {
            NewLocation r = rows.get(i);
            ids[i] = r.id().toString();
            parents[i] = r.parent() == null ? null : r.parent().toString();
            ancestors[i] = "{" + String.join(",", r.ancestors().stream().map(UUID::toString).toList()) + "}";
            paths[i] = r.pathKey();
            names[i] = r.name();
            kinds[i] = r.kind().name();
            if (r.capacity() != null) {
                cna[i] = Integer.toString(r.capacity().certifiedNormal());
                operational[i] = Integer.toString(r.capacity().operational());
                maximum[i] = Integer.toString(r.capacity().maximum());
            }
            CellAttributes a = r.attributes();
            area[i] = text(a.floorAreaM2());
            sanitary[i] = text(a.sanitaryAnnexPartitioned());
            ceiling[i] = text(a.ceilingHeightM());
            wall[i] = text(a.minWallDistanceM());
            light[i] = text(a.naturalLight());
            ventilation[i] = text(a.ventilation());
            forSex[i] = name(r.separation().sex());
            forAge[i] = name(r.separation().ageGroup());
            forDetention[i] = name(r.separation().detention());
        }
        jdbc.sql(INSERT_LOCATIONS).param("facility", facility).param("status", status.name())
                .param("expansion", expansion == null ? null : expansion.value().toString()).param("now", utc(now))
                .param("ids", ids).param("parents", parents).param("ancestors", ancestors).param("paths", paths)
                .param("names", names).param("kinds", kinds).param("cna", cna).param("operational", operational)
                .param("maximum", maximum).param("floorArea", area).param("sanitary", sanitary)
                .param("ceiling", ceiling).param("wall", wall).param("light", light).param("ventilation", ventilation)
                .param("forSex", forSex).param("forAge", forAge).param("forDetention", forDetention).update();
    }

    public void updateCapacity(UUID id, Capacity capacity) {
        jdbc.sql(UPDATE_CAPACITY).param("id", id).param("cna", capacity.certifiedNormal())
                .param("operational", capacity.operational()).param("maximum", capacity.maximum()).update();
    }

    public void updateAttributes(UUID id, String name, CellAttributes a) {
        jdbc.sql(UPDATE_ATTRIBUTES).param("id", id).param("name", name).param("floorArea", a.floorAreaM2())
                .param("sanitary", a.sanitaryAnnexPartitioned()).param("ceiling", a.ceilingHeightM())
                .param("wall", a.minWallDistanceM()).param("light", a.naturalLight())
                .param("ventilation", a.ventilation()).update();
    }

    public void updateSeparation(UUID id, SeparationPolicy policy) {
        jdbc.sql(UPDATE_SEPARATION).param("id", id).param("sex", name(policy.sex()))
                .param("age", name(policy.ageGroup())).param("detention", name(policy.detention())).update();
    }

    public void lockDesignations(String facility) {
        jdbc.sql(LOCK_DESIGNATIONS).param("facility", facility).query().listOfRows();
    }

    public void holdDesignations(String facility) {
        jdbc.sql(HOLD_DESIGNATIONS).param("facility", facility).query().listOfRows();
    }

    /** The first other location (path, kind of designation) that a designation of {@code id} would contradict. */
    public Optional<String[]> separationConflict(UUID id, SeparationPolicy policy) {
        return jdbc.sql(SEPARATION_CONFLICTS).param("id", id).param("sex", name(policy.sex()))
                .param("age", name(policy.ageGroup())).param("detention", name(policy.detention()))
                .query((rs, n) -> new String[] {rs.getString("path_key"), rs.getString("kind")}).optional();
    }

    /** For each of {@code cells} that has any, the designations that bear on it, nearest first. */
    public Map<UUID, List<SeparationPolicy.Designation>> designations(Collection<UUID> cells) {
        Map<UUID, List<SeparationPolicy.Designation>> byCell = new HashMap<>();
        jdbc.sql(DESIGNATIONS_OF).param("cells", cells.toArray(UUID[]::new)).query(rs -> {
            byCell.computeIfAbsent(rs.getObject("cell", UUID.class), k -> new ArrayList<>())
                    .add(new SeparationPolicy.Designation(rs.getString("path_key"), separation(rs)));
        });
        return byCell;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public void updateStatus(Collection<UUID> ids, LocationStatus status, InactiveReason reason) {
        jdbc.sql(UPDATE_STATUS).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
                .param("status", status.name()).param("inactiveReason", reason == null ? null : reason.name())
                .update();
    }

    /** One attribute's old and new value on one location, for {@link #insertChanges}. */
    public record Change(UUID location, String attribute, String from, String to) {
    }

    public void insertChanges(UUID command, List<Change> changes, String by, String reason, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql(INSERT_CHANGES).param("command", command).param("now", utc(now)).param("by", by)
                .param("reason", reason)
                .param("locations", changes.stream().map(c -> c.location().toString()).toArray(String[]::new))
                .param("attributes", changes.stream().map(Change::attribute).toArray(String[]::new))
                .param("olds", changes.stream().map(Change::from).toArray(String[]::new))
                .param("news", changes.stream().map(Change::to).toArray(String[]::new)).update();
    }

    public List<LocationHistory> history(UUID location) {
        Map<UUID, LocationHistory> groups = new LinkedHashMap<>();
        jdbc.sql(HISTORY).param("id", location).query(rs -> {
            UUID command = rs.getObject("command_id", UUID.class);
            var group = groups.computeIfAbsent(command, c -> {
                try {
                    return new LocationHistory(c, instant(rs, "changed_at"), rs.getString("changed_by"),
                            rs.getString("reason"), new ArrayList<>());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            group.changes().add(new LocationHistory.Change(rs.getString("attribute"), rs.getString("old_value"),
                    rs.getString("new_value")));
        });
        return groups.values().stream().map(g -> new LocationHistory(g.command(), g.at(), g.by(), g.reason(),
                List.copyOf(g.changes()))).toList();
    }

    // ---- occupancy

    /** Adds one person if the limit allows; the new population, or empty when refused. */
    public Optional<Integer> occupy(UUID id, CapacityLimit limit, Instant now) {
        return jdbc.sql(OCCUPY).param("id", id).param("limit", limit.name()).param("now", utc(now))
                .query(Integer.class).optional();
    }

    public Optional<Integer> vacate(UUID id) {
        return jdbc.sql(VACATE).param("id", id).query(Integer.class).optional();
    }

    /**
     * The operational limit of each of these places at {@code now} (V61: operational capacity, raised by a capacity
     * override in force, never above maximum); places that hold nobody are left out.
     */
    public Map<UUID, Integer> operationalLimits(Collection<UUID> ids, Instant now) {
        Map<UUID, Integer> limits = new HashMap<>();
        jdbc.sql(OPERATIONAL_LIMITS).param("ids", ids.stream().distinct().toArray(UUID[]::new)).param("now", utc(now))
                .query((RowCallbackHandler) rs -> limits.put(rs.getObject("id", UUID.class), rs.getInt("limit_")));
        return limits;
    }

    public void insertOverride(UUID id, UUID location, int capacity, String reason, String decisionRef,
                               String approvedBy, Instant now, Instant expiresAt) {
        jdbc.sql(INSERT_OVERRIDE).param("id", id).param("location", location).param("capacity", capacity)
                .param("reason", reason).param("decisionRef", decisionRef).param("approvedBy", approvedBy)
                .param("now", utc(now)).param("expiresAt", utc(expiresAt)).update();
    }

    public List<CapacityOverride> overrides(UUID location) {
        return jdbc.sql(OVERRIDES).param("id", location).query((rs, n) -> new CapacityOverride(
                rs.getObject("id", UUID.class), new LocationId(rs.getObject("location_id", UUID.class)),
                rs.getInt("capacity"), rs.getString("reason"), rs.getString("decision_ref"),
                rs.getString("approved_by"), instant(rs, "approved_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), rs.getString("revoked_by"))).list();
    }

    // ---- expansions

    public boolean insertExpansion(UUID id, String facility, String name, LocalDate plannedOn, Instant now) {
        return jdbc.sql(INSERT_EXPANSION).param("id", id).param("facility", facility).param("name", name)
                .param("plannedOn", plannedOn).param("now", utc(now)).update() == 1;
    }

    public Optional<Expansion> findExpansion(UUID id) {
        return jdbc.sql(FIND_EXPANSION).param("id", id).query(EstateRepository::expansion).optional();
    }

    public Optional<Expansion> lockExpansion(UUID id) {
        return jdbc.sql(LOCK_EXPANSION).param("id", id).query(EstateRepository::expansion).optional();
    }

    public List<Expansion> expansions(String facility) {
        return jdbc.sql(EXPANSIONS).param("facility", facility).query(EstateRepository::expansion).list();
    }

    /** The expansion projects of {@code codes} (empty: every facility), by facility then date. */
    public List<Expansion> expansions(Optional<Set<String>> codes) {
        return jdbc.sql(EXPANSIONS_OF_FACILITIES).param("everyFacility", codes.isEmpty())
                .param("codes", codes.orElse(Set.of()).toArray(String[]::new)).query(EstateRepository::expansion)
                .list();
    }

    public void updateExpansion(UUID id, ExpansionStatus status, LocalDate openedOn) {
        jdbc.sql(UPDATE_EXPANSION).param("id", id).param("status", status.name()).param("openedOn", openedOn)
                .update();
    }

    /** Makes the project's planned locations active; their ids. */
    public List<UUID> openExpansionLocations(UUID expansion) {
        return jdbc.sql(OPEN_EXPANSION_LOCATIONS).param("expansion", expansion).query(UUID.class).list();
    }

    // ---- rows

    private static Facility facility(ResultSet rs, int n) throws SQLException {
        return new Facility(rs.getString("code"), rs.getString("name"), rs.getString("country"),
                rs.getString("region"), rs.getString("municipality"), rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"), ZoneId.of(rs.getString("time_zone")),
                FacilityType.valueOf(rs.getString("type")), rs.getString("responsible_authority"),
                rs.getString("inspection_authority"), rs.getObject("opened_on", LocalDate.class),
                FacilityStatus.valueOf(rs.getString("status")), instant(rs, "created_at"));
    }

    private static Location location(ResultSet rs, int n) throws SQLException {
        UUID parent = rs.getObject("parent_id", UUID.class);
        UUID expansion = rs.getObject("expansion_id", UUID.class);
        String inactive = rs.getString("inactive_reason");
        Integer maximum = rs.getObject("maximum_capacity", Integer.class);
        Capacity capacity = maximum == null ? null
                : new Capacity(rs.getInt("certified_normal"), rs.getInt("operational_capacity"), maximum);
        return new Location(new LocationId(rs.getObject("id", UUID.class)), rs.getString("facility_code"),
                parent == null ? null : new LocationId(parent), rs.getString("path_key"), rs.getString("name"),
                LocationKind.valueOf(rs.getString("kind")), LocationStatus.valueOf(rs.getString("status")),
                inactive == null ? null : InactiveReason.valueOf(inactive),
                expansion == null ? null : new ExpansionId(expansion), capacity, rs.getInt("population"),
                new CellAttributes(rs.getBigDecimal("floor_area_m2"),
                        rs.getObject("sanitary_annex_partitioned", Boolean.class),
                        rs.getBigDecimal("ceiling_height_m"), rs.getBigDecimal("min_wall_distance_m"),
                        rs.getObject("natural_light", Boolean.class), rs.getObject("ventilation", Boolean.class)),
                new AreaCapacity(rs.getObject("icrc_places", Integer.class),
                        rs.getObject("cpt_places", Integer.class)),
                separation(rs), rs.getLong("version"), instant(rs, "created_at"));
    }

    private static SeparationPolicy separation(ResultSet rs) throws SQLException {
        String sex = rs.getString("for_sex");
        String age = rs.getString("for_age");
        String detention = rs.getString("for_detention");
        return new SeparationPolicy(sex == null ? null : SeparationPolicy.Sex.valueOf(sex),
                age == null ? null : SeparationPolicy.AgeGroup.valueOf(age),
                detention == null ? null : SeparationPolicy.Detention.valueOf(detention));
    }

    // A level with no counted place under it comes back from the LEFT JOIN as NULLs: getLong/getInt read 0.
    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getInt("fig_cells"), rs.getLong("fig_certified_normal"),
                rs.getLong("fig_operational"), rs.getLong("fig_maximum"), rs.getLong("fig_population"),
                rs.getLong("fig_above_cna"), rs.getLong("fig_in_crowded"),
                zeroIfNull(rs.getBigDecimal("fig_floor_area")), rs.getLong("fig_icrc"), rs.getLong("fig_cpt"),
                rs.getInt("fig_no_area"), rs.getInt("fig_over_icrc"), rs.getInt("fig_over_cpt"),
                zeroIfNull(rs.getBigDecimal("fig_occupied_area")), rs.getLong("fig_measured_population"));
    }

    private static Expansion expansion(ResultSet rs, int n) throws SQLException {
        return new Expansion(new ExpansionId(rs.getObject("id", UUID.class)), rs.getString("facility_code"),
                rs.getString("name"), rs.getObject("planned_on", LocalDate.class),
                ExpansionStatus.valueOf(rs.getString("status")), rs.getObject("opened_on", LocalDate.class),
                instant(rs, "created_at"));
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String text(Object value) {
        return value == null ? null
                : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

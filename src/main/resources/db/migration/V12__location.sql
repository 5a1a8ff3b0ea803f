-- Why: the location tree, its capacity figures and the occupancy of each place live in one row per location so
-- that a placement can be checked and counted by a single conditional UPDATE in the custody module's transaction:
-- the row lock that UPDATE takes makes concurrent placements queue, and the CHECKs below make "never more people
-- than the maximum capacity" (DESIGN.md invariant 2) hold even for a hand-written statement.
--
-- Area-based capacity (REQ-26) is derived from the floor area by two immutable functions, stored as generated
-- columns so every roll-up sums plain integers:
--   ICRC: >= 5.4 m2 for one person alone, >= 3.4 m2 per person when shared (so sharing starts at 6.8 m2);
--   CPT:  >= 6 m2 for one person alone,   >= 4 m2 per person when shared (so sharing starts at 8 m2).
CREATE FUNCTION icrc_places(floor_area numeric) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN floor_area IS NULL THEN NULL
                WHEN floor_area >= 6.8 THEN floor(floor_area / 3.4)::integer
                WHEN floor_area >= 5.4 THEN 1
                ELSE 0 END
$$;
CREATE FUNCTION cpt_places(floor_area numeric) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN floor_area IS NULL THEN NULL
                WHEN floor_area >= 8 THEN floor(floor_area / 4)::integer
                WHEN floor_area >= 6 THEN 1
                ELSE 0 END
$$;

CREATE TABLE location (
    id                         uuid        PRIMARY KEY,
    facility_code              text        NOT NULL REFERENCES facility (code),
    parent_id                  uuid,
    -- The materialised path: ids from the top level down to the parent. Roll-ups unnest it instead of recursing.
    ancestors                  uuid[]      NOT NULL,
    path_key                   text        NOT NULL CHECK (path_key ~ '^[A-Z0-9-]+-[A-Z0-9]{1,16}$'),
    name                       text        CHECK (length(name) <= 200),
    kind                       text        NOT NULL CHECK (kind IN ('MODULE', 'BLOCK', 'LANDING', 'CELL', 'RECEPTION',
                                                                    'SEGREGATION', 'MEDICAL', 'OTHER')),
    status                     text        NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE', 'PLANNED')),
    inactive_reason            text        CHECK (inactive_reason IN ('MAINTENANCE', 'DAMAGED', 'SEALED',
                                                                      'DECOMMISSIONED', 'OTHER')),
    expansion_id               uuid        REFERENCES expansion (id),
    certified_normal           integer     CHECK (certified_normal >= 0),
    operational_capacity       integer     CHECK (operational_capacity >= 0),
    maximum_capacity           integer     CHECK (maximum_capacity >= 0),
    population                 integer     NOT NULL DEFAULT 0 CHECK (population >= 0),
    floor_area_m2              numeric(9, 2) CHECK (floor_area_m2 > 0),
    sanitary_annex_partitioned boolean,
    ceiling_height_m           numeric(5, 2) CHECK (ceiling_height_m > 0),
    min_wall_distance_m        numeric(5, 2) CHECK (min_wall_distance_m > 0),
    natural_light              boolean,
    ventilation                boolean,
    icrc_places                integer     GENERATED ALWAYS AS (icrc_places(floor_area_m2)) STORED,
    cpt_places                 integer     GENERATED ALWAYS AS (cpt_places(floor_area_m2)) STORED,
    version                    bigint      NOT NULL DEFAULT 0,
    created_at                 timestamptz NOT NULL,
    -- Path keys are the parent's path key plus one segment, so this is "unique among siblings".
    UNIQUE (facility_code, path_key),
    UNIQUE (facility_code, id),
    -- A parent is always in the same facility.
    FOREIGN KEY (facility_code, parent_id) REFERENCES location (facility_code, id),
    CHECK (path_key LIKE facility_code || '-%'),
    CHECK ((parent_id IS NULL) = (cardinality(ancestors) = 0)),
    CHECK ((status = 'INACTIVE') = (inactive_reason IS NOT NULL)),
    CHECK ((status = 'PLANNED') <= (expansion_id IS NOT NULL)),
    CHECK ((certified_normal IS NULL) = (maximum_capacity IS NULL)
           AND (operational_capacity IS NULL) = (maximum_capacity IS NULL)),
    CHECK (kind IN ('CELL', 'RECEPTION', 'SEGREGATION', 'MEDICAL') OR maximum_capacity IS NULL),
    CHECK (operational_capacity <= maximum_capacity),
    -- Invariant 2: nobody above the maximum, nobody where there is no capacity, nobody in a closed place.
    CHECK (population <= coalesce(maximum_capacity, 0)),
    CHECK (status = 'ACTIVE' OR population = 0)
);
CREATE INDEX location_by_parent ON location (parent_id);
CREATE INDEX location_by_expansion ON location (expansion_id) WHERE expansion_id IS NOT NULL;

-- The tree is fixed once written: a location never changes facility, parent or path, so no update can make a
-- cycle or orphan a materialised path.
CREATE FUNCTION location_tree_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.facility_code, NEW.parent_id, NEW.ancestors, NEW.path_key, NEW.kind)
       IS DISTINCT FROM (OLD.facility_code, OLD.parent_id, OLD.ancestors, OLD.path_key, OLD.kind) THEN
        RAISE EXCEPTION 'location %: facility, parent, path and kind are fixed once written', OLD.path_key;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER location_tree_fixed BEFORE UPDATE ON location
    FOR EACH ROW EXECUTE FUNCTION location_tree_fixed();
CREATE TRIGGER location_no_delete BEFORE DELETE ON location
    FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();

-- Estate's published read models (docs/architecture.md, "Published read models"). Modules above estate that must
-- join estate's data in SQL (custody's placement counts, its roll) read these views and never estate's tables, so
-- estate may change its tables behind them. Plain views: the planner inlines them, indexes included.
CREATE VIEW estate_place AS
SELECT id, facility_code, parent_id, kind, path_key, maximum_capacity IS NOT NULL AS holds_people FROM location;

CREATE VIEW estate_facility_zone AS
SELECT code AS facility_code, time_zone FROM facility;

-- Placement: what a non-association's scope means, in one place (REQ-22). A person held at (facility, cell) occupies
-- at each scope one unit: the facility; the cell's module (its parent, or the cell itself when it has none); the cell.
-- Two people are within a record's scope of each other exactly when their units at its scope are equal and not null
-- (someone in reception is in the facility but in no module or cell). The NON_ASSOCIATION rule, the person page's
-- list of records held together, the placement locks and the group counts all take units from here.
CREATE FUNCTION placement_unit(scope text, facility text, cell uuid, module uuid) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE scope WHEN 'FACILITY' THEN facility
                  WHEN 'MODULE' THEN CAST(coalesce(module, cell) AS text)
                  WHEN 'CELL' THEN CAST(cell AS text) END
$$;

-- The cells (places that hold people) inside some units: those whose unit at CELL scope is among cell_units, or at
-- MODULE scope among module_units. The inverse of placement_unit for cells, written beside it so both change together (a test checks
-- that they agree on every place of a facility); it answers through the location tree's indexes.
CREATE FUNCTION placement_cells_in_units(cell_units uuid[], module_units uuid[]) RETURNS SETOF uuid
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT id FROM estate_place
 WHERE holds_people
   AND (id = ANY (cell_units) OR parent_id = ANY (module_units) OR (parent_id IS NULL AND id = ANY (module_units)))
$$;

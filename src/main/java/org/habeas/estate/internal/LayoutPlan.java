package org.habeas.estate.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.habeas.estate.Capacity;
import org.habeas.estate.CellAttributes;
import org.habeas.estate.ExpansionId;
import org.habeas.estate.Layout;
import org.habeas.estate.Location;
import org.habeas.estate.LocationKind;
import org.habeas.estate.SeparationPolicy;
import org.habeas.estate.internal.EstateRepository.NewLocation;

/**
 * A posted layout checked as a whole against the facility's existing locations (docs/estate-layout.md). Either
 * {@link #errors()} lists every problem with its place in the document, or {@link #toInsert()} holds the new
 * locations, parents before children, with their ids and materialised paths resolved. Locations already present
 * exactly as described are counted in {@link #unchanged()}, which is what makes a repeated import change nothing.
 */
public final class LayoutPlan {

    static final Pattern PATH = Pattern.compile("[A-Z0-9]{1,16}(-[A-Z0-9]{1,16}){0,9}");
    static final int MAX_ERRORS = 1000;
    static final int MAX_CAPACITY = 100_000;
    static final BigDecimal MAX_AREA = new BigDecimal("1000000");
    static final BigDecimal MAX_HEIGHT = new BigDecimal("100");

    private final List<Layout.Error> errors = new ArrayList<>();
    private final List<NewLocation> toInsert = new ArrayList<>();
    private int unchanged;
    private long places;

    private LayoutPlan() {
    }

    public List<Layout.Error> errors() {
        return errors;
    }

    public List<NewLocation> toInsert() {
        return toInsert;
    }

    public int unchanged() {
        return unchanged;
    }

    /** Maximum capacity of the new locations. */
    public long places() {
        return places;
    }

    /**
     * Checks {@code layout} for {@code facility}, whose locations are {@code existing} (keyed by relative path);
     * new locations join {@code expansion} when one is named.
     */
    public static LayoutPlan of(Layout layout, String facility, Map<String, Location> existing,
                                ExpansionId expansion) {
        var plan = new LayoutPlan();
        plan.check(layout, facility, existing, expansion);
        return plan;
    }

    private record Checked(int index, Layout.Entry entry, LocationKind kind, Capacity capacity) {
    }

    private void check(Layout layout, String facility, Map<String, Location> existing, ExpansionId expansion) {
        if (layout == null) {
            error("", "LAYOUT_MISSING", "The body must be a layout document");
            return;
        }
        if (!Layout.FORMAT.equals(layout.format())) {
            error("format", "FORMAT_UNKNOWN", "format must be \"" + Layout.FORMAT + "\"");
        }
        List<Layout.Entry> entries = layout.locations();
        if (entries == null || entries.isEmpty()) {
            error("locations", "LOCATIONS_MISSING", "A layout lists at least one location");
            return;
        }
        if (entries.size() > Layout.MAX_LOCATIONS) {
            error("locations", "TOO_MANY_LOCATIONS", "At most " + Layout.MAX_LOCATIONS + " locations per layout");
            return;
        }
        Map<String, Checked> byPath = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Checked checked = checkEntry(i, entries.get(i));
            if (checked == null) {
                continue;
            }
            String path = checked.entry().path();
            Integer earlier = firstIndex.putIfAbsent(path, i);
            if (earlier != null) {
                error(at(i, "path"), "DUPLICATE_KEY", "The path " + path + " is already used by locations["
                        + earlier + "]");
            } else {
                byPath.put(path, checked);
            }
        }
        checkTree(byPath, existing);
        if (!errors.isEmpty()) {
            return;
        }
        checkDesignations(byPath, existing);
        if (!errors.isEmpty()) {
            return;
        }
        compareWithExisting(byPath, existing, expansion);
        if (errors.isEmpty()) {
            resolve(byPath, facility, existing);
        }
    }

    private Checked checkEntry(int i, Layout.Entry e) {
        if (e == null) {
            error("locations[" + i + "]", "ENTRY_MISSING", "A location entry cannot be null");
            return null;
        }
        boolean usable = true;
        if (e.path() == null || !PATH.matcher(e.path()).matches()) {
            error(at(i, "path"), "INVALID_PATH",
                    "A path is 1 to 10 segments of 1 to 16 capital letters or digits, joined by '-' (M1-C07)");
            usable = false;
        }
        LocationKind kind = null;
        try {
            kind = e.kind() == null ? null : LocationKind.valueOf(e.kind());
        } catch (IllegalArgumentException notAKind) {
            kind = null;
        }
        if (kind == null) {
            error(at(i, "kind"), "INVALID_KIND", "kind must be one of " + List.of(LocationKind.values()));
            usable = false;
        }
        if (e.name() != null && e.name().length() > 200) {
            error(at(i, "name"), "NAME_TOO_LONG", "A name is at most 200 characters");
        }
        Capacity capacity = checkCapacity(i, e, kind);
        checkMeasure(i, "floorAreaM2", e.floorAreaM2(), MAX_AREA, "NEGATIVE_AREA");
        checkMeasure(i, "ceilingHeightM", e.ceilingHeightM(), MAX_HEIGHT, "INVALID_MEASURE");
        checkMeasure(i, "minWallDistanceM", e.minWallDistanceM(), MAX_HEIGHT, "INVALID_MEASURE");
        return usable ? new Checked(i, e, kind, capacity) : null;
    }

    private Capacity checkCapacity(int i, Layout.Entry e, LocationKind kind) {
        boolean any = e.certifiedNormal() != null || e.operationalCapacity() != null || e.maximumCapacity() != null;
        boolean negative = false;
        for (var figure : List.of(new Object[] {"certifiedNormal", e.certifiedNormal()},
                new Object[] {"operationalCapacity", e.operationalCapacity()},
                new Object[] {"maximumCapacity", e.maximumCapacity()})) {
            Integer value = (Integer) figure[1];
            if (value != null && value < 0) {
                error(at(i, (String) figure[0]), "NEGATIVE_CAPACITY", "A capacity cannot be negative");
                negative = true;
            } else if (value != null && value > MAX_CAPACITY) {
                error(at(i, (String) figure[0]), "CAPACITY_TOO_LARGE", "A capacity is at most " + MAX_CAPACITY);
                negative = true;
            }
        }
        if (kind == null) {
            return null;
        }
        if (!kind.holdsPeople()) {
            if (any) {
                error(at(i, "maximumCapacity"), "CAPACITY_NOT_APPLICABLE",
                        "A " + kind + " holds nobody; give capacity to the places under it");
            }
            return null;
        }
        if (e.certifiedNormal() == null || e.operationalCapacity() == null || e.maximumCapacity() == null) {
            error(at(i, e.maximumCapacity() == null ? "maximumCapacity" : e.operationalCapacity() == null
                            ? "operationalCapacity" : "certifiedNormal"), "CAPACITY_REQUIRED",
                    "A " + kind + " needs certifiedNormal, operationalCapacity and maximumCapacity");
            return null;
        }
        if (negative) {
            return null;
        }
        if (e.operationalCapacity() > e.maximumCapacity()) {
            error(at(i, "operationalCapacity"), "OPERATIONAL_ABOVE_MAXIMUM",
                    "Operational capacity is above maximum capacity");
            return null;
        }
        return new Capacity(e.certifiedNormal(), e.operationalCapacity(), e.maximumCapacity());
    }

    private void checkMeasure(int i, String field, BigDecimal value, BigDecimal max, String code) {
        if (value == null) {
            return;
        }
        if (value.signum() <= 0) {
            error(at(i, field), code, field + " must be above zero");
        } else if (value.compareTo(max) > 0) {
            error(at(i, field), "INVALID_MEASURE", field + " is at most " + max.toPlainString());
        } else if (value.stripTrailingZeros().scale() > 2) {
            error(at(i, field), "INVALID_MEASURE", field + " has at most two decimals");
        }
    }

    private void checkTree(Map<String, Checked> byPath, Map<String, Location> existing) {
        for (Checked c : byPath.values()) {
            String parent = c.entry().parent();
            String path = c.entry().path();
            int dash = path.lastIndexOf('-');
            String expected = dash < 0 ? null : path.substring(0, dash);
            if (parent == null) {
                if (expected != null) {
                    error(at(c.index(), "parent"), "PATH_NOT_UNDER_PARENT",
                            "The path " + path + " needs parent " + expected);
                }
                continue;
            }
            Checked inDocument = byPath.get(parent);
            Location already = existing.get(parent);
            if (inDocument == null && already == null) {
                error(at(c.index(), "parent"), "UNKNOWN_PARENT",
                        "No location " + parent + " in the layout or in the facility");
                continue;
            }
            if (!parent.equals(expected)) {
                error(at(c.index(), "parent"), "PATH_NOT_UNDER_PARENT",
                        "The path " + path + " is not directly under " + parent);
            }
            LocationKind parentKind = inDocument != null ? inDocument.kind() : already.kind();
            if (!parentKind.contains()) {
                error(at(c.index(), "parent"), "PARENT_CANNOT_CONTAIN",
                        "A " + parentKind + " cannot contain other locations");
            }
        }
        // Following parent links inside the document must end at a top-level or existing location.
        Set<String> reported = new HashSet<>();
        for (Checked start : byPath.values()) {
            Set<String> seen = new HashSet<>();
            Checked current = start;
            while (current != null && current.entry().parent() != null) {
                if (!seen.add(current.entry().path())) {
                    if (reported.add(start.entry().path())) {
                        error(at(start.index(), "parent"), "CYCLE",
                                "Following parents from " + start.entry().path() + " comes back to "
                                        + current.entry().path());
                    }
                    break;
                }
                current = byPath.get(current.entry().parent());
            }
        }
    }

    // A designation holds for everything below it (REQ-20): an entry may narrow its ancestors' (set a kind they
    // leave open) but not contradict them. Checked from every entry upwards through the document and the facility,
    // which meets every pair of an ancestor and a descendant once; the tree is known to be free of cycles here.
    private void checkDesignations(Map<String, Checked> byPath, Map<String, Location> existing) {
        for (Checked c : byPath.values()) {
            SeparationPolicy own = c.entry().separation();
            if (own.sex() == null && own.ageGroup() == null && own.detention() == null) {
                continue;
            }
            String parent = c.entry().parent();
            while (parent != null) {
                Checked inDocument = byPath.get(parent);
                Location already = existing.get(parent);
                SeparationPolicy above = inDocument != null ? inDocument.entry().separation()
                        : already != null ? already.separation() : null;
                if (above == null) {
                    break;
                }
                String field = contradiction(own, above);
                if (field != null) {
                    error(at(c.index(), field), "DESIGNATION_CONFLICT", "The designation of " + c.entry().path()
                            + " contradicts the designation of " + parent + " above it");
                    break;
                }
                parent = inDocument != null ? inDocument.entry().parent() : parentPath(parent);
            }
        }
    }

    private static String contradiction(SeparationPolicy below, SeparationPolicy above) {
        if (below.sex() != null && above.sex() != null && below.sex() != above.sex()) {
            return "forSex";
        }
        if (below.ageGroup() != null && above.ageGroup() != null && below.ageGroup() != above.ageGroup()) {
            return "forAgeGroup";
        }
        if (below.detention() != null && above.detention() != null && below.detention() != above.detention()) {
            return "forDetention";
        }
        return null;
    }

    private void compareWithExisting(Map<String, Checked> byPath, Map<String, Location> existing,
                                     ExpansionId expansion) {
        for (var it = byPath.values().iterator(); it.hasNext(); ) {
            Checked c = it.next();
            Location already = existing.get(c.entry().path());
            if (already == null) {
                continue;
            }
            if (sameAs(c, already, expansion)) {
                unchanged++;
                it.remove();
            } else {
                error(at(c.index(), "path"), "EXISTS_DIFFERENT", "The facility already has " + already.pathKey()
                        + " with other attributes; change it through the location's own commands");
            }
        }
    }

    private static boolean sameAs(Checked c, Location l, ExpansionId expansion) {
        Layout.Entry e = c.entry();
        CellAttributes a = l.attributes();
        String parent = l.parent() == null ? null : parentPath(l.relativePath());
        return c.kind() == l.kind() && Objects.equals(e.parent(), parent) && Objects.equals(e.name(), l.name())
                && Objects.equals(c.capacity(), l.capacity()) && Objects.equals(expansion, l.expansion())
                && same(e.floorAreaM2(), a.floorAreaM2()) && same(e.ceilingHeightM(), a.ceilingHeightM())
                && same(e.minWallDistanceM(), a.minWallDistanceM())
                && Objects.equals(e.sanitaryAnnexPartitioned(), a.sanitaryAnnexPartitioned())
                && Objects.equals(e.naturalLight(), a.naturalLight())
                && Objects.equals(e.ventilation(), a.ventilation())
                && Objects.equals(e.separation(), l.separation());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private void resolve(Map<String, Checked> byPath, String facility, Map<String, Location> existing) {
        Map<String, UUID> ids = new HashMap<>();
        existing.forEach((path, l) -> ids.put(path, l.id().value()));
        List<Checked> ordered = new ArrayList<>(byPath.values());
        ordered.sort(Comparator.comparingInt((Checked c) -> segments(c.entry().path())));
        for (Checked c : ordered) {
            ids.put(c.entry().path(), UUID.randomUUID());
        }
        for (Checked c : ordered) {
            Layout.Entry e = c.entry();
            List<UUID> ancestors = new ArrayList<>();
            String[] parts = e.path().split("-");
            var prefix = new StringBuilder();
            for (int p = 0; p < parts.length - 1; p++) {
                prefix.append(p == 0 ? "" : "-").append(parts[p]);
                ancestors.add(ids.get(prefix.toString()));
            }
            UUID parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
            toInsert.add(new NewLocation(ids.get(e.path()), parent, ancestors, facility + "-" + e.path(), e.name(),
                    c.kind(), c.capacity(), new CellAttributes(e.floorAreaM2(), e.sanitaryAnnexPartitioned(),
                    e.ceilingHeightM(), e.minWallDistanceM(), e.naturalLight(), e.ventilation()),
                    e.separation()));
            if (c.capacity() != null) {
                places += c.capacity().maximum();
            }
        }
    }

    private static int segments(String path) {
        return (int) path.chars().filter(ch -> ch == '-').count();
    }

    private static String parentPath(String path) {
        int dash = path.lastIndexOf('-');
        return dash < 0 ? null : path.substring(0, dash);
    }

    private static String at(int index, String field) {
        return "locations[" + index + "]." + field;
    }

    private void error(String path, String code, String detail) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new Layout.Error(path, code, detail));
        }
    }
}

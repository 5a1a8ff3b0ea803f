package org.habeas.custody.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.habeas.custody.placement.internal.CellCountRepository;
import org.habeas.custody.placement.internal.CellCountRepository.CellCategory;
import org.habeas.estate.EstateService;
import org.habeas.estate.LocationId;
import org.habeas.estate.SeparationPolicy.Designation;
import org.habeas.vetting.RuleOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cells that hold people who should not be there by separation (REQ-20): people their cell's designation, or a
 * designation of a unit above it, is not for; and people who must be kept apart from others in the same cell (a
 * minor who turned 18 among minors, say). A designation, or a reclassification, judges placements from then on; the
 * people already held stay where they are until someone moves them, and this is the list to do it from. Counts per
 * cell and category, no names: the same figures the SEPARATION rule reads.
 */
@Service
@Transactional(readOnly = true)
public class SeparationBreaches {

    /** {@code people} of one category in {@code cellPath} should not be there, for {@code reason}. */
    public record Breach(UUID cell, String cellPath, int people, RuleOutcome.Detail reason) {

        /** The reason's arguments for a message source (codes in words). */
        public Object[] reasonParams() {
            return RuleOutcome.params(reason.key(), reason.args());
        }
    }

    private final CellCountRepository counts;
    private final EstateService estate;

    SeparationBreaches(CellCountRepository counts, EstateService estate) {
        this.counts = counts;
        this.estate = estate;
    }

    /** The breaches in {@code facility} now, in path order; FACILITY_NOT_FOUND outside the reader's scope. */
    public List<Breach> in(String facility) {
        estate.facilityOnly(facility);
        List<CellCategory> held = counts.categoriesOfFacility(facility);
        if (held.isEmpty()) {
            return List.of();
        }
        Map<LocationId, List<Designation>> designations = estate.designations(held.stream()
                .map(c -> new LocationId(c.cell())).distinct().toList());
        Map<UUID, List<SeparationCategory>> inCell = held.stream().collect(Collectors.groupingBy(CellCategory::cell,
                Collectors.mapping(c -> c.count().category(), Collectors.toList())));
        List<Breach> breaches = new ArrayList<>();
        for (CellCategory c : held) {
            SeparationCategory category = c.count().category();
            RuleOutcome.Detail why = Separation.unfit(category,
                    designations.getOrDefault(new LocationId(c.cell()), List.of()));
            if (why == null) {
                why = Separation.apartFrom(category, inCell.get(c.cell()));   // its own category never conflicts
            }
            if (why != null) {
                breaches.add(new Breach(c.cell(), c.path(), c.count().people(), why));
            }
        }
        return breaches;
    }
}

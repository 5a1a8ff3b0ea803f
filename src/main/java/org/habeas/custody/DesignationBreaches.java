package org.habeas.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.custody.internal.CellCountRepository;
import org.habeas.custody.internal.CellCountRepository.CellCategory;
import org.habeas.custody.internal.PlacementRules;
import org.habeas.estate.EstateService;
import org.habeas.estate.LocationId;
import org.habeas.estate.SeparationPolicy.Designation;
import org.habeas.vetting.RuleOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cells that hold people their designation, or a designation of a unit above them, is not for (REQ-20). A
 * designation judges placements from the moment it is set; the people already held stay where they are until
 * someone moves them, and this is the list to do it from. Counts per cell and category, no names: the same
 * figures the SEPARATION rule reads.
 */
@Service
@Transactional(readOnly = true)
public class DesignationBreaches {

    /** {@code people} of one category in {@code cellPath} do not fit, for {@code reason}. */
    public record Breach(UUID cell, String cellPath, int people, RuleOutcome.Detail reason) {

        /** The reason's arguments for a message source (codes in words). */
        public Object[] reasonParams() {
            return RuleOutcome.params(reason.key(), reason.args());
        }
    }

    private final CellCountRepository counts;
    private final EstateService estate;

    DesignationBreaches(CellCountRepository counts, EstateService estate) {
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
        List<Breach> breaches = new ArrayList<>();
        for (CellCategory c : held) {
            for (Designation designation : designations.getOrDefault(new LocationId(c.cell()), List.of())) {
                RuleOutcome.Detail unfit = PlacementRules.unfit(c.count().category(), designation);
                if (unfit != null) {
                    breaches.add(new Breach(c.cell(), c.path(), c.count().people(), unfit));
                    break;
                }
            }
        }
        return breaches;
    }
}

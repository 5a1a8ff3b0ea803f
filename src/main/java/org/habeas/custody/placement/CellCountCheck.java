package org.habeas.custody.placement;

import java.util.List;

import org.habeas.custody.placement.internal.CellCountRepository;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.Occupancy;
import org.springframework.stereotype.Component;

/**
 * The consistency check's part for the per-cell counts the placement rules read (V55): each stored count that
 * differs from a recount from whereabouts, episodes and allegations, in words. A difference means a rule judged
 * movements on wrong counts; the triggers are meant to make it impossible, this is how one would see it.
 */
@Component
public class CellCountCheck {

    private final CellCountRepository counts;
    private final Occupancy occupancy;

    CellCountCheck(CellCountRepository counts, Occupancy occupancy) {
        this.counts = counts;
        this.occupancy = occupancy;
    }

    public List<String> differences() {
        return counts.differences().stream().map(d -> "cell %s: people of %s %s: counted for the placement rules %d, held %d"
                .formatted(occupancy.find(new LocationId(d.cell())).map(Location::pathKey).orElse(d.cell().toString()),
                        d.kind(), d.what(), d.stored(), d.counted())).toList();
    }
}

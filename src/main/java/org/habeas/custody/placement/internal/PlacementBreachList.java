package org.habeas.custody.placement.internal;

import java.util.Arrays;
import java.util.List;

import org.habeas.custody.HeldTogether;
import org.habeas.custody.PlacementBreaches;
import org.habeas.custody.placement.Associations;
import org.habeas.custody.placement.SeparationBreaches;
import org.springframework.stereotype.Component;

/** Placement's answer to custody's {@link PlacementBreaches}: its separation breaches and non-associations held together. */
@Component
class PlacementBreachList implements PlacementBreaches {

    private final SeparationBreaches separation;
    private final Associations associations;

    PlacementBreachList(SeparationBreaches separation, Associations associations) {
        this.separation = separation;
        this.associations = associations;
    }

    @Override
    public List<CellBreach> separation(String facility) {
        return separation.in(facility).stream().map(b -> new CellBreach(b.cell(), b.cellPath(), b.people(),
                b.reason().key(), Arrays.asList(b.reasonParams()))).toList();
    }

    @Override
    public List<HeldTogether> nonAssociations(String facility) {
        return associations.heldTogetherIn(facility);
    }
}

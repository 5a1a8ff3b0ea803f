package org.habeas.custody.placement.internal;

import org.habeas.custody.PlacementLocks;
import org.habeas.estate.Location;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Component;

/**
 * One advisory lock per open record concerning the mover, keyed by the record and the destination's unit at the
 * record's scope (docs/decisions/0001): the cell locks alone do not serialise two rivals placed at once into two
 * cells of one module, since each officer locks only their own cell. Placements no record ties together never wait.
 */
@Component
class RecordLocks implements PlacementLocks {

    private final AssociationRepository associations;

    RecordLocks(AssociationRepository associations) {
        this.associations = associations;
    }

    @Override
    public void lockBeforeVetting(PersonId mover, Location target) {
        associations.lockRecordsAtDestination(mover.value(), target.id().value(),
                target.parent() == null ? null : target.parent().value(), target.facilityCode());
    }
}

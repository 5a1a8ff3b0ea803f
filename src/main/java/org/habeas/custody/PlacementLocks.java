package org.habeas.custody;

import org.habeas.estate.Location;
import org.habeas.people.PersonId;

/**
 * Locks a placement takes before it is vetted, contributed by the part of custody that judges who may be held with
 * whom: two placements that one of its records could bring into conflict wait for each other, so the second one's
 * rules see the first one's placement. Called in the movement's transaction; the locks last until it ends.
 */
public interface PlacementLocks {

    void lockBeforeVetting(PersonId mover, Location target);
}

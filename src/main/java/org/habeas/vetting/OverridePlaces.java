package org.habeas.vetting;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the override queue needs to show a request readably: a facility's time zone, for its times, and a cell's
 * path, for its movement. Vetting does not know the estate; the module above it that does provides this as a bean
 * (docs/architecture.md: arrows point down), like {@link MovementScope}. Without one the queue shows UTC and ids.
 */
public interface OverridePlaces {

    /** The facility's time zone; empty when there is no such facility or the reader may not see it. */
    Optional<ZoneId> zone(String facility);

    /**
     * The path keys ({@code CECOT-M1-C07}) of these places, in one read; a place that does not exist or the reader
     * may not see is left out.
     */
    Map<UUID, String> paths(Collection<UUID> locations);
}

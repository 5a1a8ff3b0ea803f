package org.habeas.custody.internal;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.access.FacilityScope;
import org.habeas.common.HabeasException;
import org.habeas.estate.EstateService;
import org.habeas.estate.LocationId;
import org.habeas.estate.Occupancy;
import org.habeas.vetting.OverridePlaces;
import org.springframework.stereotype.Component;

/** The override queue's times in the facility's zone and its cells by path, within the reader's facility scope. */
@Component
class CustodyOverridePlaces implements OverridePlaces {

    private final EstateService estate;
    private final Occupancy occupancy;
    private final FacilityScope scope;

    CustodyOverridePlaces(EstateService estate, Occupancy occupancy, FacilityScope scope) {
        this.estate = estate;
        this.occupancy = occupancy;
        this.scope = scope;
    }

    @Override
    public Optional<ZoneId> zone(String facility) {
        try {
            return Optional.of(estate.facilityOnly(facility).timeZone());
        } catch (HabeasException unknownOrOutOfScope) {
            return Optional.empty();
        }
    }

    @Override
    public Map<UUID, String> paths(Collection<UUID> locations) {
        Map<UUID, String> paths = new HashMap<>();
        occupancy.findAll(locations.stream().map(LocationId::new).toList()).values().stream()
                .filter(l -> scope.allows(l.facilityCode()))
                .forEach(l -> paths.put(l.id().value(), l.pathKey()));
        return paths;
    }
}

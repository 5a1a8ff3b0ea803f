package org.habeas.custody.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.habeas.access.FacilityScope;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.custody.Whereabouts;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.Occupancy;
import org.habeas.people.PersonId;
import org.habeas.vetting.MovementScope;
import org.habeas.vetting.VettingRequest;
import org.springframework.stereotype.Component;

/**
 * A dry run or an override request is about a person held where the user works, and about places there: a person
 * held in another facility is answered as not found, as everywhere else, and so is a cell of another facility.
 * The request's facility, when given, must be the one the person is held in.
 */
@Component
class CustodyMovementScope implements MovementScope {

    private final CustodyRepository custody;
    private final CellCountRepository counts;
    private final Occupancy occupancy;
    private final FacilityScope scope;

    CustodyMovementScope(CustodyRepository custody, CellCountRepository counts, Occupancy occupancy,
                         FacilityScope scope) {
        this.custody = custody;
        this.counts = counts;
        this.occupancy = occupancy;
        this.scope = scope;
    }

    @Override
    public void requireVisible(VettingRequest request) {
        var held = custody.whereabouts(new PersonId(request.person()));
        check(request, held.map(Whereabouts::facility).orElse(null), held.map(Whereabouts::destination).orElse(null),
                () -> request.toLocation() == null ? null : occupancy.find(new LocationId(request.toLocation()))
                        .orElse(null));
    }

    // The same reads for the whole batch (two statements), then the same check per request, in order.
    @Override
    public Consumer<VettingRequest> forBatch(List<VettingRequest> requests) {
        Map<UUID, CellCountRepository.Mover> held = requests.isEmpty() ? Map.of()
                : counts.movers(requests.stream().map(VettingRequest::person).toList());
        List<LocationId> places = requests.stream().map(VettingRequest::toLocation).filter(Objects::nonNull)
                .map(LocationId::new).toList();
        Map<LocationId, Location> found = places.isEmpty() ? Map.of() : occupancy.findAll(places);
        return request -> {
            var mover = held.get(request.person());
            check(request, mover == null ? null : mover.facility(), mover == null ? null : mover.destination(),
                    () -> request.toLocation() == null ? null : found.get(new LocationId(request.toLocation())));
        };
    }

    /** {@code facility} is where the person is held (null when not in custody); the target is read only if needed. */
    private void check(VettingRequest request, String facility, String destination, Supplier<Location> target) {
        if (facility != null) {
            if (!scope.allows(facility) && (destination == null || !scope.allows(destination))) {
                throw new NotFound(ErrorCode.PERSON_NOT_FOUND, "No person " + request.person());
            }
            if (request.facility() != null && !request.facility().equals(facility)) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "The person is not held in facility " + request.facility(), "facility");
            }
        }
        Location place = target.get();
        if (place != null && !scope.allows(place.facilityCode())) {
            throw new NotFound(ErrorCode.LOCATION_NOT_FOUND, "No location " + request.toLocation());
        }
    }
}

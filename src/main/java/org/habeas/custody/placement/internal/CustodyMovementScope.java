package org.habeas.custody.placement.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import org.habeas.access.FacilityScope;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
import org.habeas.custody.placement.Mover;
import org.habeas.estate.Location;
import org.habeas.estate.LocationId;
import org.habeas.estate.Occupancy;
import org.habeas.vetting.Evaluation;
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

    private final CellCountRepository counts;
    private final Occupancy occupancy;
    private final FacilityScope scope;

    CustodyMovementScope(CellCountRepository counts, Occupancy occupancy, FacilityScope scope) {
        this.counts = counts;
        this.occupancy = occupancy;
        this.scope = scope;
    }

    // One request is a batch of one.
    @Override
    public void requireVisible(VettingRequest request, Evaluation evaluation) {
        forBatch(List.of(request), evaluation).accept(request);
    }

    // The same reads for the whole batch (two statements, shared with the rules of the same evaluation), then the
    // same check per request, in order.
    @Override
    public Consumer<VettingRequest> forBatch(List<VettingRequest> requests, Evaluation evaluation) {
        Map<UUID, Mover> held = requests.isEmpty() ? Map.of()
                : counts.movers(requests.stream().map(VettingRequest::person).toList(), evaluation);
        List<LocationId> places = requests.stream().map(VettingRequest::toLocation).filter(Objects::nonNull)
                .map(LocationId::new).toList();
        Map<LocationId, Location> found = places.isEmpty() ? Map.of() : occupancy.findAll(places, evaluation);
        return request -> check(request, held.get(request.person()),
                request.toLocation() == null ? null : found.get(new LocationId(request.toLocation())));
    }

    /** {@code mover} is null when the person is not in custody, {@code place} when there is no such target. */
    private void check(VettingRequest request, Mover mover, Location place) {
        if (mover != null) {
            String facility = mover.facility();
            String destination = mover.destination();
            if (!scope.allows(facility) && (destination == null || !scope.allows(destination))) {
                throw new NotFound(ErrorCode.PERSON_NOT_FOUND, "No person " + request.person());
            }
            if (request.facility() != null && !request.facility().equals(facility)) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "The person is not held in facility " + request.facility(), "facility");
            }
        }
        if (place != null && !scope.allows(place.facilityCode())) {
            throw new NotFound(ErrorCode.LOCATION_NOT_FOUND, "No location " + request.toLocation());
        }
    }
}

package org.habeas.custody.internal;

import org.habeas.access.FacilityScope;
import org.habeas.common.ErrorCode;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;
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
    private final Occupancy occupancy;
    private final FacilityScope scope;

    CustodyMovementScope(CustodyRepository custody, Occupancy occupancy, FacilityScope scope) {
        this.custody = custody;
        this.occupancy = occupancy;
        this.scope = scope;
    }

    @Override
    public void requireVisible(VettingRequest request) {
        custody.whereabouts(new PersonId(request.person())).ifPresent(held -> {
            if (!scope.allows(held.facility()) && (held.destination() == null || !scope.allows(held.destination()))) {
                throw new NotFound(ErrorCode.PERSON_NOT_FOUND, "No person " + request.person());
            }
            if (request.facility() != null && !request.facility().equals(held.facility())) {
                throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                        "The person is not held in facility " + request.facility(), "facility");
            }
        });
        if (request.toLocation() != null) {
            occupancy.find(new LocationId(request.toLocation())).filter(l -> !scope.allows(l.facilityCode()))
                    .ifPresent(l -> {
                        throw new NotFound(ErrorCode.LOCATION_NOT_FOUND, "No location " + request.toLocation());
                    });
        }
    }
}

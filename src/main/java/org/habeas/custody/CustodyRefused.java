package org.habeas.custody;

import java.util.Map;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.people.PersonId;
import org.springframework.http.HttpStatus;

/** Refusals of the custody module, each with its own stable code. */
public class CustodyRefused extends HabeasException {

    private final Map<String, Object> properties;

    CustodyRefused(ErrorCode code, HttpStatus status, String detail, Map<String, Object> properties) {
        super(code, status, detail);
        this.properties = properties;
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }

    static CustodyRefused notInCustody(PersonId person) {
        return new CustodyRefused(ErrorCode.NOT_IN_CUSTODY, HttpStatus.CONFLICT,
                "Person " + person + " is not in custody", Map.of());
    }

    static CustodyRefused alreadyInCustody(PersonId person) {
        return new CustodyRefused(ErrorCode.ALREADY_IN_CUSTODY, HttpStatus.CONFLICT,
                "Person " + person + " is already in custody", Map.of());
    }

    static CustodyRefused invalidTransition(MovementKind kind, WhereaboutsKind current) {
        return new CustodyRefused(ErrorCode.INVALID_TRANSITION, HttpStatus.CONFLICT,
                kind + " is not possible while the person is " + current, Map.of("current", current.name()));
    }

    static CustodyRefused movementInProgress(PersonId person) {
        return new CustodyRefused(ErrorCode.CONCURRENT_MOVEMENT, HttpStatus.CONFLICT,
                "Another movement of person " + person + " is being recorded; reload and try again", Map.of());
    }

    static CustodyRefused stale(long expected, long actual) {
        return new CustodyRefused(ErrorCode.WHEREABOUTS_CHANGED, HttpStatus.CONFLICT,
                "The person's whereabouts changed since you looked (version " + expected + ", now " + actual + ")",
                Map.of("version", actual));
    }

    static CustodyRefused wrongFacility(String location, String facility) {
        return new CustodyRefused(ErrorCode.LOCATION_IN_ANOTHER_FACILITY, HttpStatus.CONFLICT,
                "Location " + location + " is not in facility " + facility, Map.of());
    }

    static CustodyRefused timeOutOfOrder(String why) {
        return new CustodyRefused(ErrorCode.MOVEMENT_TIME_INVALID, HttpStatus.BAD_REQUEST, why,
                Map.of("fields", java.util.List.of("occurredAt")));
    }

    static CustodyRefused movementNotFound(java.util.UUID movement) {
        return new CustodyRefused(ErrorCode.MOVEMENT_NOT_FOUND, HttpStatus.NOT_FOUND,
                "The person has no movement " + movement, Map.of());
    }

    static CustodyRefused superseded(java.util.UUID movement, java.util.UUID correction) {
        return new CustodyRefused(ErrorCode.MOVEMENT_SUPERSEDED, HttpStatus.CONFLICT,
                "Movement " + movement + " was corrected already; correct its correction " + correction,
                Map.of("supersededBy", correction.toString()));
    }

    static CustodyRefused notLatest(java.util.UUID movement) {
        return new CustodyRefused(ErrorCode.CORRECTION_NOT_LATEST, HttpStatus.CONFLICT,
                "Only the person's latest movement can be corrected; movement " + movement + " has later ones",
                Map.of());
    }

    static CustodyRefused notCorrectable(String why) {
        return new CustodyRefused(ErrorCode.MOVEMENT_NOT_CORRECTABLE, HttpStatus.CONFLICT, why, Map.of());
    }

    static CustodyRefused byRecorder(String actor) {
        return new CustodyRefused(ErrorCode.CORRECTION_BY_RECORDER, HttpStatus.CONFLICT,
                actor + " recorded this entry (or the one it corrects); a correction is made by someone else",
                Map.of());
    }
}

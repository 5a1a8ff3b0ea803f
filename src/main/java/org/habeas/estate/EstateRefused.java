package org.habeas.estate;

import java.util.List;
import java.util.Map;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.springframework.http.HttpStatus;

/** Refusals of the estate module; each carries its own stable code. */
public class EstateRefused extends HabeasException {

    private final Map<String, Object> properties;

    EstateRefused(ErrorCode code, HttpStatus status, String detail) {
        this(code, status, detail, Map.of());
    }

    EstateRefused(ErrorCode code, HttpStatus status, String detail, Map<String, Object> properties) {
        super(code, status, detail);
        this.properties = properties;
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }

    static EstateRefused facilityCodeTaken(String code) {
        return new EstateRefused(ErrorCode.FACILITY_CODE_TAKEN, HttpStatus.CONFLICT,
                "The facility code " + code + " is already in use");
    }

    static EstateRefused locationNotFound(Object id) {
        return new EstateRefused(ErrorCode.LOCATION_NOT_FOUND, HttpStatus.NOT_FOUND, "No location " + id);
    }

    static EstateRefused expansionNotFound(Object id) {
        return new EstateRefused(ErrorCode.EXPANSION_NOT_FOUND, HttpStatus.NOT_FOUND, "No expansion project " + id);
    }

    static EstateRefused expansionNameTaken(String name) {
        return new EstateRefused(ErrorCode.EXPANSION_NAME_TAKEN, HttpStatus.CONFLICT,
                "This facility already has an expansion project named " + name);
    }

    static EstateRefused expansionStatus(ExpansionStatus from, ExpansionStatus to) {
        return new EstateRefused(ErrorCode.EXPANSION_STATUS_INVALID, HttpStatus.CONFLICT,
                "An expansion project that is " + from + " cannot become " + to);
    }

    static EstateRefused expansionOpen(String name) {
        return new EstateRefused(ErrorCode.EXPANSION_ALREADY_OPEN, HttpStatus.CONFLICT,
                "The expansion project " + name + " is open; its layout can no longer be imported into");
    }

    static EstateRefused notPlanned(String code, FacilityStatus status) {
        return new EstateRefused(ErrorCode.FACILITY_NOT_PLANNED, HttpStatus.CONFLICT,
                "Facility " + code + " is " + status + ": planned capacity is recorded for a planned facility only;"
                        + " an open facility's capacity is that of its cells");
    }

    static EstateRefused layoutInvalid(List<Layout.Error> errors) {
        return new EstateRefused(ErrorCode.LAYOUT_INVALID, HttpStatus.UNPROCESSABLE_CONTENT,
                errors.size() + " error(s) in the layout; nothing was written", Map.of("errors", errors));
    }

    static EstateRefused capacityExceeded(String pathKey, int population, int limit) {
        return new EstateRefused(ErrorCode.CAPACITY_EXCEEDED, HttpStatus.CONFLICT,
                "%s is at its operational capacity (%d of %d)".formatted(pathKey, population, limit),
                Map.of("location", pathKey, "population", population, "limit", limit));
    }

    static EstateRefused maximumExceeded(String pathKey, int population, int maximum) {
        return new EstateRefused(ErrorCode.MAXIMUM_CAPACITY_EXCEEDED, HttpStatus.CONFLICT,
                "%s is at its maximum capacity (%d of %d)".formatted(pathKey, population, maximum),
                Map.of("location", pathKey, "population", population, "limit", maximum));
    }

    static EstateRefused inactive(String pathKey, LocationStatus status) {
        return new EstateRefused(ErrorCode.LOCATION_INACTIVE, HttpStatus.CONFLICT,
                pathKey + " is " + status + " and holds nobody");
    }

    static EstateRefused empty(String pathKey) {
        return new EstateRefused(ErrorCode.LOCATION_EMPTY, HttpStatus.CONFLICT, pathKey + " holds nobody");
    }

    static EstateRefused occupied(String pathKey, long population) {
        return new EstateRefused(ErrorCode.LOCATION_OCCUPIED, HttpStatus.CONFLICT,
                "%s holds %d people; move them before taking it out of use".formatted(pathKey, population),
                Map.of("population", population));
    }

    static EstateRefused separationConflict(String pathKey, String other, String kind) {
        return new EstateRefused(ErrorCode.SEPARATION_POLICY_CONFLICT, HttpStatus.CONFLICT,
                "The designation of " + pathKey + " contradicts the " + kind + " designation of " + other
                        + "; a designation holds for everything below it", Map.of("conflictsWith", other,
                        "field", kind));
    }

    static EstateRefused changed(String pathKey, long expected, long actual) {
        return new EstateRefused(ErrorCode.LOCATION_CHANGED, HttpStatus.CONFLICT,
                "%s changed since version %d (now %d); reload it and try again".formatted(pathKey, expected, actual),
                Map.of("version", actual));
    }

    static EstateRefused notApplicable(String pathKey, LocationKind kind) {
        return new EstateRefused(ErrorCode.CAPACITY_NOT_APPLICABLE, HttpStatus.UNPROCESSABLE_CONTENT,
                pathKey + " is a " + kind + " and holds nobody; it has no capacity of its own");
    }

    static EstateRefused operationalAboveMaximum(int operational, int maximum) {
        return new EstateRefused(ErrorCode.OPERATIONAL_ABOVE_MAXIMUM, HttpStatus.UNPROCESSABLE_CONTENT,
                "Operational capacity %d is above maximum capacity %d".formatted(operational, maximum),
                Map.of("fields", List.of("operational", "maximum")));
    }

    static EstateRefused maximumBelowPopulation(int maximum, int population) {
        return new EstateRefused(ErrorCode.MAXIMUM_BELOW_POPULATION, HttpStatus.CONFLICT,
                "Maximum capacity %d is below the %d people held now".formatted(maximum, population),
                Map.of("fields", List.of("maximum"), "population", population));
    }

    static EstateRefused operationalBelowPopulation(int operational, int population) {
        return new EstateRefused(ErrorCode.OPERATIONAL_BELOW_POPULATION, HttpStatus.CONFLICT,
                "Operational capacity %d is below the %d people held now".formatted(operational, population),
                Map.of("fields", List.of("operational"), "population", population));
    }

    static EstateRefused overrideNotAbove(int capacity, int operational) {
        return new EstateRefused(ErrorCode.OVERRIDE_NOT_ABOVE_OPERATIONAL, HttpStatus.UNPROCESSABLE_CONTENT,
                "An override of %d is not above operational capacity %d".formatted(capacity, operational),
                Map.of("fields", List.of("capacity")));
    }

    static EstateRefused overrideAboveMaximum(int capacity, int maximum) {
        return new EstateRefused(ErrorCode.OVERRIDE_ABOVE_MAXIMUM, HttpStatus.UNPROCESSABLE_CONTENT,
                "An override of %d is above maximum capacity %d".formatted(capacity, maximum),
                Map.of("fields", List.of("capacity")));
    }

    static EstateRefused overrideExpiry(String why) {
        return new EstateRefused(ErrorCode.OVERRIDE_EXPIRY_INVALID, HttpStatus.UNPROCESSABLE_CONTENT, why,
                Map.of("fields", List.of("expiresAt")));
    }

    static EstateRefused notYetOpen(String pathKey) {
        return new EstateRefused(ErrorCode.EXPANSION_NOT_OPEN, HttpStatus.CONFLICT,
                pathKey + " belongs to an expansion project that has not opened; open the project instead");
    }

    static EstateRefused outOfScope(String code) {
        return new EstateRefused(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN,
                "You may only register facilities within your own facility scope, not " + code);
    }
}

package org.habeas.vetting;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A movement as the rules see it. Only the destination fields that fit the action are set: a cell for a
 * placement, a facility for a transfer, a country (ISO 3166-1 alpha-2) and authority for a removal or handover.
 *
 * @param facility the facility the person is held in now (facility scope and rules are per facility)
 */
public record VettingRequest(UUID person, MovementAction action, String facility, UUID fromLocation,
                             UUID toLocation, String toFacility, String toCountry, String toAuthority,
                             UUID agreement, Instant at) {

    public VettingRequest {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    /**
     * Names the movement an override may cover (REQ-53: one rule, one person, one movement): the action and its
     * destination, never just the person.
     */
    public String movementKey() {
        String to = toLocation != null ? "location:" + toLocation
                : toFacility != null ? "facility:" + toFacility
                : toCountry != null ? "country:" + toCountry + (toAuthority == null ? "" : "/" + toAuthority)
                : "none";
        return action + "->" + to;
    }
}

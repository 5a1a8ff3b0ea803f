package org.habeas.vetting;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A movement as the rules see it. Only the destination fields that fit the action are set: a cell for a
 * placement, a facility for a transfer, a country (ISO 3166-1 alpha-2) and authority for a removal or handover.
 *
 * @param facility the facility the person is held in now (facility scope and rules are per facility)
 * @param basis    the legal basis the movement names, if any: a release's authority (REQ-39), a removal's legal
 *                 basis (REQ-40, REQ-44), a temporary absence's production order or referral
 */
public record VettingRequest(UUID person, MovementAction action, String facility, UUID fromLocation,
                             UUID toLocation, String toFacility, String toCountry, String toAuthority,
                             UUID agreement, Instant at, Basis basis) {

    /**
     * What a movement rests on: its kind ({@code COURT_ORDER}, {@code END_OF_SENTENCE}, {@code ALIEN_ENEMIES_ACT} ...,
     * judged by the rules, which name the kinds they accept) and the document's reference as recorded.
     */
    public record Basis(String type, String reference) {
    }

    public VettingRequest {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
    }

    /** A movement that names no legal basis (a placement, a cell move). */
    public VettingRequest(UUID person, MovementAction action, String facility, UUID fromLocation, UUID toLocation,
                          String toFacility, String toCountry, String toAuthority, UUID agreement, Instant at) {
        this(person, action, facility, fromLocation, toLocation, toFacility, toCountry, toAuthority, agreement, at,
                null);
    }

    /** The basis's kind, or null when none was named. */
    public String basisType() {
        return basis == null ? null : basis.type();
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

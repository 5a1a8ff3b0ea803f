package org.habeas.vetting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.habeas.vetting.MovementAction;
import org.habeas.vetting.VettingRequest;

/** A movement described over the API, for a dry run or an override request. {@code at} defaults to now. */
record MovementRequest(@NotNull UUID personId,
                       @NotNull MovementAction action,
                       @Pattern(regexp = "[A-Z0-9-]{2,20}") String facility,
                       UUID fromLocation,
                       UUID toLocation,
                       @Pattern(regexp = "[A-Z0-9-]{2,20}") String toFacility,
                       @Pattern(regexp = "[A-Z]{2}") String toCountry,
                       @Size(max = 200) String toAuthority,
                       UUID agreementId,
                       Instant at,
                       @Valid BasisRequest basis) {

    /** The legal basis the movement names: its kind (COURT_ORDER, ALIEN_ENEMIES_ACT ...) and document. */
    record BasisRequest(@Pattern(regexp = "[A-Z_]{2,40}") String type, @Size(max = 300) String reference) {
    }

    VettingRequest toRequest(Clock clock) {
        return new VettingRequest(personId, action, facility, fromLocation, toLocation, toFacility, toCountry,
                toAuthority, agreementId, at == null ? clock.instant() : at,
                basis == null ? null : new VettingRequest.Basis(basis.type(), basis.reference()));
    }
}

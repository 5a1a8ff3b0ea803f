package org.habeas.vetting.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.access.HabeasUser;
import org.habeas.common.Idempotency;
import org.habeas.vetting.MovementOverride;
import org.habeas.vetting.NewOverride;
import org.habeas.vetting.OverrideStatus;
import org.habeas.vetting.VettingService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-person overrides (REQ-53): an officer requests, a different person with the rule's approver role (SUPERVISOR,
 * or LEGAL for legal holds) approves or refuses; inspectors read them all.
 */
@RestController
@RequestMapping("/api/overrides")
@Validated
class OverrideController {

    private final VettingService vetting;
    private final Idempotency idempotency;
    private final Clock clock;

    OverrideController(VettingService vetting, Idempotency idempotency, Clock clock) {
        this.vetting = vetting;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record OverrideRequest(@NotNull @Valid MovementRequest movement,
                           @NotBlank @Size(max = 100) String rule,
                           @NotBlank @Size(max = 1000) String reason,
                           @NotBlank @Size(max = 1000) String legalBasis,
                           @NotNull Instant expiresAt) {
    }

    record DecisionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR')")
    ResponseEntity<MovementOverride> request(@Valid @RequestBody OverrideRequest request,
                                             @AuthenticationPrincipal HabeasUser user,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/overrides", request, MovementOverride.class, () -> {
            MovementOverride created = vetting.requestOverride(new NewOverride(request.movement().toRequest(clock),
                    request.rule(), request.reason(), request.legalBasis(), request.expiresAt()), user);
            return ResponseEntity.created(URI.create("/api/overrides/" + created.id())).body(created);
        });
    }

    // Not ADMIN: an override names where a person is to go and why they are kept apart, which the custody readers
    // see and the technical administrator does not.
    @GetMapping
    @PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL','INSPECTOR','DIRECTOR')")
    List<MovementOverride> list(@RequestParam(required = false) OverrideStatus status,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return vetting.overrides(status, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('INTAKE','HOUSING','SUPERVISOR','LEGAL','INSPECTOR','DIRECTOR')")
    MovementOverride one(@PathVariable UUID id) {
        return vetting.override(id);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL')")
    MovementOverride approve(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request,
                             @AuthenticationPrincipal HabeasUser user) {
        return vetting.approve(id, request.reason(), user);
    }

    @PostMapping("/{id}/refuse")
    @PreAuthorize("hasAnyRole('SUPERVISOR','LEGAL')")
    MovementOverride refuse(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request,
                            @AuthenticationPrincipal HabeasUser user) {
        return vetting.refuse(id, request.reason(), user);
    }
}

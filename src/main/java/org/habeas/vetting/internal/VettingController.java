package org.habeas.vetting.internal;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.habeas.vetting.VettingService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dry runs: the decision a movement would get now, with every rule's reason, before anyone submits it. Nothing is
 * written and no override is used. For the people who move others, and for the approvers who weigh overrides.
 */
@RestController
@RequestMapping("/api/vetting")
@PreAuthorize("hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR')")
@Validated
class VettingController {

    private final VettingService vetting;
    private final Clock clock;

    VettingController(VettingService vetting, Clock clock) {
        this.vetting = vetting;
        this.clock = clock;
    }

    @PostMapping("/decisions")
    DecisionResponse dryRun(@Valid @RequestBody MovementRequest movement) {
        return DecisionResponse.from(vetting.dryRun(movement.toRequest(clock)));
    }

    /** Up to 500 movements at once, e.g. every line of a manifest. */
    @PostMapping("/decisions/batch")
    List<DecisionResponse> dryRunAll(@RequestBody @NotEmpty @Size(max = 500) List<@Valid MovementRequest> movements) {
        return vetting.dryRun(movements.stream().map(m -> m.toRequest(clock)).toList()).stream()
                .map(DecisionResponse::from).toList();
    }

    @GetMapping("/rules")
    List<String> rules() {
        return vetting.ruleNames();
    }
}

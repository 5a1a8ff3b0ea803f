package org.habeas.legal.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.common.Idempotency;
import org.habeas.legal.DetentionAuthorities;
import org.habeas.legal.DetentionAuthority;
import org.habeas.legal.DetentionStanding;
import org.habeas.legal.NewDetentionAuthority;
import org.habeas.legal.NewReturnCase;
import org.habeas.legal.PersonAuthorities;
import org.habeas.legal.ReturnCase;
import org.habeas.legal.ReturnCaseClosure;
import org.habeas.legal.ReturnCaseStep;
import org.habeas.legal.ReturnCases;
import org.habeas.people.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return cases (REQ-45) and detention authority documents (REQ-02) over the API. Legal officers open cases, add
 * their steps, close them and record documents; supervisors, directors and inspectors read them. The list of
 * detentions due is for legal officers, inspectors and directors. Facility scope applies through the person and
 * the case's facility. Opening a case, adding a step and recording a document accept an {@code Idempotency-Key}:
 * a retried step is not recorded twice.
 */
@RestController
class ReturnCaseController {

    static final String READERS = LegalController.READERS;
    static final String ENTERS = LegalController.ENTERS;
    static final String DUE_READERS = "hasAnyRole('LEGAL','INSPECTOR','DIRECTOR')";

    private final ReturnCases cases;
    private final DetentionAuthorities authorities;
    private final Idempotency idempotency;

    ReturnCaseController(ReturnCases cases, DetentionAuthorities authorities, Idempotency idempotency) {
        this.cases = cases;
        this.authorities = authorities;
        this.idempotency = idempotency;
    }

    record OpenRequest(@NotNull UUID personId, UUID orderId, @NotBlank @Size(max = 10) String country,
                       @NotBlank @Size(max = 4000) String grounds) {

        NewReturnCase toCommand() {
            return new NewReturnCase(new PersonId(personId), orderId, country, grounds);
        }
    }

    record StepRequest(@NotNull ReturnCase.Step.Kind kind, @NotNull Instant happenedAt,
                       @NotBlank @Size(max = 4000) String summary) {

        ReturnCaseStep toCommand(UUID id) {
            return new ReturnCaseStep(id, kind, happenedAt, summary);
        }
    }

    record CloseRequest(@NotNull ReturnCase.Status status, @Size(max = 300) String reference,
                        @NotBlank @Size(max = 4000) String summary) {

        ReturnCaseClosure toCommand(UUID id) {
            return new ReturnCaseClosure(id, status, reference, summary);
        }
    }

    record AuthorityRequest(@NotNull DetentionAuthority.Type type, @NotBlank @Size(max = 300) String issuedBy,
                            @NotNull LocalDate issuedOn, @NotBlank @Size(max = 300) String documentReference,
                            LocalDate validUntil, @NotNull LocalDate reviewDue) {

        NewDetentionAuthority toCommand(UUID person) {
            return new NewDetentionAuthority(new PersonId(person), type, issuedBy, issuedOn, documentReference,
                    validUntil, reviewDue);
        }
    }

    // ---- return cases

    @PostMapping("/api/return-cases")
    @PreAuthorize(ENTERS)
    ResponseEntity<ReturnCase> open(@Valid @RequestBody OpenRequest request,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/return-cases", request, ReturnCase.class, () -> {
            ReturnCase opened = cases.open(request.toCommand());
            return ResponseEntity.created(URI.create("/api/return-cases/" + opened.id())).body(opened);
        });
    }

    @GetMapping("/api/return-cases")
    @PreAuthorize(READERS)
    List<ReturnCase> list(@RequestParam(required = false) ReturnCase.Status status) {
        return cases.cases(status);
    }

    @GetMapping("/api/return-cases/{id}")
    @PreAuthorize(READERS)
    ReturnCase returnCase(@PathVariable UUID id) {
        return cases.returnCase(id);
    }

    @PostMapping("/api/return-cases/{id}/steps")
    @PreAuthorize(ENTERS)
    ResponseEntity<ReturnCase> addStep(@PathVariable UUID id, @Valid @RequestBody StepRequest request,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/return-cases/" + id + "/steps", request, ReturnCase.class,
                () -> ResponseEntity.status(201).body(cases.addStep(request.toCommand(id))));
    }

    @PostMapping("/api/return-cases/{id}/close")
    @PreAuthorize(ENTERS)
    ReturnCase close(@PathVariable UUID id, @Valid @RequestBody CloseRequest request) {
        return cases.close(request.toCommand(id));
    }

    // ---- detention authorities

    @PostMapping("/api/people/{personId}/authorities")
    @PreAuthorize(ENTERS)
    ResponseEntity<DetentionAuthority> record(@PathVariable UUID personId,
                                              @Valid @RequestBody AuthorityRequest request,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/people/" + personId + "/authorities", request,
                DetentionAuthority.class,
                () -> ResponseEntity.status(201).body(authorities.record(request.toCommand(personId))));
    }

    @GetMapping("/api/people/{personId}/authorities")
    @PreAuthorize(READERS)
    PersonAuthorities authorities(@PathVariable UUID personId) {
        return authorities.of(new PersonId(personId));
    }

    @GetMapping("/api/legal/authorities-due")
    @PreAuthorize(DUE_READERS)
    List<DetentionStanding> due() {
        return authorities.due();
    }
}

package org.habeas.custody.internal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.habeas.common.ErrorCode;
import org.habeas.common.Idempotency;
import org.habeas.common.NotFound;
import org.habeas.custody.AdmissionResult;
import org.habeas.custody.Admitted;
import org.habeas.custody.Corrected;
import org.habeas.custody.CustodyPageParts;
import org.habeas.custody.CustodyService;
import org.habeas.custody.Episode;
import org.habeas.custody.Movement;
import org.habeas.custody.Moved;
import org.habeas.custody.Whereabouts;
import org.habeas.custody.internal.CustodyRequests.AdmitRequest;
import org.habeas.custody.internal.CustodyRequests.BulkAdmitLine;
import org.habeas.custody.internal.CustodyRequests.CorrectionRequest;
import org.habeas.custody.internal.CustodyRequests.MoveRequest;
import org.habeas.people.PersonId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.annotation.Validated;

/**
 * Admission, movements and whereabouts. Intake officers admit; intake, housing officers and supervisors
 * record movements; supervisors correct the ledger; everyone who works with people held reads, within facility
 * scope. Sending agencies do not.
 */
@RestController
@Validated
class CustodyController {

    private final CustodyService custody;
    private final Idempotency idempotency;

    CustodyController(CustodyService custody, Idempotency idempotency) {
        this.custody = custody;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/people/{personId}/custody")
    @PreAuthorize("hasRole('INTAKE')")
    ResponseEntity<Admitted> admit(@PathVariable UUID personId, @Valid @RequestBody AdmitRequest request,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/people/" + personId + "/custody", request, Admitted.class, () -> {
            Admitted admitted = custody.admit(request.toAdmission(new PersonId(personId)));
            return ResponseEntity.created(URI.create("/api/people/%s/custody/%s".formatted(personId,
                    admitted.episode().id()))).body(admitted);
        });
    }

    /** Many admissions in one call; one result per line, each person all-or-nothing. Up to 1,000 lines. */
    @PostMapping("/api/custody/admissions")
    @PreAuthorize("hasRole('INTAKE')")
    ResponseEntity<AdmissionResults> admitAll(@RequestBody @Valid @NotEmpty @Size(max = 1000)
                                              List<@Valid BulkAdmitLine> lines,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/custody/admissions", lines, AdmissionResults.class, () ->
                ResponseEntity.ok(new AdmissionResults(custody.admitAll(lines.stream()
                        .map(l -> l.admission().toAdmission(new PersonId(l.personId()))).toList()))));
    }

    record AdmissionResults(List<AdmissionResult> results) {
    }

    @GetMapping("/api/people/{personId}/custody")
    @PreAuthorize(CustodyPageParts.READERS)
    List<Episode> episodes(@PathVariable UUID personId) {
        return custody.episodes(new PersonId(personId));
    }

    @GetMapping("/api/people/{personId}/whereabouts")
    @PreAuthorize(CustodyPageParts.READERS)
    Whereabouts whereabouts(@PathVariable UUID personId) {
        return custody.whereabouts(new PersonId(personId))
                .orElseThrow(() -> new NotFound(ErrorCode.NOT_IN_CUSTODY, "Person " + personId + " is not in custody"));
    }

    @GetMapping("/api/people/{personId}/movements")
    @PreAuthorize(CustodyPageParts.READERS)
    List<Movement> ledger(@PathVariable UUID personId) {
        return custody.ledger(new PersonId(personId));
    }

    @PostMapping("/api/people/{personId}/movements")
    @PreAuthorize("hasAnyRole('INTAKE','HOUSING','SUPERVISOR')")
    ResponseEntity<Moved> move(@PathVariable UUID personId, @Valid @RequestBody MoveRequest request,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return idempotency.run(key, "POST /api/people/" + personId + "/movements", request, Moved.class, () -> {
            Moved moved = custody.move(request.toCommand(new PersonId(personId)));
            return ResponseEntity.created(URI.create("/api/people/%s/movements/%s".formatted(personId,
                    moved.movement().id()))).body(moved);
        });
    }

    /**
     * Corrects an entry of the ledger (invariant 5): a new CORRECTED entry names it and says why; the entry stays as
     * recorded. Supervisors only, and never the officer who recorded it (CustodyService.correct says what else).
     */
    @PostMapping("/api/people/{personId}/movements/{movementId}/corrections")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Corrected> correct(@PathVariable UUID personId, @PathVariable UUID movementId,
                                      @Valid @RequestBody CorrectionRequest request,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        String route = "POST /api/people/" + personId + "/movements/" + movementId + "/corrections";
        return idempotency.run(key, route, request, Corrected.class, () -> {
            Corrected corrected = custody.correct(request.toCommand(new PersonId(personId), movementId));
            return ResponseEntity.created(URI.create("/api/people/%s/movements/%s".formatted(personId,
                    corrected.correction().id()))).body(corrected);
        });
    }
}

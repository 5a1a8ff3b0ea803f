package org.habeas.rights.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.people.PersonId;
import org.habeas.rights.ConsularCommunication;
import org.habeas.rights.ConsularNotification;
import org.habeas.rights.ConsularRecord;
import org.habeas.rights.ConsularService;
import org.habeas.rights.MandatoryCountry;
import org.habeas.rights.NewConsularNotification;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consular notification over the API: intake and legal officers record the facts and the notifications; legal
 * officers and supervisors review the held ones (REQ-34); administrators keep the mandatory-notification list.
 */
@RestController
class ConsularController {

    static final String READERS = "hasAnyRole('INTAKE','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    static final String RECORDERS = "hasAnyRole('INTAKE','LEGAL')";
    static final String REVIEWERS = "hasAnyRole('LEGAL','SUPERVISOR')";

    private final ConsularService consular;

    ConsularController(ConsularService consular) {
        this.consular = consular;
    }

    record RightsToldRequest(Instant at, @Size(max = 50) String language) {
    }

    record RequestedRequest(@NotNull Boolean requested) {
    }

    record NotificationRequest(@NotBlank @Size(max = 10) String country, @NotBlank @Size(max = 300) String post,
                               @NotNull ConsularNotification.Method method, Instant at) {
    }

    record CommunicationRequest(@NotNull ConsularCommunication.Kind kind, @NotBlank @Size(max = 10) String country,
                                @Size(max = 300) String post, Instant at, @Size(max = 2000) String note) {
    }

    record ReviewRequest(@NotNull Boolean send, @NotBlank @Size(max = 2000) String reason) {
    }

    record MandatoryCountryRequest(@NotBlank @Size(max = 10) String country, @NotNull LocalDate effectiveFrom,
                                   LocalDate effectiveTo, @NotBlank @Size(max = 1000) String citation) {
    }

    @GetMapping("/api/people/{personId}/consular")
    @PreAuthorize(READERS)
    ConsularRecord record(@PathVariable UUID personId) {
        return consular.record(new PersonId(personId));
    }

    @PostMapping("/api/people/{personId}/consular/rights-told")
    @PreAuthorize(RECORDERS)
    ConsularRecord rightsTold(@PathVariable UUID personId, @Valid @RequestBody RightsToldRequest request) {
        return consular.recordRightsTold(new PersonId(personId), request.at(), request.language());
    }

    @PostMapping("/api/people/{personId}/consular/request")
    @PreAuthorize(RECORDERS)
    ConsularRecord requested(@PathVariable UUID personId, @Valid @RequestBody RequestedRequest request) {
        return consular.recordRequest(new PersonId(personId), request.requested());
    }

    @PostMapping("/api/people/{personId}/consular/notifications")
    @PreAuthorize(RECORDERS)
    ResponseEntity<ConsularNotification> notify(@PathVariable UUID personId,
                                                @Valid @RequestBody NotificationRequest request) {
        var notification = consular.notify(new NewConsularNotification(new PersonId(personId), request.country(),
                request.post(), request.method(), request.at()));
        return ResponseEntity.created(URI.create("/api/people/%s/consular".formatted(personId))).body(notification);
    }

    @PostMapping("/api/people/{personId}/consular/communications")
    @PreAuthorize(RECORDERS)
    ResponseEntity<ConsularRecord> communication(@PathVariable UUID personId,
                                                 @Valid @RequestBody CommunicationRequest request) {
        return ResponseEntity.status(201).body(consular.recordCommunication(new PersonId(personId), request.kind(),
                request.country(), request.post(), request.at(), request.note()));
    }

    @GetMapping("/api/consular/held")
    @PreAuthorize(REVIEWERS)
    List<ConsularNotification> held() {
        return consular.held();
    }

    @PostMapping("/api/consular/notifications/{id}/review")
    @PreAuthorize(REVIEWERS)
    ConsularNotification review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest request) {
        return consular.review(id, request.send(), request.reason());
    }

    @GetMapping("/api/consular/mandatory-countries")
    @PreAuthorize("hasAnyRole('ADMIN','INTAKE','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')")
    List<MandatoryCountry> mandatoryCountries() {
        return consular.mandatoryCountries();
    }

    @PostMapping("/api/consular/mandatory-countries")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<MandatoryCountry> recordMandatoryCountry(@Valid @RequestBody MandatoryCountryRequest request) {
        return ResponseEntity.status(201).body(consular.recordMandatoryCountry(request.country(),
                request.effectiveFrom(), request.effectiveTo(), request.citation()));
    }
}

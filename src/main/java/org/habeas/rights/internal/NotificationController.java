package org.habeas.rights.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.habeas.people.PersonId;
import org.habeas.rights.HealthReport;
import org.habeas.rights.NewAttempt;
import org.habeas.rights.NewContact;
import org.habeas.rights.NotificationAttempt;
import org.habeas.rights.NotificationTask;
import org.habeas.rights.OverdueDuties;
import org.habeas.rights.Occasion;
import org.habeas.rights.PersonContact;
import org.habeas.rights.RightsService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification duties over the API: the officers who deal with the person (intake, housing, legal, supervisors)
 * record contacts, health reports and attempts; directors and inspectors read the lists, overdue ones included.
 */
@RestController
class NotificationController {

    static final String READERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    static final String RECORDERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR')";

    private final RightsService rights;

    NotificationController(RightsService rights) {
        this.rights = rights;
    }

    record ContactRequest(@NotNull PersonContact.Kind kind, @NotBlank @Size(max = 300) String name,
                          @Size(max = 100) String relation, @Size(max = 50) String phone,
                          @Email @Size(max = 300) String email, @Size(max = 1000) String address,
                          Boolean tellOfIllness) {

        NewContact toCommand(UUID person) {
            return new NewContact(new PersonId(person), kind, name, relation, phone, email, address, tellOfIllness);
        }
    }

    record ConsentRequest(@NotNull Boolean tellOfIllness, @NotBlank @Size(max = 2000) String reason) {
    }

    record HealthRequest(@NotNull Occasion occasion, Instant at) {
    }

    record AttemptRequest(@NotNull NotificationAttempt.Method method, @NotNull Boolean delivered, Instant at,
                          @Size(max = 2000) String note) {
    }

    @GetMapping("/api/people/{personId}/contacts")
    @PreAuthorize(READERS)
    List<PersonContact> contacts(@PathVariable UUID personId) {
        return rights.contacts(new PersonId(personId));
    }

    @PostMapping("/api/people/{personId}/contacts")
    @PreAuthorize(RECORDERS)
    ResponseEntity<PersonContact> addContact(@PathVariable UUID personId,
                                             @Valid @RequestBody ContactRequest request) {
        PersonContact contact = rights.addContact(request.toCommand(personId));
        return ResponseEntity.created(URI.create("/api/people/%s/contacts/%s".formatted(personId, contact.id())))
                .body(contact);
    }

    @PostMapping("/api/people/{personId}/contacts/{contactId}/consent")
    @PreAuthorize(RECORDERS)
    PersonContact changeConsent(@PathVariable UUID personId, @PathVariable UUID contactId,
                                @Valid @RequestBody ConsentRequest request) {
        return rights.changeConsent(new PersonId(personId), contactId, request.tellOfIllness(), request.reason());
    }

    @GetMapping("/api/people/{personId}/notifications")
    @PreAuthorize(READERS)
    List<NotificationTask> tasksOf(@PathVariable UUID personId) {
        return rights.tasksOf(new PersonId(personId));
    }

    @PostMapping("/api/people/{personId}/health-reports")
    @PreAuthorize(RECORDERS)
    ResponseEntity<List<NotificationTask>> reportHealth(@PathVariable UUID personId,
                                                        @Valid @RequestBody HealthRequest request) {
        return ResponseEntity.status(201).body(rights.reportHealth(new HealthReport(new PersonId(personId),
                request.occasion(), request.at())));
    }

    /** A facility's tasks: {@code state} DUE (default), OVERDUE or DONE. */
    /** The facilities with overdue duties, in the reader's scope, the longest overdue first. */
    @GetMapping("/api/notifications/overdue")
    @PreAuthorize(READERS)
    List<OverdueDuties> overdue() {
        return rights.overdue();
    }

    @GetMapping("/api/notifications")
    @PreAuthorize(READERS)
    List<NotificationTask> tasks(@RequestParam String facility,
                                 @RequestParam(defaultValue = "DUE") NotificationTask.State state) {
        return rights.tasks(facility, state);
    }

    @PostMapping("/api/notifications/{taskId}/attempts")
    @PreAuthorize(RECORDERS)
    ResponseEntity<NotificationTask> recordAttempt(@PathVariable UUID taskId,
                                                   @Valid @RequestBody AttemptRequest request) {
        return ResponseEntity.status(201).body(rights.recordAttempt(new NewAttempt(taskId, request.at(),
                request.method(), request.delivered(), request.note())));
    }
}

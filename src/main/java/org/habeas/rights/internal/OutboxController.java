package org.habeas.rights.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.habeas.rights.EventOutbox;
import org.habeas.rights.EventPublicationView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outbox's incomplete publications for administrators, and their resubmission. */
@RestController
@RequestMapping("/api/admin/events")
@PreAuthorize("hasRole('ADMIN')")
class OutboxController {

    private final EventOutbox outbox;

    OutboxController(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<EventPublicationView> incomplete() {
        return outbox.incomplete();
    }

    @PostMapping("/{publicationId}/resubmit")
    ResponseEntity<Void> resubmit(@PathVariable UUID publicationId) {
        outbox.resubmit(publicationId);
        return ResponseEntity.accepted().build();
    }

    /** Resubmits every incomplete publication, however recent. */
    @PostMapping("/resubmit")
    ResponseEntity<Void> resubmitAll() {
        outbox.resubmitAll(Duration.ZERO);
        return ResponseEntity.accepted().build();
    }
}

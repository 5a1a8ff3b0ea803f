package org.habeas.audit;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.habeas.common.Page;
import org.habeas.common.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The journal for oversight: list with filters, and verify the chain and its signatures (REQ-50, REQ-51). */
@RestController
@RequestMapping("/api/journal")
@PreAuthorize("hasAnyRole('INSPECTOR','ADMIN')")
class JournalController {

    private final Journal journal;

    JournalController(Journal journal) {
        this.journal = journal;
    }

    /** Newest first. {@code from} and {@code to} are ISO-8601 instants; {@code to} is exclusive. */
    @GetMapping
    Page<JournalRecord> search(@RequestParam(required = false) @Size(max = 100) String subjectType,
                               @RequestParam(required = false) @Size(max = 200) String subjectId,
                               @RequestParam(required = false) @Size(max = 200) String actor,
                               @RequestParam(required = false) @Size(max = 64) String action,
                               @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return journal.search(new JournalQuery(subjectType, subjectId, actor, action, from, to),
                new PageRequest(page, size));
    }

    /** Runs a full verification now; 200 whether the journal is intact or not, the body says which. */
    @GetMapping("/verify")
    Verification verify() {
        return journal.verify();
    }
}

package org.habeas.rights;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.rights.internal.RightsRepository;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as administrators see it (docs/decisions/0010): the event publications whose listener has not completed
 * (failed, or never run because the process stopped), and their resubmission. Resubmitting runs the listener again
 * on its own thread; the listeners act once per event, so resubmitting one that did complete meanwhile is harmless.
 */
@Service
public class EventOutbox {

    private final RightsRepository repository;
    private final IncompleteEventPublications incomplete;
    private final Journal journal;

    EventOutbox(RightsRepository repository, IncompleteEventPublications incomplete, Journal journal) {
        this.repository = repository;
        this.incomplete = incomplete;
        this.journal = journal;
    }

    /** The incomplete publications, oldest first. */
    @Transactional(readOnly = true)
    public List<EventPublicationView> incomplete() {
        return repository.incompletePublications(RightsService.LIST_LIMIT);
    }

    /** Resubmits one incomplete publication; EVENT_PUBLICATION_NOT_FOUND when there is none (or it completed). */
    public void resubmit(UUID publication) {
        if (!repository.publicationIncomplete(publication)) {
            throw RightsRefused.publicationNotFound(publication);
        }
        journal.append(JournalEntry.of("EVENT_PUBLICATION_RESUBMITTED", "event-publication", publication.toString()));
        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));
    }

    /** Resubmits every incomplete publication older than {@code age}; the scheduled retry and the admin's "all". */
    public void resubmitOlderThan(Duration age) {
        incomplete.resubmitIncompletePublicationsOlderThan(age);
    }

    /** What the journal keeps of a resubmission of everything. */
    public void resubmitAll(Duration age) {
        journal.append(JournalEntry.of("EVENT_PUBLICATIONS_RESUBMITTED", "event-publication", "*")
                .withDetails(Map.of("olderThan", age.toString())));
        resubmitOlderThan(age);
    }
}

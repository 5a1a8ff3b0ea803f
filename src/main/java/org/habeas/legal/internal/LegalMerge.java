package org.habeas.legal.internal;

import java.time.Clock;

import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.stereotype.Component;

/**
 * When duplicate B is merged into A, B's orders, holds, fear claims, return cases, detention authorities and
 * residences become A's: a protection order recorded on a duplicate must protect the person (REQ-41). B's reviews
 * and notices stay on B: they were made on a record that was incomplete, so a removal of A needs its own (REQ-56);
 * A's record changed with the merge, so A's own reviews are overtaken too.
 */
@Component
class LegalMerge implements PersonReferences {

    private final LegalRepository repository;
    private final Clock clock;

    LegalMerge(LegalRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "legal";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        int moved = repository.repoint(duplicate.value(), survivor.value());
        if (moved > 0) {
            repository.recordChanged(survivor.value(), clock.instant());
        }
        return moved;
    }
}

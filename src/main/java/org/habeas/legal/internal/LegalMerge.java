package org.habeas.legal.internal;

import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.stereotype.Component;

/**
 * When duplicate B is merged into A, B's orders, holds, fear claims, return cases, detention authorities and
 * residences become A's: a protection order recorded on a duplicate must protect the person (REQ-41). B's reviews
 * and notices stay on B: they were made on a record that was incomplete, so a removal of A needs its own (REQ-56).
 */
@Component
class LegalMerge implements PersonReferences {

    private final LegalRepository repository;

    LegalMerge(LegalRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "legal";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        return repository.repoint(duplicate.value(), survivor.value());
    }
}

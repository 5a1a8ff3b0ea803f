package org.habeas.rights.internal;

import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.stereotype.Component;

/**
 * When duplicate B is merged into A, B's contacts, notification duties and consular notifications become A's: a
 * duty owed on a duplicate is still owed to the person's family (REQ-30). The consular facts are folded, A's first.
 */
@Component
class RightsMerge implements PersonReferences {

    private final RightsRepository repository;

    RightsMerge(RightsRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "rights";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        return repository.repoint(duplicate.value(), survivor.value());
    }
}

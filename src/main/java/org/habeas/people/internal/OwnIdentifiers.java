package org.habeas.people.internal;

import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.stereotype.Component;

/** The people module's own rows that follow a merge: aliases, nationalities, documents, languages. */
@Component
class OwnIdentifiers implements PersonReferences {

    private final PeopleRepository repository;

    OwnIdentifiers(PeopleRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "people.identifiers";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        return repository.repointIdentifiers(duplicate, survivor);
    }
}

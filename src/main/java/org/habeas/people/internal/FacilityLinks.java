package org.habeas.people.internal;

import org.habeas.people.PersonId;
import org.habeas.people.PersonReferences;
import org.springframework.stereotype.Component;

/**
 * Where a merged duplicate was held becomes where the survivor was held, so facility scope still shows the
 * survivor to the officers who saw the duplicate.
 */
@Component
class FacilityLinks implements PersonReferences {

    private final PeopleRepository repository;

    FacilityLinks(PeopleRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return "people.facilities";
    }

    @Override
    public int repoint(PersonId duplicate, PersonId survivor) {
        return repository.repointFacilities(duplicate, survivor);
    }
}

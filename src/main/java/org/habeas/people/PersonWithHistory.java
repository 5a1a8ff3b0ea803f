package org.habeas.people;

import java.util.List;

/**
 * A record and its revisions, oldest first, read together for the person page, which shows both and journals one
 * READ for them ({@link PeopleService#personWithHistory}).
 */
public record PersonWithHistory(Person person, List<PersonRevision> history) {

    public PersonWithHistory {
        history = List.copyOf(history);
    }
}

package org.habeas.rights;

import java.util.Objects;

import org.habeas.people.PersonId;

/** Records a contact of {@code person}; {@code tellOfIllness} null means yes. */
public record NewContact(PersonId person, PersonContact.Kind kind, String name, String relation, String phone,
                         String email, String address, Boolean tellOfIllness) {

    public NewContact {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(kind, "kind");
    }
}

package org.habeas.legal;

import java.util.Objects;
import java.util.UUID;

import org.habeas.people.PersonId;

/** The command to open a return case; {@code order} (the court's order to facilitate return) is optional. */
public record NewReturnCase(PersonId person, UUID order, String country, String grounds) {

    public NewReturnCase {
        Objects.requireNonNull(person, "person");
    }
}

package org.habeas.people;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The system id of a person record; the human one is the register number. */
public record PersonId(@JsonValue UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static PersonId of(UUID value) {
        return new PersonId(value);
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

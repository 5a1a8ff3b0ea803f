package org.habeas.transfer;

import java.time.LocalDate;

import org.habeas.people.RecordedSex;

/** Identity data the sender gives for someone not yet on the register; the person is registered on arrival. */
public record NewArrival(String givenNames, String firstFamilyName, String secondFamilyName, LocalDate birthDate,
                         String nationality, RecordedSex recordedSex) {

    public String fullName() {
        return String.join(" ", java.util.stream.Stream.of(givenNames, firstFamilyName, secondFamilyName)
                .filter(p -> p != null && !p.isBlank()).toList());
    }
}

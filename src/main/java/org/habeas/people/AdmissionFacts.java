package org.habeas.people;

/**
 * What custody needs to know of a person to admit them: the recorded sex and the birth, for the separation
 * category and the juvenile classification at admission (REQ-20, REQ-21). Read for a whole batch at once by
 * {@link PeopleService#admissionFacts}; only of records that exist, are not merged and the reader may see.
 */
public record AdmissionFacts(PersonId id, RecordedSex recordedSex, Birth birth) {
}

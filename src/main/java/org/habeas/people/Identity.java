package org.habeas.people;

import static org.habeas.common.Text.blankToNull;

import java.util.List;

/**
 * Everything Habeas records about who a person is (REQ-08a, REQ-11, REQ-33): the content of a registration and
 * of each revision. Lists are never null.
 */
public record Identity(PersonName name, List<Alias> aliases, Birth birth, String birthPlace, RecordedSex recordedSex,
                       String genderIdentity, List<Nationality> nationalities, List<IdentityDocument> documents,
                       List<String> languages, boolean interpreterNeeded, IdentityStatus status, String statusNote) {

    public Identity {
        name = name == null ? new PersonName(null, null, null, null) : name;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        birth = birth == null ? Birth.unknown(null) : birth;
        recordedSex = recordedSex == null ? RecordedSex.UNKNOWN : recordedSex;
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        documents = documents == null ? List.of() : List.copyOf(documents);
        languages = languages == null ? List.of() : List.copyOf(languages);
        status = status == null ? IdentityStatus.UNVERIFIED : status;
        // Blank is no value: a correction clears a text with "" (its null means "unchanged").
        birthPlace = blankToNull(birthPlace);
        genderIdentity = blankToNull(genderIdentity);
        statusNote = blankToNull(statusNote);
    }
}

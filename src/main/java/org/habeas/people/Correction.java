package org.habeas.people;

import java.util.List;
import java.util.Objects;

/**
 * An append-only correction (REQ-06): every part left null stays as it is; an empty text clears
 * it; a list given replaces the list.
 * {@code expectedRevision}, when given, must be the current revision, so two officers correcting at once cannot
 * silently overwrite each other.
 */
public record Correction(PersonId person, String reason, Integer expectedRevision, PersonName name,
                         List<Alias> aliases, Birth birth, String birthPlace, RecordedSex recordedSex,
                         String genderIdentity, List<Nationality> nationalities, List<IdentityDocument> documents,
                         List<String> languages, Boolean interpreterNeeded, IdentityStatus status,
                         String statusNote) {

    public Correction {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(reason, "reason");
    }

    Identity applyTo(Identity current) {
        return new Identity(name != null ? name : current.name(), aliases != null ? aliases : current.aliases(),
                birth != null ? birth : current.birth(), birthPlace != null ? birthPlace : current.birthPlace(),
                recordedSex != null ? recordedSex : current.recordedSex(),
                genderIdentity != null ? genderIdentity : current.genderIdentity(),
                nationalities != null ? nationalities : current.nationalities(),
                documents != null ? documents : current.documents(),
                languages != null ? languages : current.languages(),
                interpreterNeeded != null ? interpreterNeeded : current.interpreterNeeded(),
                status != null ? status : current.status(), statusNote != null ? statusNote : current.statusNote());
    }
}

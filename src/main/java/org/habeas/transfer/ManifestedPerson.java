package org.habeas.transfer;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One person as a sending agency may follow them: who (the register's name and number, birth date, nationalities),
 * whether custody holds them and at which facility (never a cell: an agency is told no more than the public locator
 * would be), and every line of the reader's manifests that carried them, with its vetting and arrival.
 */
public record ManifestedPerson(UUID person, String registerNumber, String name, LocalDate birthDate,
                               List<String> nationalities, String heldAt, List<Carried> lines) {

    /** A line of a manifest that named the person or, on arrival, registered them. */
    public record Carried(UUID manifest, String journey, ManifestDirection direction, ManifestStatus status,
                          int version, String ref, LineVetting.Status vetting, boolean arrived) {
    }
}

package org.habeas.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A manifest as submitted: its particulars, the lines that travel and the ordered alternates. */
public record NewManifest(ManifestDirection direction, UUID agreement, String carrier, String journey, String origin,
                         String destinationFacility, String destinationAuthority, String destinationCountry,
                         Instant scheduledAt, String sendingAgency, List<LineDraft> lines,
                         List<LineDraft> alternates) {

    public NewManifest {
        lines = lines == null ? List.of() : List.copyOf(lines);
        alternates = alternates == null ? List.of() : List.copyOf(alternates);
    }
}

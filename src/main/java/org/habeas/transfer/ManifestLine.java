package org.habeas.transfer;

import java.util.UUID;

/** A line of one manifest version, as vetted when the version was made. An alternate has a rank and does not travel. */
public record ManifestLine(int position, String ref, Integer alternateRank, UUID person, NewArrival identity,
                           String category, String basisType, String basisReference, LineVetting vetting) {

    public boolean alternate() {
        return alternateRank != null;
    }

    LineDraft draft() {
        return new LineDraft(ref, person, identity, category, basisType, basisReference);
    }
}

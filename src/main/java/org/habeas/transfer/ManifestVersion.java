package org.habeas.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One immutable version of a manifest with its lines and alternates, who built it and why, and its approval if any.
 *
 * @param refusedBy who refused it, with {@code refusalReason}; a refused version is never approved
 * @param latest  whether it is the manifest's latest version: only that one may be approved, boarded, arrived
 * @param changes what changed from the version before: refs added, removed and promoted from the alternates
 */
public record ManifestVersion(UUID manifest, int version, String reason, String builtBy, Instant builtAt,
                              String approvedBy, Instant approvedAt, String refusedBy, String refusalReason,
                              boolean latest, List<ManifestLine> lines, List<ManifestLine> alternates,
                              Changes changes) {

    public record Changes(List<String> added, List<String> removed, List<String> promoted) {
    }

    public boolean refused() {
        return refusedBy != null;
    }

    public boolean approved() {
        return approvedBy != null;
    }

    /** Whether any travelling line is denied: such a version cannot be approved. */
    public boolean blocked() {
        return lines.stream().anyMatch(l -> l.vetting().denied());
    }
}

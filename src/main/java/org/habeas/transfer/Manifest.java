package org.habeas.transfer;

import java.time.Instant;
import java.util.UUID;

/**
 * A transfer manifest: which way, under which agreement, by what carrier and journey, from where to which facility
 * or foreign authority and country, when, sent by whom; its status, latest version and latest approved version.
 */
public record Manifest(UUID id, ManifestDirection direction, UUID agreement, String carrier, String journey,
                       String origin, String destinationFacility, String destinationAuthority,
                       String destinationCountry, Instant scheduledAt, String sendingAgency, String owner,
                       ManifestStatus status, Instant createdAt, int latestVersion, Integer approvedVersion) {
}

package org.habeas.transfer;

import java.util.List;
import java.util.UUID;

import org.habeas.custody.AdmissionResult;

/**
 * An arrival checked in against the approved version: who was manifested (boarded, once dispatched), who arrived,
 * who is missing, who arrived without being on it (not admitted here), and each admission's result.
 */
public record Reconciliation(UUID manifest, int version, List<String> manifested, List<String> arrived,
                             List<String> missing, List<String> unexpected, List<Admitted> admitted) {

    /** One arrival's admission: the line's ref, the person (registered on arrival if new) and custody's answer. */
    public record Admitted(String ref, UUID person, AdmissionResult result) {
    }
}

package org.habeas.transfer;

import java.time.Instant;
import java.util.Objects;

/**
 * A boarded person handed to the foreign authority at the end of an outbound manifest (REQ-40, REQ-48): who received
 * them, where, when, the receipt, and the non-refoulement assessment made before: the risks of persecution, torture
 * and enforced disappearance, and the receiving facility's known conditions.
 */
public record Handover(String ref, String receivingOfficial, String place, Instant at, String receiptReference,
                       Assessment assessment) {

    public record Assessment(String persecutionRisk, String tortureRisk, String disappearanceRisk,
                             String facilityConditions, String assessedBy) {
    }

    public Handover {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(assessment, "assessment");
    }
}

package org.habeas.vetting;

/**
 * Movements two people have already approved elsewhere, contributed by the module that keeps those approvals: a
 * person boarded on an outbound manifest whose version a second person approved (REQ-53). SECOND_APPROVER lets
 * such a movement through; vetting knows nothing else of manifests.
 */
public interface ApprovedMovements {

    /** Whether exactly this movement (the person, the action and its destination) was approved by two people. */
    boolean approvedByTwo(VettingRequest request);
}

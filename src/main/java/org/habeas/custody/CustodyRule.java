package org.habeas.custody;

/**
 * The rules custody contributes to the vetting engine for movements out of a cell, by their published names (each
 * is also the code of its denial, but for TRANSFER_DESTINATION, which answers FACILITY_NOT_ACTIVE or
 * CAPACITY_EXCEEDED).
 */
public enum CustodyRule {
    /** A release names its authority: a court order, the end of the sentence, bail, or the detaining authority (REQ-39). */
    RELEASE_AUTHORITY,
    /** A temporary absence names its authority: the production order, the medical referral. */
    ABSENCE_AUTHORITY,
    /** A transfer goes to an open facility of this register that has room (REQ-47). */
    TRANSFER_DESTINATION
}

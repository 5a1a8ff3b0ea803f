package org.habeas.transfer;

/** The rule transfer contributes to the vetting engine; its name is stored in decisions and never changed. */
public enum TransferRule {
    /**
     * A placement of someone held on an agreement's authority, and a removal or handover naming an agreement, only
     * while the agreement is in force (REQ-46, REQ-55); denied AGREEMENT_EXPIRED, or AGREEMENT_NOT_FOUND.
     */
    AGREEMENT_TERM
}

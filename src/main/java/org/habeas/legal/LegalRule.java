package org.habeas.legal;

/**
 * The legal rules in the vetting engine. Their names are published and never change; each is also the code of its
 * denial, and each denial names the order, hold or injunction that caused it (id, court, case number).
 */
public enum LegalRule {
    /** No removal, handover or transfer abroad to a country a protection decision in force covers (REQ-41). */
    PROTECTION_ORDER,
    /** No removal while a stay or a habeas TRO stands (REQ-43). */
    STAY_OF_REMOVAL,
    /** No removal while a provisional or verified hold stands (REQ-57). */
    LEGAL_HOLD,
    /** No removal of a person inside the class of an injunction in force (REQ-57). */
    CLASS_INJUNCTION,
    /** A removal from immigration custody needs a final removal order (REQ-55). */
    FINAL_ORDER_REQUIRED,
    /** A third-country or Alien Enemies Act removal needs timely notice and no unresolved fear claim (REQ-44). */
    NOTICE_WINDOW,
    /** A removal needs a fresh review of the legal record for its destination (REQ-56: fail closed). */
    LEGAL_REVIEW_STALE
}

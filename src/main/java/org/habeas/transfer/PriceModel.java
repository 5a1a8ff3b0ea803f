package org.habeas.transfer;

/** How an agreement is priced; the statement derives its cost from it (REQ-46). */
public enum PriceModel {
    /** One amount for the whole term, spread evenly over its days. */
    LUMP_SUM,
    /** An amount for each person held under the agreement. */
    PER_PERSON,
    /** An amount for each day each person is held. */
    PER_DETAINEE_DAY
}

package org.habeas.estate;

/**
 * The rules the estate contributes to the vetting engine, by the names that decisions, overrides and reports carry;
 * a published vocabulary: a name never changes once stored.
 */
public enum EstateRule {
    /** Not into an inactive cell, not beyond operational capacity without an override, never beyond maximum. */
    CAPACITY,
    /** Not into a cell without floor area for one more by the ICRC minimum (REQ-26). */
    AREA_MINIMUM
}

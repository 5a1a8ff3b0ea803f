package org.habeas.custody.placement;

/**
 * The rules placement contributes to the vetting engine, by the names that decisions, overrides and reports carry;
 * a published vocabulary: a name never changes once stored.
 */
public enum PlacementRule {
    /** Men and women, minors and adults, untried and convicted, civil and criminal apart (REQ-20). */
    SEPARATION,
    /** Not with a person or a group the mover must be kept from, within the record's scope (REQ-22). */
    NON_ASSOCIATION
}

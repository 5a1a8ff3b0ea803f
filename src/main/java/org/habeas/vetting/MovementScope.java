package org.habeas.vetting;

/**
 * Refuses a dry run or an override request about a person or a place the signed-in user may not see. Vetting does
 * not know where people and places are; the modules above it that do provide this as a bean (DESIGN.md: arrows
 * point down), as they provide rules. Without it, a rule's reasons (who shares a cell, why two people are kept
 * apart) would answer questions about another facility.
 */
public interface MovementScope {

    /** Throws a 4xx {@code HabeasException} unless the current user may see the request's person and places. */
    void requireVisible(VettingRequest request);
}

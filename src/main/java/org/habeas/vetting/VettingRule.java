package org.habeas.vetting;

import java.util.Set;

import org.habeas.access.Role;

/**
 * One rule of the engine. Modules above vetting (estate, legal, custody, transfer) contribute rules as beans, so
 * a removal is checked against protection orders, capacity, separation and the agreement without any module
 * reaching upwards. A rule that throws is recorded as an error and the movement is denied (fail closed).
 */
public interface VettingRule {

    /** A stable name, used in decisions, overrides and reports: {@code CAPACITY}, {@code PROTECTION_ORDER}. */
    String name();

    /** The actions this rule has something to say about. */
    Set<MovementAction> appliesTo();

    /** Judges the request; must not write anything (dry runs call it too). */
    RuleOutcome evaluate(VettingRequest request);

    /** Whether a two-person override may lift a denial; a hard limit (maximum capacity) answers false. */
    default boolean overridable() {
        return true;
    }

    /** Who must approve an override of this rule: SUPERVISOR, or LEGAL for legal holds (REQ-53). */
    default Role approverRole() {
        return Role.SUPERVISOR;
    }
}

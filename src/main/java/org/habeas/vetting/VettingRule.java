package org.habeas.vetting;

import java.util.List;
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

    /**
     * Judges the request; must not write anything (dry runs call it too). Reads that the scope checks and other
     * rules also make go through {@code evaluation}, so each row is read once per evaluation.
     */
    RuleOutcome evaluate(VettingRequest request, Evaluation evaluation);

    /**
     * Judges many requests at once, one outcome per request in the same order; the batch dry run calls it once per
     * rule. It must decide each request exactly as {@link #evaluate} would on the same data (a rule that overrides it
     * proves that in a test); a rule that needs no set-based form keeps this loop.
     */
    default List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation) {
        return requests.stream().map(r -> evaluate(r, evaluation)).toList();
    }

    /** Whether a two-person override may lift a denial; a hard limit (maximum capacity) answers false. */
    default boolean overridable() {
        return true;
    }

    /** Who must approve an override of this rule: SUPERVISOR, or LEGAL for legal holds (REQ-53). */
    default Role approverRole() {
        return Role.SUPERVISOR;
    }

    /**
     * Who alone may request an override of this rule; null when anyone who may request overrides may. The legal
     * rules that can be overridden at all are requested by a legal officer and approved by a supervisor (REQ-56).
     */
    default Role requesterRole() {
        return null;
    }
}

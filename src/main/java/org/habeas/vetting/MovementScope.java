package org.habeas.vetting;

import java.util.List;
import java.util.function.Consumer;

/**
 * Refuses a dry run or an override request about a person or a place the signed-in user may not see. Vetting does
 * not know where people and places are; the modules above that do provide this as a bean (docs/architecture.md: arrows
 * point down), as they provide rules. Without it, a rule's reasons (who shares a cell, why two people are kept
 * apart) would answer questions about another facility.
 */
public interface MovementScope {

    /**
     * Throws a 4xx {@code HabeasException} unless the current user may see the request's person and places; the
     * rows it reads are shared with the rules through {@code evaluation}.
     */
    void requireVisible(VettingRequest request, Evaluation evaluation);

    /**
     * The same check for a batch: reads what it needs for all of {@code requests} at once and answers the check of
     * one request, which throws exactly as {@link #requireVisible} would. The engine calls it in request order.
     */
    default Consumer<VettingRequest> forBatch(List<VettingRequest> requests, Evaluation evaluation) {
        return request -> requireVisible(request, evaluation);
    }
}

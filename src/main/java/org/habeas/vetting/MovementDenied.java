package org.habeas.vetting;

import java.util.List;
import java.util.Map;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.springframework.http.HttpStatus;

/**
 * A movement the engine denied: 409 with the first denying rule's code (e.g. {@code CAPACITY_EXCEEDED}) and every
 * reason. Commands declare {@code noRollbackFor = MovementDenied.class} so the stored denial and its journal entry
 * commit although the movement does not (STYLE.md trap 2).
 */
public class MovementDenied extends HabeasException {

    private final Decision decision;

    public MovementDenied(Decision decision) {
        super(codeOf(decision), HttpStatus.CONFLICT, "The movement is denied: " + String.join("; ", reasons(decision)));
        this.decision = decision;
    }

    public Decision decision() {
        return decision;
    }

    @Override
    public List<String> reasons() {
        return reasons(decision);
    }

    @Override
    public Map<String, Object> properties() {
        return decision.id() == null ? Map.of("rules", rules(decision))
                : Map.of("decision", decision.id(), "rules", rules(decision));
    }

    private static List<String> rules(Decision decision) {
        return decision.denials().stream().map(RuleOutcome::rule).toList();
    }

    private static List<String> reasons(Decision decision) {
        return decision.denials().stream().map(o -> o.rule() + ": " + o.reason()).toList();
    }

    // The first denial's code when it is a published one; rules contributed later publish theirs in ErrorCode.
    private static ErrorCode codeOf(Decision decision) {
        return decision.denials().stream().findFirst().map(RuleOutcome::code).flatMap(code -> {
            try {
                return java.util.Optional.of(ErrorCode.valueOf(code));
            } catch (IllegalArgumentException unpublished) {
                return java.util.Optional.empty();
            }
        }).orElse(ErrorCode.MOVEMENT_DENIED);
    }
}

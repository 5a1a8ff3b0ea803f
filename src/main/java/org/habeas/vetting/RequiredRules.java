package org.habeas.vetting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rules that must have judged each action before it may go ahead (REQ-56: fail closed). The engine adds a
 * denial of {@link #NO_RULE_FOR_ACTION} to any decision on an action for which one of these gave no outcome, so a
 * rule that is missing from the application (a module not deployed, a bean renamed) or that stopped applying to the
 * action refuses the movement instead of letting it through unjudged. Each name is published by the module that
 * contributes the rule: estate (CAPACITY, AREA_MINIMUM), custody and custody.placement, legal, and transfer
 * (AGREEMENT_TERM).
 */
public final class RequiredRules {

    /** The rule name and code of the denial for an action some of whose rules did not judge it. */
    public static final String NO_RULE_FOR_ACTION = "NO_RULE_FOR_ACTION";

    private static final List<String> INTO_A_CELL = List.of("AREA_MINIMUM", "CAPACITY", "NON_ASSOCIATION",
            "SEPARATION");
    private static final List<String> PLACED = List.of("AGREEMENT_TERM", "AREA_MINIMUM", "CAPACITY",
            "NON_ASSOCIATION", "SEPARATION");
    private static final List<String> ABROAD = List.of("AGREEMENT_TERM", "CLASS_INJUNCTION", "FINAL_ORDER_REQUIRED",
            "LEGAL_HOLD", "LEGAL_REVIEW_STALE", "NOTICE_WINDOW", "PROTECTION_ORDER", "SECOND_APPROVER",
            "STAY_OF_REMOVAL");

    private static final Map<MovementAction, List<String>> BY_ACTION = new EnumMap<>(Map.of(
            MovementAction.PLACEMENT, PLACED,
            MovementAction.CELL_MOVE, INTO_A_CELL,
            MovementAction.TRANSFER, List.of("TRANSFER_DESTINATION"),
            MovementAction.TEMPORARY_ABSENCE, List.of("ABSENCE_AUTHORITY"),
            MovementAction.RELEASE, List.of("RELEASE_AUTHORITY"),
            MovementAction.REMOVAL, ABROAD,
            MovementAction.HANDOVER, ABROAD));

    private RequiredRules() {
    }

    /** The rules that must judge {@code action}, sorted by name; empty for an action nobody declared (denied). */
    public static List<String> of(MovementAction action) {
        return BY_ACTION.getOrDefault(action, List.of());
    }
}

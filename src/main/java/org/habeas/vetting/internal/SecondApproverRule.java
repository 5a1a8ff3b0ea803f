package org.habeas.vetting.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.habeas.access.Role;
import org.habeas.vetting.ApprovedMovements;
import org.habeas.vetting.Evaluation;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.springframework.stereotype.Component;

/**
 * SECOND_APPROVER (REQ-53): a removal or a handover abroad is irreversible, so one officer never carries it out
 * alone. Outside an approved manifest (whose two-person approval covers its lines) it is denied until a supervisor
 * approves an override of this rule for exactly this person and movement, which someone else requested.
 */
@Component
class SecondApproverRule implements VettingRule {

    static final String NAME = "SECOND_APPROVER";

    private static final RuleOutcome.Source SOURCE = new RuleOutcome.Source("the two-person rule",
            "vetting.source.twoPersons");

    private static final RuleOutcome.Source LISTS = new RuleOutcome.Source("an approved manifest",
            "vetting.source.approvedManifest");

    private final Clock clock;
    private final List<ApprovedMovements> approved;

    SecondApproverRule(Clock clock, List<ApprovedMovements> approved) {
        this.clock = clock;
        this.approved = approved;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<MovementAction> appliesTo() {
        return EnumSet.of(MovementAction.REMOVAL, MovementAction.HANDOVER);
    }

    @Override
    public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
        if (approved.stream().anyMatch(a -> a.approvedByTwo(request))) {
            return RuleOutcome.pass(NAME, LISTS, clock.instant());
        }
        return RuleOutcome.deny(NAME, "SECOND_APPROVAL_REQUIRED", RuleOutcome.Detail.of("a removal or handover "
                + "outside an approved manifest needs a second approver: request an override of SECOND_APPROVER for "
                + "this movement; a supervisor approves it", "vetting.ruleDetail.secondApprover"), SOURCE,
                clock.instant());
    }

    @Override
    public Role approverRole() {
        return Role.SUPERVISOR;
    }
}

package org.habeas.transfer.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.transfer.Agreement;
import org.habeas.vetting.Evaluation;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.RuleOutcome.Detail;
import org.habeas.vetting.RuleOutcome.Source;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.springframework.stereotype.Component;

/**
 * AGREEMENT_TERM (REQ-46, REQ-55: "agreement in force"): a placement of a person held on an agreement's authority,
 * and a removal or handover that names an agreement, are refused once the agreement's term has ended (or before it
 * began) with AGREEMENT_EXPIRED, and refused with AGREEMENT_NOT_FOUND when the agreement named is not on record
 * (fail closed). A movement that rests on no agreement passes. No override lifts it: an expired agreement is no
 * authority for anyone to stretch.
 */
@Component
class AgreementRule implements VettingRule {

    static final String NAME = org.habeas.transfer.TransferRule.AGREEMENT_TERM.name();

    private static final Source AGREEMENTS = new Source("agreements between governments",
            "transfer.source.agreements");

    private final TransferRepository repository;

    AgreementRule(TransferRepository repository) {
        this.repository = repository;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<MovementAction> appliesTo() {
        return EnumSet.of(MovementAction.PLACEMENT, MovementAction.REMOVAL, MovementAction.HANDOVER);
    }

    @Override
    public boolean overridable() {
        return false;
    }

    @Override
    public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
        return evaluateAll(List.of(request), evaluation).get(0);
    }

    @Override
    public List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation) {
        List<UUID> placed = requests.stream().filter(r -> r.agreement() == null
                && r.action() == MovementAction.PLACEMENT).map(VettingRequest::person).distinct().toList();
        Map<UUID, String> onAuthority = repository.agreementReferencesOfOpenEpisodes(placed);
        List<String> named = new ArrayList<>();
        for (VettingRequest r : requests) {
            named.add(r.agreement() != null ? r.agreement().toString()
                    : r.action() == MovementAction.PLACEMENT ? onAuthority.get(r.person()) : null);
        }
        Set<UUID> ids = new HashSet<>();
        named.stream().map(AgreementRule::id).filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<UUID, Agreement> agreements = repository.agreements(ids);
        List<RuleOutcome> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            outcomes.add(judge(requests.get(i), named.get(i), agreements));
        }
        return outcomes;
    }

    private RuleOutcome judge(VettingRequest r, String reference, Map<UUID, Agreement> agreements) {
        if (reference == null) {
            return RuleOutcome.pass(NAME, AGREEMENTS, null);
        }
        Agreement agreement = agreements.get(id(reference));
        if (agreement == null) {
            return RuleOutcome.deny(NAME, "AGREEMENT_NOT_FOUND",
                    Detail.of("The movement rests on agreement %s, which is not on record".formatted(reference),
                            "transfer.rule.unknown", reference), AGREEMENTS, null);
        }
        LocalDate day = LocalDate.ofInstant(r.at(), ZoneOffset.UTC);
        if (!agreement.inForceOn(day)) {
            var t = agreement.terms();
            return RuleOutcome.deny(NAME, "AGREEMENT_EXPIRED", Detail.of(
                    "Agreement %s is in force from %s to %s, not on %s".formatted(t.reference(), t.termStart(),
                            t.termEnd(), day), "transfer.rule.expired", t.reference(), t.termStart(), t.termEnd(),
                    day), AGREEMENTS, agreement.changedAt());
        }
        return RuleOutcome.pass(NAME, AGREEMENTS, agreement.changedAt());
    }

    private static UUID id(String reference) {
        try {
            return reference == null ? null : UUID.fromString(reference.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}

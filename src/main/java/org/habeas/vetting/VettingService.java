package org.habeas.vetting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.habeas.access.FacilityScope;
import org.habeas.access.HabeasUser;
import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.vetting.internal.EvaluationPlanning;
import org.habeas.vetting.internal.VettingMetrics;
import org.habeas.vetting.internal.VettingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The engine every movement passes (invariant 3, docs/architecture.md), and the two-person overrides that may lift a
 * denial (REQ-53). Movement commands call {@link #decide} inside their own transaction; pages and the API call
 * {@link #dryRun} to show, before submitting, what a movement would meet.
 */
@Service
@Transactional(readOnly = true)
public class VettingService {

    /** Overrides are short-lived by design: a standing exception is a policy, not an override (REQ-28). */
    public static final Duration LONGEST_OVERRIDE = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(VettingService.class);

    private final List<VettingRule> rules;
    private final VettingRepository repository;
    private final EvaluationPlanning planning;
    private final Journal journal;
    private final FacilityScope scope;
    private final List<MovementScope> movementScopes;
    private final JsonMapper json;
    private final Clock clock;
    private final VettingMetrics metrics;

    VettingService(List<VettingRule> rules, VettingRepository repository, EvaluationPlanning planning, Journal journal,
                   FacilityScope scope, List<MovementScope> movementScopes, JsonMapper json, Clock clock,
                   VettingMetrics metrics) {
        this.metrics = metrics;
        this.rules = rules.stream().sorted(Comparator.comparing(VettingRule::name)).toList();
        this.repository = repository;
        this.planning = planning;
        this.journal = journal;
        this.scope = scope;
        this.movementScopes = movementScopes;
        this.json = json;
        this.clock = clock;
    }

    /** The names of the registered rules, for pages and for validating override requests. */
    public List<String> ruleNames() {
        return rules.stream().map(VettingRule::name).toList();
    }

    /** What {@code request} would meet now; writes nothing and uses no override. */
    public Decision dryRun(VettingRequest request) {
        return evaluation(evaluation -> {
            requireScope(request, evaluation);
            return new Decision(null, request, evaluate(request, evaluation), List.of(), clock.instant());
        });
    }

    /**
     * {@link #dryRun(VettingRequest)} for many movements: the same decisions, in order, and the same refusal (the
     * first request's that fails the scope check). Each rule answers the whole batch at once (set-based reads), so a
     * batch costs a few statements per rule instead of a few per rule and movement.
     */
    public List<Decision> dryRun(List<VettingRequest> requests) {
        return evaluation(evaluation -> dryRunAll(requests, evaluation));
    }

    private List<Decision> dryRunAll(List<VettingRequest> requests, Evaluation evaluation) {
        List<Consumer<VettingRequest>> checks = movementScopes.stream()
                .map(s -> s.forBatch(requests, evaluation)).toList();
        for (VettingRequest request : requests) {
            if (request.facility() != null) {
                scope.require(request.facility());
            }
            checks.forEach(check -> check.accept(request));
        }
        List<List<RuleOutcome>> outcomes = requests.stream().map(r -> (List<RuleOutcome>) new ArrayList<RuleOutcome>())
                .toList();
        for (VettingRule rule : rules) {
            List<Integer> concerned = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                if (rule.appliesTo().contains(requests.get(i).action())) {
                    concerned.add(i);
                }
            }
            if (concerned.isEmpty()) {
                continue;
            }
            List<RuleOutcome> judged = evaluateAll(rule, concerned.stream().map(requests::get).toList(), evaluation);
            for (int k = 0; k < concerned.size(); k++) {
                outcomes.get(concerned.get(k)).add(judged.get(k));
            }
        }
        Instant now = clock.instant();
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            decisions.add(new Decision(null, requests.get(i), judgedByAll(requests.get(i).action(), outcomes.get(i)),
                    List.of(), now));
        }
        return decisions;
    }

    /**
     * Decides a movement inside the caller's transaction. Denials that {@code overrideIds} name and that are
     * approved, unexpired and granted for this very person and movement are lifted and the overrides are used up.
     * A denial, or a decision that used an override, is stored and journaled. The caller throws with
     * {@link Decision#requireAllowed()} after it and should not roll the denial back (noRollbackFor MovementDenied).
     * Naming an override that does not fit is refused with its own code: OVERRIDE_NOT_FOUND,
     * OVERRIDE_NOT_APPROVED, OVERRIDE_EXPIRED, OVERRIDE_FOR_ANOTHER_PERSON, OVERRIDE_FOR_ANOTHER_MOVEMENT.
     */
    @Transactional
    public Decision decide(VettingRequest request, Collection<UUID> overrideIds) {
        Instant now = clock.instant();
        List<MovementOverride> overrides = usable(request, overrideIds, now);
        Map<String, MovementOverride> byRule = new HashMap<>();
        overrides.forEach(o -> byRule.put(o.rule(), o));

        List<RuleOutcome> outcomes = new ArrayList<>();
        List<UUID> used = new ArrayList<>();
        for (RuleOutcome outcome : evaluation(evaluation -> evaluate(request, evaluation))) {
            MovementOverride lifting = outcome.verdict() == RuleOutcome.Verdict.DENY ? byRule.get(outcome.rule()) : null;
            if (lifting != null) {
                outcomes.add(outcome.overridden());
                used.add(lifting.id());
            } else {
                outcomes.add(outcome);
            }
        }
        var decision = new Decision(UUID.randomUUID(), request, outcomes, used, now);
        if (!decision.allowed() || !used.isEmpty()) {
            record(decision);
        }
        if (decision.allowed()) {
            used.forEach(id -> repository.useOverride(id, decision.id(), now));
        }
        metrics.decided(decision);
        return decision;
    }

    /** Requests an override; it lifts nothing until a second person approves it. */
    @Transactional
    public MovementOverride requestOverride(NewOverride command, HabeasUser requester) {
        requireScope(command.movement(), new Evaluation());
        VettingRule rule = rules.stream().filter(r -> r.name().equals(command.rule())).findFirst()
                .orElseThrow(() -> OverrideRefused.unknownRule(command.rule()));
        if (!rule.overridable()) {
            throw OverrideRefused.notOverridable(rule.name());
        }
        if (rule.requesterRole() != null && !requester.has(rule.requesterRole())) {
            throw OverrideRefused.requesterRole(rule.name(), rule.requesterRole().name());
        }
        Instant now = clock.instant();
        if (!command.expiresAt().isAfter(now) || command.expiresAt().isAfter(now.plus(LONGEST_OVERRIDE))) {
            throw OverrideRefused.badExpiry();
        }
        VettingRequest movement = command.movement();
        RuleOutcome denial = evaluation(evaluation -> evaluate(movement, evaluation)).stream()
                .filter(o -> o.rule().equals(rule.name()) && o.blocks())
                .findFirst().orElse(null);
        var override = new MovementOverride(UUID.randomUUID(), movement.person(), movement.action(),
                movement.movementKey(), movement.facility(), rule.name(), denial == null ? null : denial.reason(),
                command.reason(), command.legalBasis(), command.expiresAt(), OverrideStatus.PENDING,
                rule.approverRole(), requester.username(), now, null, null, null, null,
                denial == null ? null : denial.detailKey(), denial == null ? List.of() : denial.detailArgs());
        repository.insertOverride(override);
        journal.append(JournalEntry.of("OVERRIDE_REQUESTED", "person", movement.person().toString())
                .withFacility(movement.facility()).withReason(command.reason())
                .withDetails(details(override)));
        return override;
    }

    /**
     * Approves an override. Refused with SAME_APPROVER for its requester, APPROVER_ROLE_REQUIRED without the rule's
     * approver role, OVERRIDE_EXPIRED after its expiry, OVERRIDE_NOT_PENDING once decided.
     */
    @Transactional
    public MovementOverride approve(UUID id, String reason, HabeasUser approver) {
        return decideOverride(id, OverrideStatus.APPROVED, reason, approver);
    }

    /** Refuses an override, with the same checks as {@link #approve}. */
    @Transactional
    public MovementOverride refuse(UUID id, String reason, HabeasUser approver) {
        return decideOverride(id, OverrideStatus.REFUSED, reason, approver);
    }

    public MovementOverride override(UUID id) {
        return repository.findOverride(id).filter(o -> o.facility() == null || scope.allows(o.facility()))
                .orElseThrow(OverrideRefused::notFound);
    }

    /** Overrides for inspectors and approvers, newest first, within the reader's facility scope. */
    public List<MovementOverride> overrides(OverrideStatus status, int limit) {
        return repository.overrides(status, scope.limitedTo().orElse(null), limit);
    }

    /**
     * Whether {@code user} may approve or refuse {@code override} now: it is pending, the user holds its approver role
     * and did not request it (REQ-53). The pages offer the decision only then; {@link #approve} checks it again.
     */
    public boolean mayDecide(MovementOverride override, HabeasUser user) {
        return override.status() == OverrideStatus.PENDING && user.has(override.approverRole())
                && !override.requestedBy().equals(user.username());
    }

    /** Whether an approved override may lift a denial of {@code rule}; false for a hard limit or an unknown rule. */
    public boolean overridable(String rule) {
        return rules.stream().anyMatch(r -> r.name().equals(rule) && r.overridable());
    }

    /**
     * The unexpired overrides requested for exactly this person and movement that are still pending or approved and
     * unused, newest first: what the officer may name on the movement form, and what still waits for approval.
     */
    public List<MovementOverride> openOverridesFor(VettingRequest request) {
        requireScope(request, new Evaluation());
        return repository.openOverridesFor(request.person(), request.movementKey(), clock.instant());
    }

    private MovementOverride decideOverride(UUID id, OverrideStatus outcome, String reason, HabeasUser approver) {
        MovementOverride override = override(id);
        if (override.requestedBy().equals(approver.username())) {
            throw OverrideRefused.sameApprover();
        }
        if (!approver.has(override.approverRole())) {
            throw OverrideRefused.approverRole(override.approverRole().name());
        }
        if (override.status() != OverrideStatus.PENDING) {
            throw OverrideRefused.notPending(override.status());
        }
        Instant now = clock.instant();
        if (outcome == OverrideStatus.APPROVED && override.expiredAt(now)) {
            throw OverrideRefused.expired();
        }
        if (!repository.decideOverride(id, outcome, approver.username(), now, reason)) {
            throw OverrideRefused.notPending(repository.findOverride(id).orElseThrow().status());
        }
        journal.append(JournalEntry.of(outcome == OverrideStatus.APPROVED ? "OVERRIDE_APPROVED" : "OVERRIDE_REFUSED",
                "person", override.person().toString()).withFacility(override.facility()).withReason(reason)
                .withDetails(details(override)));
        return override(id);
    }

    /**
     * One evaluation: the scope checks and rules share their reads through the {@link Evaluation} passed to them, and
     * run with generic plans ({@link EvaluationPlanning}); the caller's transaction plans as before afterwards.
     */
    private <T> T evaluation(Function<Evaluation, T> work) {
        planning.beginGeneric();
        try {
            return work.apply(new Evaluation());
        } finally {
            planning.endGeneric();
        }
    }

    private void requireScope(VettingRequest request, Evaluation evaluation) {
        if (request.facility() != null) {
            scope.require(request.facility());
        }
        movementScopes.forEach(s -> s.requireVisible(request, evaluation));
    }

    private List<MovementOverride> usable(VettingRequest request, Collection<UUID> ids, Instant now) {
        var distinct = ids == null ? List.<UUID>of() : ids.stream().distinct().toList();
        List<MovementOverride> found = repository.lockOverrides(distinct);
        if (found.size() != distinct.size()) {
            throw OverrideRefused.notFound();
        }
        for (MovementOverride o : found) {
            if (o.status() != OverrideStatus.APPROVED) {
                throw OverrideRefused.notApproved(o.status());
            }
            if (o.expiredAt(now)) {
                throw OverrideRefused.expired();
            }
            if (!o.person().equals(request.person())) {
                throw OverrideRefused.anotherPerson();
            }
            if (!o.movementKey().equals(request.movementKey())) {
                throw OverrideRefused.anotherMovement(o.movementKey(), request.movementKey());
            }
        }
        return found;
    }

    // Fail closed: a rule that throws denies the movement, and the error is in the decision.
    private List<RuleOutcome> evaluate(VettingRequest request, Evaluation evaluation) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (VettingRule rule : rules) {
            if (rule.appliesTo().contains(request.action())) {
                outcomes.add(evaluate(rule, request, evaluation));
            }
        }
        return judgedByAll(request.action(), outcomes);
    }

    // Fail closed (REQ-56): an action that a rule declared for it did not judge is denied, naming the missing rules.
    private List<RuleOutcome> judgedByAll(MovementAction action, List<RuleOutcome> outcomes) {
        List<String> required = RequiredRules.of(action);
        List<String> missing = required.stream()
                .filter(name -> outcomes.stream().noneMatch(o -> o.rule().equals(name))).toList();
        if (!required.isEmpty() && missing.isEmpty()) {
            return outcomes;
        }
        String names = missing.isEmpty() ? "-" : String.join(", ", missing);
        List<RuleOutcome> withDenial = new ArrayList<>(outcomes);
        withDenial.add(RuleOutcome.deny(RequiredRules.NO_RULE_FOR_ACTION, RequiredRules.NO_RULE_FOR_ACTION,
                RuleOutcome.Detail.of("no rule judged the %s as its declared rules must (%s): it is refused"
                        .formatted(action, names), "vetting.ruleDetail.noRuleForAction", action, names),
                new RuleOutcome.Source("the rules declared for each action", "vetting.source.requiredRules"),
                clock.instant()));
        return withDenial;
    }

    private RuleOutcome evaluate(VettingRule rule, VettingRequest request, Evaluation evaluation) {
        try {
            return own(rule, rule.evaluate(request, evaluation));
        } catch (RuntimeException e) {
            log.error("Vetting rule {} failed; the movement is denied", rule.name(), e);
            return RuleOutcome.error(rule.name(), RuleOutcome.Detail.of("the rule could not be evaluated: "
                    + e.getClass().getSimpleName(), "vetting.ruleDetail.failed", e.getClass().getSimpleName()));
        }
    }

    // A batch that fails as a whole, or answers the wrong number of outcomes, is judged again one movement at a
    // time: each movement then gets the outcome (or the error) it would get alone.
    private List<RuleOutcome> evaluateAll(VettingRule rule, List<VettingRequest> batch, Evaluation evaluation) {
        try {
            List<RuleOutcome> outcomes = rule.evaluateAll(batch, evaluation);
            if (outcomes != null && outcomes.size() == batch.size()) {
                return outcomes.stream().map(o -> own(rule, o)).toList();
            }
            log.error("Vetting rule {} answered a batch of {} with {} outcomes; judging one by one", rule.name(),
                    batch.size(), outcomes == null ? null : outcomes.size());
        } catch (RuntimeException e) {
            log.error("Vetting rule {} failed on a batch of {}; judging one by one", rule.name(), batch.size(), e);
        }
        return batch.stream().map(r -> evaluate(rule, r, evaluation)).toList();
    }

    private static RuleOutcome own(VettingRule rule, RuleOutcome outcome) {
        return outcome == null || !outcome.rule().equals(rule.name())
                ? RuleOutcome.error(rule.name(), RuleOutcome.Detail.of("the rule gave no outcome of its own",
                        "vetting.ruleDetail.noOutcome")) : outcome;
    }

    private void record(Decision decision) {
        VettingRequest request = decision.request();
        String decidedBy = scope.actorName();
        repository.insertDecision(decision.id(), request.person(), request.action(), request.movementKey(),
                request.facility(), decision.allowed(), json.writeValueAsString(decision.outcomes()),
                decision.overridesUsed(), decision.decidedAt(), decidedBy);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", decision.id().toString());
        details.put("movement", request.movementKey());
        details.put("denied", decision.denials().stream().map(RuleOutcome::rule).toList());
        details.put("overridesUsed", decision.overridesUsed().stream().map(UUID::toString).toList());
        journal.append(JournalEntry.of(decision.allowed() ? "MOVEMENT_ALLOWED_BY_OVERRIDE" : "MOVEMENT_DENIED",
                "person", request.person().toString()).withFacility(request.facility()).withDetails(details));
    }

    private static Map<String, Object> details(MovementOverride o) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("override", o.id().toString());
        details.put("rule", o.rule());
        details.put("movement", o.movementKey());
        details.put("legalBasis", o.legalBasis());
        details.put("expiresAt", o.expiresAt().toString());
        return details;
    }
}

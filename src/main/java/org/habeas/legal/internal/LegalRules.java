package org.habeas.legal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.access.Role;
import org.habeas.legal.CourtOrder;
import org.habeas.legal.FearClaim;
import org.habeas.legal.Hold;
import org.habeas.legal.Injunction;
import org.habeas.legal.InjunctionClass;
import org.habeas.legal.LegalReview;
import org.habeas.legal.LegalRule;
import org.habeas.legal.Notice;
import org.habeas.legal.OrderType;
import org.habeas.legal.Policy;
import org.habeas.vetting.Evaluation;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.RuleOutcome.Detail;
import org.habeas.vetting.RuleOutcome.Source;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Legal's rules in the vetting engine (invariant 7): each judges a removal or handover against the person's legal
 * record, read once per evaluation for every request ({@link LegalFacts}). Missing or stale legal data refuses: no
 * destination, no policy in force, no review, an injunction criterion the register cannot answer (REQ-56).
 *
 * <p>A court's orders are not lifted by an officer's override: PROTECTION_ORDER, STAY_OF_REMOVAL, CLASS_INJUNCTION,
 * FINAL_ORDER_REQUIRED and NOTICE_WINDOW end only when the record changes (a court terminates the order, notice is
 * served). A provisional hold and a stale review may be overridden by a legal officer and a supervisor (REQ-53,
 * REQ-56), with a reason and a legal basis.
 *
 * <p>The rules judge REMOVAL and HANDOVER, the two ways a person leaves for another country. A TRANSFER goes to a
 * facility of this register (TRANSFER_DESTINATION requires an open one), so it is not a movement abroad.
 */
@Configuration(proxyBeanMethods = false)
public class LegalRules {

    private static final Set<MovementAction> ABROAD = EnumSet.of(MovementAction.REMOVAL, MovementAction.HANDOVER);

    private static final Source RECORD = new Source("the person's legal record", "legal.source.record");
    private static final Source INJUNCTIONS = new Source("class-wide injunctions in force", "legal.source.injunctions");
    private static final Source NOTICES = new Source("notices, fear claims and legal policy", "legal.source.notices");
    private static final Source REVIEWS = new Source("reviews of the legal record", "legal.source.reviews");

    /** An Alien Enemies Act removal needs notice wherever it goes (REQ-44). */
    public static final String ALIEN_ENEMIES_ACT = "ALIEN_ENEMIES_ACT";

    @Bean
    VettingRule protectionOrderRule(LegalFacts facts, MessageSource messages, Clock clock) {
        return new LegalVettingRule(LegalRule.PROTECTION_ORDER, facts, messages, clock) {
            @Override
            RuleOutcome judge(VettingRequest r, LegalFacts.Person person, LegalFacts.Shared shared) {
                if (r.toCountry() == null) {
                    return deny(detail("legal.rule.noCountry"), RECORD, null);
                }
                LocalDate day = day(r.at());
                for (CourtOrder o : person.orders()) {
                    if (o.type().category() != OrderType.Category.PROTECTION || !o.bindsOn(day)) {
                        continue;
                    }
                    if (o.country() != null && o.country().value().equals(r.toCountry())) {
                        return deny(detail("legal.rule.protection", o.type(), r.toCountry(), o.id(), o.issuedBy(),
                                caseOf(o.caseNumber())), RECORD, o.recordedAt());
                    }
                    // Until a legal officer has checked it, an order whose text names another country protects
                    // against that one too: the error may be in the structured field (REQ-42).
                    if (o.awaitsReview() && o.countriesInText().contains(r.toCountry())) {
                        return deny(detail("legal.rule.protectionInText", o.type(), o.country(), r.toCountry(),
                                o.id(), o.issuedBy(), caseOf(o.caseNumber())), RECORD, o.recordedAt());
                    }
                }
                return pass(RECORD, latest(person.orders().stream().map(CourtOrder::recordedAt).toList()));
            }
        };
    }

    @Bean
    VettingRule stayOfRemovalRule(LegalFacts facts, MessageSource messages, Clock clock) {
        return new LegalVettingRule(LegalRule.STAY_OF_REMOVAL, facts, messages, clock) {
            @Override
            RuleOutcome judge(VettingRequest r, LegalFacts.Person person, LegalFacts.Shared shared) {
                LocalDate day = day(r.at());
                for (CourtOrder o : person.orders()) {
                    if (o.type().category() == OrderType.Category.STAY && o.bindsOn(day)) {
                        return deny(detail("legal.rule.stay", o.type(), o.id(), o.issuedBy(), caseOf(o.caseNumber())),
                                RECORD, o.recordedAt());
                    }
                }
                return pass(RECORD, latest(person.orders().stream().map(CourtOrder::recordedAt).toList()));
            }
        };
    }

    @Bean
    VettingRule legalHoldRule(LegalFacts facts, MessageSource messages, Clock clock) {
        return new LegalVettingRule(LegalRule.LEGAL_HOLD, facts, messages, clock) {
            @Override
            RuleOutcome judge(VettingRequest r, LegalFacts.Person person, LegalFacts.Shared shared) {
                for (Hold h : person.holds()) {
                    if (h.status().blocks()) {
                        return deny(detail("legal.rule.hold", h.id(), h.status(), h.source(),
                                h.issuedBy() == null ? "-" : h.issuedBy(), caseOf(h.caseNumber())), RECORD,
                                h.recordedAt());
                    }
                }
                return pass(RECORD, latest(person.holds().stream().map(Hold::recordedAt).toList()));
            }

            @Override
            public boolean overridable() {
                return true;
            }
        };
    }

    @Bean
    VettingRule classInjunctionRule(LegalFacts facts, MessageSource messages, Clock clock) {
        return new LegalVettingRule(LegalRule.CLASS_INJUNCTION, facts, messages, clock) {
            @Override
            RuleOutcome judge(VettingRequest r, LegalFacts.Person person, LegalFacts.Shared shared) {
                LocalDate day = day(r.at());
                var episode = person.episode();
                Instant arrested = episode == null ? null
                        : episode.arrestedAt() != null ? episode.arrestedAt() : episode.admittedAt();
                String facility = r.facility() != null ? r.facility() : episode == null ? null : episode.facility();
                for (Injunction i : shared.injunctions()) {
                    switch (InjunctionClass.covers(i, person.nationalities(), r.basisType(), facility, arrested, day)) {
                        case INSIDE -> {
                            return deny(detail("legal.rule.injunction", i.id(), i.issuedBy(), i.caseNumber()),
                                    INJUNCTIONS, i.recordedAt());
                        }
                        case UNKNOWN -> {
                            return deny(detail("legal.rule.injunctionUnknown", i.id(), i.issuedBy(), i.caseNumber()),
                                    INJUNCTIONS, i.recordedAt());
                        }
                        case OUTSIDE -> { }
                    }
                }
                return pass(INJUNCTIONS, latest(shared.injunctions().stream().map(Injunction::recordedAt).toList()));
            }
        };
    }

    @Bean
    VettingRule finalOrderRule(LegalFacts facts, MessageSource messages, Clock clock) {
        return new LegalVettingRule(LegalRule.FINAL_ORDER_REQUIRED, facts, messages, clock) {
            @Override
            RuleOutcome judge(VettingRequest r, LegalFacts.Person person, LegalFacts.Shared shared) {
                if (person.episode() == null) {
                    return deny(detail("legal.rule.noEpisode"), RECORD, null);
                }
                if (!"IMMIGRATION".equals(person.episode().legalStatus())) {
                    return pass(RECORD, person.episode().admittedAt());
                }
                LocalDate day = day(r.at());
                Optional<CourtOrder> order = person.orders().stream()
                        .filter(o -> o.type() == OrderType.FINAL_REMOVAL_ORDER && o.bindsOn(day)
                                && o.status() == org.habeas.legal.RecordStatus.ACTIVE).findFirst();
                return order.map(o -> pass(RECORD, o.recordedAt()))
                        .orElseGet(() -> deny(detail("legal.rule.finalOrder"), RECORD, null));
            }
        };
    }

    @Bean
    VettingRule noticeWindowRule(LegalFacts facts, MessageSource messages, Clock clock) {
        return new LegalVettingRule(LegalRule.NOTICE_WINDOW, facts, messages, clock) {
            @Override
            RuleOutcome judge(VettingRequest r, LegalFacts.Person person, LegalFacts.Shared shared) {
                if (r.toCountry() == null) {
                    return deny(detail("legal.rule.noCountry"), NOTICES, null);
                }
                boolean aea = ALIEN_ENEMIES_ACT.equals(r.basisType());
                // A person with no recorded nationality may be sent anywhere but home: a third country, until known.
                boolean thirdCountry = !person.nationalities().contains(r.toCountry());
                if (!aea && !thirdCountry) {
                    return pass(NOTICES, null);
                }
                Optional<Policy> window = shared.policy(Policy.Name.NOTICE_WINDOW_HOURS, r.at());
                Optional<Policy> fearBlocks = shared.policy(Policy.Name.FEAR_CLAIM_BLOCKS, r.at());
                if (window.isEmpty() || fearBlocks.isEmpty()) {
                    return deny(detail("legal.rule.noPolicy", window.isEmpty() ? Policy.Name.NOTICE_WINDOW_HOURS
                            : Policy.Name.FEAR_CLAIM_BLOCKS), NOTICES, null);
                }
                if (Boolean.parseBoolean(fearBlocks.get().value())) {
                    for (FearClaim c : person.fearClaims()) {
                        if (c.status() == FearClaim.Status.UNRESOLVED && c.country().value().equals(r.toCountry())) {
                            return deny(detail("legal.rule.fearClaim", r.toCountry(), c.raisedAt(), c.id()), NOTICES,
                                    c.recordedAt());
                        }
                    }
                }
                if (person.languages().isEmpty()) {
                    return deny(detail("legal.rule.noLanguage"), NOTICES, null);
                }
                long hours = Long.parseLong(window.get().value());
                Instant latestServing = r.at().minus(Duration.ofHours(hours));
                Notice usable = null;
                for (Notice n : person.notices()) {
                    if (n.country().value().equals(r.toCountry()) && n.toPerson() && n.toCounsel()
                            && n.explainsHowToContest() && person.languages().contains(n.language())) {
                        if (usable == null || n.servedAt().isBefore(usable.servedAt())) {
                            usable = n;
                        }
                    }
                }
                if (usable == null) {
                    return deny(detail("legal.rule.noNotice", r.toCountry(), String.join(", ", person.languages())),
                            NOTICES, null);
                }
                if (usable.servedAt().isAfter(latestServing)) {
                    return deny(detail("legal.rule.noticeLate", r.toCountry(), usable.servedAt(), r.at(), hours),
                            NOTICES, usable.recordedAt());
                }
                return pass(NOTICES, usable.recordedAt());
            }
        };
    }

    @Bean
    VettingRule legalReviewRule(LegalFacts facts, MessageSource messages, Clock clock) {
        return new LegalVettingRule(LegalRule.LEGAL_REVIEW_STALE, facts, messages, clock) {
            @Override
            RuleOutcome judge(VettingRequest r, LegalFacts.Person person, LegalFacts.Shared shared) {
                if (r.toCountry() == null) {
                    return deny(detail("legal.rule.noCountry"), REVIEWS, null);
                }
                Optional<Policy> freshness = shared.policy(Policy.Name.REVIEW_FRESHNESS_DAYS, r.at());
                if (freshness.isEmpty()) {
                    return deny(detail("legal.rule.noPolicy", Policy.Name.REVIEW_FRESHNESS_DAYS), REVIEWS, null);
                }
                Optional<LegalReview> last = person.reviews().stream()
                        .filter(v -> v.country() != null && v.country().value().equals(r.toCountry()))
                        .max(Comparator.comparing(LegalReview::reviewedAt));
                if (last.isEmpty()) {
                    return deny(detail("legal.rule.neverReviewed", r.toCountry()), REVIEWS, null);
                }
                LegalReview review = last.get();
                long days = Long.parseLong(freshness.get().value());
                if (review.reviewedAt().isBefore(r.at().minus(Duration.ofDays(days)))) {
                    return deny(detail("legal.rule.reviewStale", r.toCountry(), review.reviewedAt(), days), REVIEWS,
                            review.reviewedAt());
                }
                if (person.lastChange() != null && person.lastChange().isAfter(review.reviewedAt())) {
                    return deny(detail("legal.rule.reviewOvertaken", person.lastChange(), r.toCountry(),
                            review.reviewedAt()), REVIEWS, review.reviewedAt());
                }
                return pass(REVIEWS, review.reviewedAt());
            }

            @Override
            public boolean overridable() {
                return true;
            }
        };
    }

    /** One legal rule: judges each request against the person's facts, for a batch as for one. */
    abstract static class LegalVettingRule implements VettingRule {

        private final LegalRule rule;
        private final LegalFacts facts;
        private final MessageSource messages;
        private final Clock clock;

        LegalVettingRule(LegalRule rule, LegalFacts facts, MessageSource messages, Clock clock) {
            this.rule = rule;
            this.facts = facts;
            this.messages = messages;
            this.clock = clock;
        }

        abstract RuleOutcome judge(VettingRequest request, LegalFacts.Person person, LegalFacts.Shared shared);

        @Override
        public String name() {
            return rule.name();
        }

        @Override
        public Set<MovementAction> appliesTo() {
            return ABROAD;
        }

        @Override
        public RuleOutcome evaluate(VettingRequest request, Evaluation evaluation) {
            return evaluateAll(List.of(request), evaluation).get(0);
        }

        @Override
        public List<RuleOutcome> evaluateAll(List<VettingRequest> requests, Evaluation evaluation) {
            Map<UUID, LegalFacts.Person> people = facts.of(requests.stream().map(VettingRequest::person).toList(),
                    evaluation);
            LegalFacts.Shared shared = facts.shared(evaluation);
            List<RuleOutcome> outcomes = new ArrayList<>(requests.size());
            for (VettingRequest request : requests) {
                outcomes.add(judge(request, people.get(request.person()), shared));
            }
            return outcomes;
        }

        /** Legal holds and reviews are overridden only by a legal officer with a supervisor (REQ-53, REQ-56). */
        @Override
        public boolean overridable() {
            return false;
        }

        @Override
        public Role approverRole() {
            return Role.SUPERVISOR;
        }

        @Override
        public Role requesterRole() {
            return Role.LEGAL;
        }

        RuleOutcome deny(Detail detail, Source source, Instant dataAsOf) {
            return RuleOutcome.deny(name(), name(), detail, source, dataAsOf);
        }

        RuleOutcome pass(Source source, Instant dataAsOf) {
            return RuleOutcome.pass(name(), source, dataAsOf == null ? clock.instant() : dataAsOf);
        }

        /** A reason in English, rendered from the same message the pages show in the reader's language. */
        Detail detail(String key, Object... args) {
            List<String> values = java.util.Arrays.stream(args).map(String::valueOf).toList();
            String text = messages.getMessage(key, RuleOutcome.params(key, values), Locale.ENGLISH);
            return new Detail(text, key, values);
        }
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static String caseOf(String caseNumber) {
        return caseNumber == null ? "-" : caseNumber;
    }

    static Instant latest(List<Instant> instants) {
        return instants.stream().filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}

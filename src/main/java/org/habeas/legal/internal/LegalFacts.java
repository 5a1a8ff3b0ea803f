package org.habeas.legal.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.legal.CourtOrder;
import org.habeas.legal.FearClaim;
import org.habeas.legal.Hold;
import org.habeas.legal.Injunction;
import org.habeas.legal.LegalReview;
import org.habeas.legal.Notice;
import org.habeas.legal.Policy;
import org.habeas.vetting.Evaluation;
import org.springframework.stereotype.Component;

/**
 * What the legal rules know of the people in one evaluation, read once for all of them and shared by every legal
 * rule through the {@link Evaluation} (docs/decisions/0005): a batch of 300 removals costs the same dozen statements
 * as one. The people's records are read under the shared form of the lock their changes take, so an order entered
 * meanwhile is either seen or waits for the decision to commit.
 */
@Component
class LegalFacts {

    /** One person's legal record and the custody facts the rules need. */
    record Person(List<CourtOrder> orders, List<Hold> holds, Set<String> nationalities, Set<String> languages,
                  LegalRepository.OpenEpisode episode, List<LegalReview> reviews, List<Notice> notices,
                  List<FearClaim> fearClaims, Instant lastChange) {
    }

    /** What is the same for everyone: the injunctions in force and every policy version. */
    record Shared(List<Injunction> injunctions, List<Policy> policies) {

        /** The value of {@code name} in force at {@code at}: the latest version effective by then. */
        Optional<Policy> policy(Policy.Name name, Instant at) {
            return policies.stream().filter(p -> p.name() == name && !p.effectiveFrom().isAfter(at))
                    .max(Comparator.comparing(Policy::effectiveFrom).thenComparingInt(Policy::version));
        }
    }

    private static final Evaluation.Shared<UUID, Person> PEOPLE = new Evaluation.Shared<>("legal.person");
    private static final Evaluation.Shared<String, Shared> SHARED = new Evaluation.Shared<>("legal.shared");
    private static final String ALL = "all";

    private final LegalRepository repository;

    LegalFacts(LegalRepository repository) {
        this.repository = repository;
    }

    Map<UUID, Person> of(Collection<UUID> people, Evaluation evaluation) {
        return evaluation.readAll(PEOPLE, people, this::read);
    }

    Shared shared(Evaluation evaluation) {
        return evaluation.readAll(SHARED, List.of(ALL), keys -> Map.of(ALL,
                new Shared(repository.injunctionsInForce(), repository.policies()))).get(ALL);
    }

    private Map<UUID, Person> read(List<UUID> people) {
        repository.lockPeopleShared(people);
        Map<UUID, List<CourtOrder>> orders = repository.bindingOrders(people);
        Map<UUID, List<Hold>> holds = repository.blockingHolds(people);
        Map<UUID, Set<String>> nationalities = repository.nationalities(people);
        Map<UUID, Set<String>> languages = repository.languages(people);
        Map<UUID, LegalRepository.OpenEpisode> episodes = repository.openEpisodes(people);
        Map<UUID, List<LegalReview>> reviews = byPerson(repository.reviews(people), LegalReview::person);
        Map<UUID, List<Notice>> notices = byPerson(repository.notices(people), Notice::person);
        Map<UUID, List<FearClaim>> claims = byPerson(repository.fearClaims(people), FearClaim::person);
        Map<UUID, Instant> lastChanges = repository.lastChanges(people);
        Map<UUID, Person> facts = new HashMap<>();
        for (UUID p : people) {
            facts.put(p, new Person(orders.getOrDefault(p, List.of()), holds.getOrDefault(p, List.of()),
                    nationalities.getOrDefault(p, Set.of()), languages.getOrDefault(p, Set.of()), episodes.get(p),
                    reviews.getOrDefault(p, List.of()), notices.getOrDefault(p, List.of()),
                    claims.getOrDefault(p, List.of()), lastChanges.get(p)));
        }
        return facts;
    }

    private static <T> Map<UUID, List<T>> byPerson(List<T> rows, java.util.function.Function<T, UUID> person) {
        Map<UUID, List<T>> byPerson = new HashMap<>();
        rows.forEach(r -> byPerson.computeIfAbsent(person.apply(r), k -> new java.util.ArrayList<>()).add(r));
        return byPerson;
    }
}

package org.habeas.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habeas.estate.EstateFixtures.aCode;
import static org.habeas.estate.EstateFixtures.aFacility;
import static org.habeas.estate.EstateFixtures.aLayout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.common.ErrorCode;
import org.habeas.vetting.Evaluation;
import org.habeas.vetting.MovementAction;
import org.habeas.vetting.RuleOutcome;
import org.habeas.vetting.VettingRequest;
import org.habeas.vetting.VettingRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The occupancy commands the custody module calls in its own transaction (invariant 2, REQ-29): twenty callers
 * racing for the last beds never push a place past its limit, and the CAPACITY rule judges by the same limit.
 */
class OccupancyTest extends IntegrationTest {

    static final int CALLERS = 20;

    @Autowired
    Occupancy occupancy;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    List<VettingRule> rules;

    TransactionTemplate tx;
    ExecutorService pool;
    String code;
    LocationId cell;

    @BeforeEach
    void aCellOf10Operational12Maximum() {
        tx = new TransactionTemplate(transactions);
        pool = Executors.newFixedThreadPool(CALLERS);
        code = aCode();
        as(Role.DIRECTOR).post("/api/facilities", aFacility(code)).expect(201);
        as(Role.DIRECTOR).post("/api/facilities/" + code + "/locations", aLayout(1, 1, 1, 40, 8, 10, 12)).expect(201);
        var id = as(Role.DIRECTOR).get("/api/facilities/" + code + "/locations").json().get(1).path("id").asString();
        cell = new LocationId(UUID.fromString(id));
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    int occupy(CapacityLimit limit) {
        return tx.execute(s -> occupancy.occupy(cell, limit));
    }

    int population() {
        return occupancy.find(cell).orElseThrow().population();
    }

    /** Runs {@code CALLERS} placements at once; the codes of the refusals, "OK" for each success. */
    List<String> race(CapacityLimit limit) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    occupy(limit);
                    return "OK";
                } catch (EstateRefused refused) {
                    return refused.code().name();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (var r : results) {
            outcomes.add(r.get());
        }
        return outcomes;
    }

    @Test
    void twentyCallersOnTheLastThreeBedsGetThreeBeds() throws Exception {
        for (int i = 0; i < 7; i++) {
            occupy(CapacityLimit.OPERATIONAL);
        }
        List<String> outcomes = race(CapacityLimit.OPERATIONAL);
        assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(3);
        assertThat(outcomes.stream().filter("CAPACITY_EXCEEDED"::equals).count()).isEqualTo(CALLERS - 3);
        assertThat(population()).isEqualTo(10);
    }

    @Test
    void withAnApprovedOverrideCallersFillUpToMaximumAndNoFurther() throws Exception {
        for (int i = 0; i < 10; i++) {
            occupy(CapacityLimit.OPERATIONAL);
        }
        List<String> outcomes = race(CapacityLimit.MAXIMUM);
        assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(2);
        assertThat(outcomes.stream().filter("MAXIMUM_CAPACITY_EXCEEDED"::equals).count()).isEqualTo(CALLERS - 2);
        assertThat(population()).isEqualTo(12);
        assertThatThrownBy(() -> occupy(CapacityLimit.OPERATIONAL)).isInstanceOf(EstateRefused.class)
                .extracting("code").isEqualTo(ErrorCode.MAXIMUM_CAPACITY_EXCEEDED);
    }

    @Test
    void aTemporaryOverrideRaisesTheNormalLimitUntilItExpires() throws Exception {
        as(Role.DIRECTOR).post("/api/facilities/" + code + "/locations/" + cell + "/overrides",
                Map.of("capacity", 11, "reason", "Transfer backlog", "expiresAt",
                        Instant.now().plus(1, ChronoUnit.DAYS).toString())).expect(201);
        List<String> outcomes = race(CapacityLimit.OPERATIONAL);
        assertThat(outcomes.stream().filter("OK"::equals).count()).isEqualTo(11);
        assertThat(population()).isEqualTo(11);
    }

    @Test
    void theCapacityRuleAndTheCountInAgreeOnTheLimitWithAndWithoutAnOverride() {   // REQ-29
        for (int i = 0; i < 10; i++) {
            occupy(CapacityLimit.OPERATIONAL);
        }
        assertThat(capacityRule().detailArgs()).as("denied at operational capacity").containsExactly(
                occupancy.find(cell).orElseThrow().pathKey(), "10", "10");
        assertThatThrownBy(() -> occupy(CapacityLimit.OPERATIONAL)).isInstanceOf(EstateRefused.class)
                .extracting(e -> ((EstateRefused) e).properties().get("limit")).isEqualTo(10);

        as(Role.DIRECTOR).post("/api/facilities/" + code + "/locations/" + cell + "/overrides",
                Map.of("capacity", 11, "reason", "Transfer backlog", "expiresAt",
                        Instant.now().plus(1, ChronoUnit.DAYS).toString())).expect(201);
        assertThat(capacityRule().verdict()).as("the override raises the rule's limit").isEqualTo(
                RuleOutcome.Verdict.PASS);
        occupy(CapacityLimit.OPERATIONAL);
        assertThat(capacityRule().detailArgs()).containsExactly(occupancy.find(cell).orElseThrow().pathKey(),
                "11", "11");
        assertThatThrownBy(() -> occupy(CapacityLimit.OPERATIONAL)).isInstanceOf(EstateRefused.class)
                .extracting(e -> ((EstateRefused) e).properties().get("limit")).isEqualTo(11);
    }

    RuleOutcome capacityRule() {
        VettingRule rule = rules.stream().filter(r -> r.name().equals(EstateRule.CAPACITY.name())).findFirst()
                .orElseThrow();
        return rule.evaluate(new VettingRequest(UUID.randomUUID(), MovementAction.PLACEMENT, code, null,
                cell.value(), null, null, null, null, Instant.now()), new Evaluation());
    }

    @Test
    void aRefusalLeavesTheCallersTransactionUsableAndARollbackUndoesTheCount() {
        tx.executeWithoutResult(s -> {
            occupancy.occupy(cell, CapacityLimit.OPERATIONAL);
            s.setRollbackOnly();
        });
        assertThat(population()).as("the count rolls back with the caller's movement").isZero();
        int afterRefusal = tx.execute(s -> {
            assertThatThrownBy(() -> occupancy.vacate(cell)).isInstanceOf(EstateRefused.class)
                    .extracting("code").isEqualTo(ErrorCode.LOCATION_EMPTY);
            return occupancy.occupy(cell, CapacityLimit.OPERATIONAL);
        });
        assertThat(afterRefusal).isEqualTo(1);
        assertThat(population()).isEqualTo(1);
        int vacated = tx.execute(s -> occupancy.vacate(cell));
        assertThat(vacated).isZero();
    }

    @Test
    void outsideATransactionItRefusesToCount() {
        assertThatThrownBy(() -> occupancy.occupy(cell, CapacityLimit.OPERATIONAL))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void anUnknownPlaceOrAModuleIsRefused() {
        assertThatThrownBy(() -> tx.execute(s -> occupancy.occupy(new LocationId(UUID.randomUUID()),
                CapacityLimit.OPERATIONAL))).extracting("code").isEqualTo(ErrorCode.LOCATION_NOT_FOUND);
        var module = occupancy.find(cell).orElseThrow().parent();
        assertThatThrownBy(() -> tx.execute(s -> occupancy.occupy(module, CapacityLimit.MAXIMUM)))
                .extracting("code").isEqualTo(ErrorCode.CAPACITY_NOT_APPLICABLE);
    }

    @Test
    void theDatabaseItselfRefusesMoreThanTheMaximum() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE location SET population = 13 WHERE id = :id")
                .param("id", cell.value()).update()).hasMessageContaining("location_check");
    }
}

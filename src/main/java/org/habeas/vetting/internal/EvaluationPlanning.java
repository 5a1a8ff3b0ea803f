package org.habeas.vetting.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Generic plans for the reads of a vetting evaluation. Each of its statements is a lookup by key ({@code = ANY} of
 * the movers, the cells, their modules) whose best plan does not depend on the values, yet PostgreSQL planned each
 * one afresh for every movement: planning was over half the cost of a dry run (bench/vetting, docs/performance.md).
 * The setting is {@code LOCAL}: it ends with the transaction at the latest, and a movement's own writes after its
 * evaluation are planned as usual again.
 */
@Component
public class EvaluationPlanning {

    private final JdbcClient jdbc;

    EvaluationPlanning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** From here to {@link #endGeneric} (or the end of the transaction), prepared statements use generic plans. */
    public void beginGeneric() {
        jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
    }

    /** Back to the session's own choice for the rest of the transaction. */
    public void endGeneric() {
        jdbc.sql("SET LOCAL plan_cache_mode TO DEFAULT").update();
    }
}

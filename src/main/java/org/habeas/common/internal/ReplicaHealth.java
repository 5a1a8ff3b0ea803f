package org.habeas.common.internal;

import org.habeas.common.Replica;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The replica in {@code /actuator/health} (details for ADMIN): always UP, because reads fall back to the primary
 * when it is down or lagging, with {@code inUse}, the lag and the reason it is not used. The primary is Spring
 * Boot's own {@code db} indicator.
 */
@Component("replicaHealthIndicator")   // shown as "replica"
class ReplicaHealth implements HealthIndicator {

    private final Replica replica;

    ReplicaHealth(Replica replica) {
        this.replica = replica;
    }

    @Override
    public Health health() {
        var status = replica.status();
        var health = Health.up().withDetail("configured", status.configured()).withDetail("inUse", status.usable());
        if (status.lagSeconds() != null) {
            health.withDetail("lagSeconds", status.lagSeconds());
        }
        if (status.bytesBehind() != null) {
            health.withDetail("bytesBehind", status.bytesBehind());
        }
        if (status.problem() != null) {
            health.withDetail("problem", status.problem());
        }
        if (status.checkedAt() != null) {
            health.withDetail("checkedAt", status.checkedAt().toString());
        }
        return health.build();
    }
}

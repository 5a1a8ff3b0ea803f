package org.habeas.custody.roll.internal;

import org.habeas.custody.LedgerBackdated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A movement recorded with a time at or before a checkpoint makes that checkpoint wrong: it is deleted, with every
 * later one, in the movement's own transaction (the listener runs synchronously in it), so no roll is ever computed
 * from a checkpoint that misses the movement.
 */
@Component
class BackdatedCheckpoints {

    private final RollRepository repository;

    BackdatedCheckpoints(RollRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void invalidate(LedgerBackdated backdated) {
        repository.invalidateFrom(backdated.occurredFrom());
    }
}

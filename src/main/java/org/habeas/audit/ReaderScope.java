package org.habeas.audit;

import java.util.Optional;
import java.util.Set;

/**
 * Which facilities' journal entries the signed-in reader may see. The journal sits below the module that knows
 * users and their facility scope, so that module provides this as a bean (docs/architecture.md: arrows point down).
 */
public interface ReaderScope {

    /**
     * Empty when the reader sees every entry; otherwise only entries recorded for one of these facilities.
     * Entries with no facility (users, tokens, the journal itself) are then hidden too: they may concern any.
     */
    Optional<Set<String>> facilities();
}

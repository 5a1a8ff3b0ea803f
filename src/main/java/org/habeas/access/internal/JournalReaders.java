package org.habeas.access.internal;

import java.util.Optional;
import java.util.Set;

import org.habeas.access.FacilityScope;
import org.habeas.audit.ReaderScope;
import org.springframework.stereotype.Component;

/** The journal shows a reader limited to some facilities only those facilities' entries, as every module does. */
@Component
class JournalReaders implements ReaderScope {

    private final FacilityScope scope;

    JournalReaders(FacilityScope scope) {
        this.scope = scope;
    }

    @Override
    public Optional<Set<String>> facilities() {
        return scope.limitedTo();
    }
}

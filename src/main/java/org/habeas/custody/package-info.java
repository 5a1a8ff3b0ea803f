/**
 * Custody: admission on a legal authority, the append-only movement ledger and where everyone is now
 * (whereabouts; invariants 1 to 6, docs/architecture.md). Its parts sit above it: {@code custody.placement} (who may
 * be held with whom) and {@code custody.roll} (the roll at any moment, the consistency check).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "vetting", "estate", "people"})
package org.habeas.custody;

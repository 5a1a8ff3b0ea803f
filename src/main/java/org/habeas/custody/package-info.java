/**
 * Custody: admission on a legal authority, the append-only movement ledger, where everyone is now (whereabouts),
 * and the roll at any moment (DESIGN.md invariants 1 to 6).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "vetting", "estate", "people"})
package org.habeas.custody;

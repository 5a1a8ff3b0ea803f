/**
 * The roll, a part of custody above it: who each facility holds now or held at any past instant, recomputed from the
 * movement ledger through daily checkpoints, and the consistency check of every stored projection against the
 * ledger (invariant 6, docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "vetting", "estate", "people", "custody",
                "custody.placement"})
package org.habeas.custody.roll;

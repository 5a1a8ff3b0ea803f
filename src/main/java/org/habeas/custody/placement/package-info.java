/**
 * Placement, a part of custody above it: who may be held with whom. Allegations of group membership with their
 * sources, non-associations between people and between groups, the per-cell counts the placement rules read, the
 * SEPARATION and NON_ASSOCIATION rules, the cells held against separation, and the locks a placement takes on each
 * record concerning the mover.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "vetting", "estate", "people", "custody"})
package org.habeas.custody.placement;

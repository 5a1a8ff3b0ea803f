/**
 * The estate: facilities, the location tree, capacity (declared and area-based), expansion projects and the
 * occupancy of every place (REQ-23 to REQ-29, REQ-47). Other modules use {@link org.habeas.estate.EstateService}
 * for figures and {@link org.habeas.estate.Occupancy} to count people into and out of cells in their own
 * transaction. The estate contributes the capacity rules to the vetting engine (docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "access", "vetting"})
package org.habeas.estate;

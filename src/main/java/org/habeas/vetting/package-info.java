/**
 * The rule engine every movement passes (invariant 3, docs/architecture.md): rules contributed by the modules above,
 * decisions with their reasons, fail closed on error, and two-person overrides (REQ-53).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "access"})
package org.habeas.vetting;

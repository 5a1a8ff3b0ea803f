/**
 * Transfers between governments: agreements with their terms, versions, expiry alerts, long-term dispositions and
 * statements (REQ-46); manifests whose every change is a new immutable version, vetted line by line and approved by
 * two people before anyone boards (REQ-53 to REQ-55); arrivals reconciled and admitted through custody's bulk
 * admission on the agreement's authority; handovers to a foreign authority (REQ-40, REQ-48). Its AGREEMENT_TERM rule
 * in the vetting engine refuses a placement, removal or handover under an agreement that is not in force. It sits
 * above legal: a manifest line is judged by every rule of the engine, legal's included, and it reads custody's
 * episodes that rest on an agreement through a view custody publishes.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "vetting", "estate", "people", "custody", "legal"})
package org.habeas.transfer;

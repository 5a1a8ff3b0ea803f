/**
 * Oversight: what directors, inspectors and oversight bodies read about the whole estate (REQ-03, REQ-13, REQ-19,
 * REQ-26 to REQ-29, REQ-47). The estate view (every facility, open or planned, its declared and area-based capacity,
 * population and occupancy rates, its expansions), the safeguards that are overdue, population statistics over time
 * from the ledger, the capacity forecast, and the reports of deaths, escapes and serious injuries to an independent
 * authority. It sits at the top: it reads the other modules through their services and published read models, and
 * owns only the incident reports.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "estate", "people", "custody", "legal", "transfer", "rights"})
package org.habeas.oversight;

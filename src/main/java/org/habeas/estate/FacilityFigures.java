package org.habeas.estate;

/** A facility with its capacity and occupancy figures now. */
public record FacilityFigures(Facility facility, Figures figures) {
}

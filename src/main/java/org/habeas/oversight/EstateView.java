package org.habeas.oversight;

import java.time.Instant;
import java.util.List;

import org.habeas.estate.Expansion;
import org.habeas.estate.Facility;
import org.habeas.estate.Figures;
import org.habeas.estate.PlannedCapacity;

/**
 * The estate at a glance (REQ-26 to REQ-28, REQ-47): every facility the reader may see, open, planned or closed, with
 * its figures now, and the total of the open ones. A planned facility is shown with what it is planned to hold even
 * before it has a cell.
 */
public record EstateView(Instant at, Figures openTotal, List<FacilityView> facilities) {

    /** One facility: its figures now, its planned capacity (planned facilities) and its expansion projects. */
    public record FacilityView(Facility facility, Figures figures, PlannedCapacity planned,
                               List<Expansion> expansions) {
    }
}

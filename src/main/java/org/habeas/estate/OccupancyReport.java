package org.habeas.estate;

import java.time.Instant;
import java.util.List;

/** Capacity and occupancy of a facility and of every location in it, in path-key order (REQ-28). */
public record OccupancyReport(Facility facility, Instant at, Figures total, List<LevelFigures> levels) {
}

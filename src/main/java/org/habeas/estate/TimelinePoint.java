package org.habeas.estate;

import java.time.LocalDate;

/**
 * Capacity as of a date: today, then after each expansion project not yet open ({@code expansion} names it).
 * The area-based figures apply to the planned layouts too (REQ-26).
 */
public record TimelinePoint(LocalDate date, String expansion, Figures figures) {
}

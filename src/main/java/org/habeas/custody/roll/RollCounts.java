package org.habeas.custody.roll;

/**
 * The roll's figures for a facility or one of its levels. {@code population} is everyone on the roll (in cells, in
 * reception, temporarily out); the unlock roll is who is physically inside (cells and reception). Capacity figures
 * are over active cells; {@code aboveCertifiedNormal} counts people beyond certified normal accommodation (REQ-27).
 */
public record RollCounts(int population, int inCells, int inReception, int temporarilyOut, int inTransitIn,
                         int inTransitOut, int handedOver, int arrivedToday, int leftToday, int unlockRoll,
                         int operationalCapacity, int netVacancies, int aboveCertifiedNormal) {
}

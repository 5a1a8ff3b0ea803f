package org.habeas.custody.roll;

/** One level of the roll (a module): who is in its cells against its capacity. */
public record RollLevel(String pathKey, String name, int inCells, int certifiedNormal, int operationalCapacity,
                        int netVacancies, int aboveCertifiedNormal) {
}

package org.habeas.estate;

/**
 * What a location is. Containers (module, block, landing) hold other locations; the rest hold people and carry
 * capacity figures. Only {@link #CELL}s are "normal accommodation": the facility's certified normal accommodation,
 * operational and maximum capacity are sums over active cells (REQ-27 leaves out places set apart for special
 * purposes), while the population counts everybody held anywhere.
 */
public enum LocationKind {
    MODULE, BLOCK, LANDING, CELL, RECEPTION, SEGREGATION, MEDICAL, OTHER;

    /** Whether other locations may sit under this one. */
    public boolean contains() {
        return switch (this) {
            case MODULE, BLOCK, LANDING -> true;
            case CELL, RECEPTION, SEGREGATION, MEDICAL, OTHER -> false;
        };
    }

    /** Whether people are held here, so the location needs capacity figures. */
    public boolean holdsPeople() {
        return switch (this) {
            case CELL, RECEPTION, SEGREGATION, MEDICAL -> true;
            case MODULE, BLOCK, LANDING, OTHER -> false;
        };
    }
}

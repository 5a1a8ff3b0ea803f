package org.habeas.transfer;

/** Where a manifest stands; the transitions are all in {@link #canBecome}. */
public enum ManifestStatus {
    /** Versions may be added, vetted and approved; nobody has boarded. */
    OPEN,
    /** Boarded against its latest approved version; no further version, arrivals may be checked in. */
    DISPATCHED,
    /** The arrivals were checked in and reconciled; closed for good. */
    ARRIVED;

    public boolean canBecome(ManifestStatus next) {
        return switch (this) {
            case OPEN -> next == DISPATCHED || next == ARRIVED;
            case DISPATCHED -> next == ARRIVED;
            case ARRIVED -> false;
        };
    }
}

package org.habeas.rights;

import java.util.Set;

/** What a notification tells: the event in custody that created the duty. */
public enum Occasion {
    ADMISSION, TRANSFER, RELEASE, REMOVAL, HANDOVER, DEATH,
    /** Serious illness, injury or a move to hospital, reported by an officer (REQ-31). */
    ILLNESS, INJURY, HOSPITAL;

    /** The occasions the person may ask a relative not to be told of (REQ-31). */
    public static final Set<Occasion> HEALTH = Set.of(ILLNESS, INJURY, HOSPITAL);

    /** Whether counsel of record is owed a notice too (REQ-36 for transfers); not for health, which is private. */
    public boolean tellsCounsel() {
        return !HEALTH.contains(this);
    }
}

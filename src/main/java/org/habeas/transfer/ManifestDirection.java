package org.habeas.transfer;

/** Which way a manifest carries people: into a facility of this register, or out to a foreign authority. */
public enum ManifestDirection {
    INBOUND, OUTBOUND
}

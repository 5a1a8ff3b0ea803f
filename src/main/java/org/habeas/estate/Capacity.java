package org.habeas.estate;

/**
 * The declared capacity of a place (REQ-27): certified normal accommodation (uncrowded), operational capacity
 * (what can be held with control, security and the regime working) and the maximum nobody may ever exceed.
 */
public record Capacity(int certifiedNormal, int operational, int maximum) {
}

package org.habeas.custody;

import java.util.UUID;

/**
 * An open non-association breached now (REQ-22): within {@code unit} (the cell, module or facility of its scope) are
 * held both people it names ({@code personA}, {@code personB}), or members of both groups it names
 * ({@code peopleA} alleged in {@code groupA}, {@code peopleB} in {@code groupB}; no one named, counts only).
 */
public record HeldTogether(UUID record, String scope, String unit, UUID personA, UUID personB, String groupA,
                           String groupB, long peopleA, long peopleB) {
}

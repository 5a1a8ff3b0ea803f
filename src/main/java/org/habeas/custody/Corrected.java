package org.habeas.custody;

import org.habeas.vetting.Decision;

/**
 * What a correction produced: the new ledger entry, the entry it corrects (unchanged but for being superseded now),
 * where the person is now, and the vetting decision a corrected cell passed (null when no cell was put on record).
 */
public record Corrected(Movement correction, Movement corrected, Whereabouts whereabouts, Decision decision) {
}

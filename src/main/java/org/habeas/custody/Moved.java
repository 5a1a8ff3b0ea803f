package org.habeas.custody;

import org.habeas.vetting.Decision;

/**
 * What a movement produced: the ledger entry, where the person is now (null when custody ended) and the vetting
 * decision it passed (null for facts that are not vetted, such as an arrival or a death).
 */
public record Moved(Movement movement, Whereabouts whereabouts, Decision decision) {
}

package org.habeas.transfer;

import java.util.UUID;

import org.habeas.custody.Moved;

/** A recorded handover: the person, and the ledger entry that ended their custody here by removal. */
public record HandedOver(UUID manifest, String ref, UUID person, Moved movement) {
}

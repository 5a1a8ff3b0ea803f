package org.habeas.transfer;

/** The kind of instrument an agreement is made by (REQ-46); a non-binding one is recorded as such. */
public enum InstrumentType {
    TREATY, INTERGOVERNMENTAL_SERVICE_AGREEMENT, CONTRACT, MEMORANDUM, EXCHANGE_OF_DIPLOMATIC_NOTES
}

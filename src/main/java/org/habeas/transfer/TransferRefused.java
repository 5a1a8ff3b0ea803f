package org.habeas.transfer;

import java.util.UUID;

import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;

/** The transfer module's refusals, each with its own published code. */
public final class TransferRefused {

    private TransferRefused() {
    }

    static HabeasException agreementNotFound(UUID id) {
        return new NotFound(ErrorCode.AGREEMENT_NOT_FOUND, "No agreement " + id);
    }

    static HabeasException referenceTaken(String reference) {
        return new Conflict(ErrorCode.AGREEMENT_REFERENCE_TAKEN, "Another agreement has the reference " + reference);
    }

    static HabeasException termInvalid() {
        return new InvalidRequest(ErrorCode.AGREEMENT_TERM_INVALID, "The term cannot end before it starts", "termEnd");
    }

    static HabeasException versionStale(int expected, int current) {
        return new Conflict(ErrorCode.AGREEMENT_VERSION_STALE,
                "The agreement is at version %d, not %d: read it again before changing it".formatted(current,
                        expected));
    }

    static HabeasException notHeld(UUID person, UUID agreement) {
        return new Conflict(ErrorCode.NOT_HELD_UNDER_AGREEMENT,
                "Person %s has never been held under agreement %s".formatted(person, agreement));
    }

    static HabeasException periodInvalid() {
        return new InvalidRequest(ErrorCode.VALIDATION_FAILED, "The period cannot end before it starts", "to");
    }

    static HabeasException agreementExpired(String reference, java.time.LocalDate day) {
        return new Conflict(ErrorCode.AGREEMENT_EXPIRED,
                "Agreement %s is not in force on %s".formatted(reference, day));
    }
}

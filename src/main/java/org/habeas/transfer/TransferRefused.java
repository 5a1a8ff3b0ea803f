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

    static HabeasException manifestNotFound(UUID id) {
        return new NotFound(ErrorCode.MANIFEST_NOT_FOUND, "No manifest " + id);
    }

    static HabeasException versionNotFound(UUID id, int version) {
        return new NotFound(ErrorCode.MANIFEST_VERSION_NOT_FOUND, "Manifest %s has no version %d".formatted(id,
                version));
    }

    static HabeasException versionOutdated(int version, int latest) {
        return new Conflict(ErrorCode.MANIFEST_VERSION_OUTDATED,
                "Version %d is not the latest: version %d is".formatted(version, latest));
    }

    static HabeasException builderCannotApprove(String builder) {
        return new Conflict(ErrorCode.MANIFEST_BUILDER_CANNOT_APPROVE,
                "The version was built by %s, who cannot also approve it (two-person rule)".formatted(builder));
    }

    static HabeasException notApproved(int latest) {
        return new Conflict(ErrorCode.MANIFEST_NOT_APPROVED,
                "The latest version, %d, is not approved: nobody may board or arrive on it".formatted(latest));
    }

    static HabeasException closed(ManifestStatus status) {
        return new Conflict(ErrorCode.MANIFEST_CLOSED, "The manifest is " + status + " and takes no such change");
    }

    static HabeasException notOnApproved(java.util.List<String> refs, int version) {
        return new Conflict(ErrorCode.NOT_ON_APPROVED_MANIFEST,
                "Not on approved version %d: %s".formatted(version, String.join(", ", refs)));
    }

    static HabeasException alternateNotFound(String ref) {
        return new InvalidRequest(ErrorCode.ALTERNATE_NOT_FOUND, "No alternate " + ref + " on the latest version",
                "alternate");
    }

    /** A version some of whose travelling lines are denied: the reasons line by line. */
    static HabeasException linesDenied(java.util.List<String> reasons) {
        return new Conflict(ErrorCode.MANIFEST_LINES_DENIED, "Lines are denied: " + String.join("; ", reasons)) {
            @Override
            public java.util.List<String> reasons() {
                return reasons;
            }
        };
    }

    static HabeasException versionRefused(int version, String by) {
        return new Conflict(ErrorCode.MANIFEST_VERSION_REFUSED,
                "Version %d was refused by %s: make a new version".formatted(version, by));
    }
}

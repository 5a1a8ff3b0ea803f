package org.habeas.vetting;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.springframework.http.HttpStatus;

/** Refusals of the override workflow; each misuse has its own stable code (issue: "each refused with its own code"). */
public class OverrideRefused extends HabeasException {

    OverrideRefused(ErrorCode code, HttpStatus status, String detail) {
        super(code, status, detail);
    }

    static OverrideRefused notFound() {
        return new OverrideRefused(ErrorCode.OVERRIDE_NOT_FOUND, HttpStatus.NOT_FOUND, "No such override");
    }

    static OverrideRefused sameApprover() {
        return new OverrideRefused(ErrorCode.SAME_APPROVER, HttpStatus.CONFLICT,
                "The person who requested an override cannot approve or refuse it (REQ-53)");
    }

    static OverrideRefused approverRole(String role) {
        return new OverrideRefused(ErrorCode.APPROVER_ROLE_REQUIRED, HttpStatus.FORBIDDEN,
                "Only a user with the role " + role + " may decide this override");
    }

    static OverrideRefused requesterRole(String rule, String role) {
        return new OverrideRefused(ErrorCode.REQUESTER_ROLE_REQUIRED, HttpStatus.FORBIDDEN,
                "Only a user with the role " + role + " may request an override of " + rule);
    }

    static OverrideRefused expired() {
        return new OverrideRefused(ErrorCode.OVERRIDE_EXPIRED, HttpStatus.CONFLICT, "The override has expired");
    }

    static OverrideRefused notPending(OverrideStatus status) {
        return new OverrideRefused(ErrorCode.OVERRIDE_NOT_PENDING, HttpStatus.CONFLICT,
                "The override is " + status + ", no longer pending");
    }

    static OverrideRefused notApproved(OverrideStatus status) {
        return new OverrideRefused(ErrorCode.OVERRIDE_NOT_APPROVED, HttpStatus.CONFLICT,
                "The override is " + status + "; only an approved, unused override lifts a denial");
    }

    static OverrideRefused anotherPerson() {
        return new OverrideRefused(ErrorCode.OVERRIDE_FOR_ANOTHER_PERSON, HttpStatus.CONFLICT,
                "The override was granted for another person");
    }

    static OverrideRefused anotherMovement(String granted, String asked) {
        return new OverrideRefused(ErrorCode.OVERRIDE_FOR_ANOTHER_MOVEMENT, HttpStatus.CONFLICT,
                "The override was granted for " + granted + ", not for " + asked);
    }

    static OverrideRefused unknownRule(String rule) {
        return new OverrideRefused(ErrorCode.UNKNOWN_RULE, HttpStatus.BAD_REQUEST, "No vetting rule " + rule);
    }

    static OverrideRefused notOverridable(String rule) {
        return new OverrideRefused(ErrorCode.RULE_NOT_OVERRIDABLE, HttpStatus.CONFLICT,
                "The rule " + rule + " is a hard limit that no override lifts");
    }

    static OverrideRefused badExpiry() {
        return new OverrideRefused(ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST,
                "An override expires in the future, within 30 days");
    }
}

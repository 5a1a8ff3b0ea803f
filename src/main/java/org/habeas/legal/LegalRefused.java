package org.habeas.legal;

import java.util.UUID;

import org.habeas.common.Conflict;
import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.common.NotFound;

/** The legal record's refusals, each with its own published code. */
public final class LegalRefused {

    private LegalRefused() {
    }

    static HabeasException orderNotFound(UUID id) {
        return new NotFound(ErrorCode.ORDER_NOT_FOUND, "No order " + id);
    }

    static HabeasException holdNotFound(UUID id) {
        return new NotFound(ErrorCode.HOLD_NOT_FOUND, "No hold " + id);
    }

    static HabeasException injunctionNotFound(UUID id) {
        return new NotFound(ErrorCode.INJUNCTION_NOT_FOUND, "No injunction " + id);
    }

    static HabeasException fearClaimNotFound(UUID id) {
        return new NotFound(ErrorCode.FEAR_CLAIM_NOT_FOUND, "No fear claim " + id);
    }

    static HabeasException expiryBeforeDecision(String field) {
        return new InvalidRequest(ErrorCode.ORDER_DATES_INVALID, "The expiry date is before the decision date", field);
    }

    static HabeasException effectiveBeforeDecision() {
        return new InvalidRequest(ErrorCode.ORDER_DATES_INVALID,
                "The order cannot take effect before it was decided", "effectiveFrom");
    }

    static HabeasException countryRequired(OrderType type) {
        return new InvalidRequest(ErrorCode.ORDER_COUNTRY_REQUIRED, "A " + type + " decision protects against one"
                + " country: its ISO 3166-1 code is required (REQ-41)", "country");
    }

    static HabeasException stayNeedsCourtAndCase(OrderType type, String field) {
        return new InvalidRequest(ErrorCode.STAY_NEEDS_COURT_AND_CASE, "A " + type
                + " is entered with the court or authority that granted it and its case number (REQ-43)", field);
    }

    static HabeasException injunctionWithoutCriteria() {
        return new InvalidRequest(ErrorCode.INJUNCTION_WITHOUT_CRITERIA, "A class-wide injunction names its class:"
                + " give at least one of nationalities, removalBasis, facilities, arrestedFrom, arrestedTo (REQ-57)",
                "nationalities");
    }

    static HabeasException holdAlreadyDecided(Hold.Status status) {
        return new Conflict(ErrorCode.HOLD_ALREADY_DECIDED, "The hold is already " + status);
    }

    static HabeasException holdDecidedByItsEnterer() {
        return new Conflict(ErrorCode.HOLD_DECIDED_BY_ITS_ENTERER,
                "A hold is verified or withdrawn by someone other than who entered it");
    }

    static HabeasException statusUnchanged(Enum<?> status) {
        return new Conflict(ErrorCode.STATUS_UNCHANGED, "The record is already " + status);
    }

    static HabeasException fearClaimResolved(FearClaim.Status status) {
        return new Conflict(ErrorCode.FEAR_CLAIM_RESOLVED, "The fear claim is already " + status);
    }

    static HabeasException policyValueInvalid(Policy.Name name, String why) {
        return new InvalidRequest(ErrorCode.POLICY_VALUE_INVALID, name + ": " + why, "value");
    }

    static HabeasException missing(String field, String what) {
        return new InvalidRequest(ErrorCode.VALIDATION_FAILED, what, field);
    }
}

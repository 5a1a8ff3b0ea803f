package org.habeas.custody.placement;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.springframework.http.HttpStatus;

/** Refusals of placement (allegations and non-associations), each with its own stable code. */
public class PlacementRefused extends HabeasException {

    PlacementRefused(ErrorCode code, HttpStatus status, String detail) {
        super(code, status, detail);
    }

    static PlacementRefused onlyLegalOfficersDecideAllegations() {
        return new PlacementRefused(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN, "An allegation is recorded as ALLEGED; "
                + "only a legal officer or a supervisor records it as admitted, adjudicated, disputed or withdrawn");
    }
}

package org.habeas.access;

import org.habeas.common.ErrorCode;
import org.habeas.common.NotFound;

/**
 * A facility outside the signed-in user's facility scope. The answer is exactly that of a facility that does not
 * exist (404 {@code FACILITY_NOT_FOUND}, "No facility CODE"), so scope does not leak which facilities there are;
 * the type tells the two apart inside Habeas, and the request is journaled as a refusal ({@code REFUSED}, kind
 * {@code FACILITY_SCOPE}).
 */
public final class OutOfScope extends NotFound {

    private final String facility;

    OutOfScope(String facility) {
        super(ErrorCode.FACILITY_NOT_FOUND, "No facility " + facility);
        this.facility = facility;
    }

    /** The facility code that was refused, as asked for (it need not exist). */
    public String facility() {
        return facility;
    }
}

package org.habeas.common;

import org.springframework.http.HttpStatus;

/** A request that is well formed but collides with the current state. */
public class Conflict extends HabeasException {

    public Conflict(ErrorCode code, String detail) {
        super(code, HttpStatus.CONFLICT, detail);
    }
}

package org.habeas.common;

import org.springframework.http.HttpStatus;

/** A thing that does not exist, or that the caller may not know exists (facility scope answers 404 too). */
public class NotFound extends HabeasException {

    public NotFound(ErrorCode code, String detail) {
        super(code, HttpStatus.NOT_FOUND, detail);
    }
}

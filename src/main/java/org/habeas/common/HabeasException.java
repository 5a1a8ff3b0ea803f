package org.habeas.common;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A refusal that reaches the client as problem details with a stable {@link ErrorCode}. */
public abstract class HabeasException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatus status;

    protected HabeasException(ErrorCode code, HttpStatus status, String detail) {
        super(detail);
        this.code = code;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** Why a rule refused, one line per reason; empty when the detail says it all. */
    public List<String> reasons() {
        return List.of();
    }

    /** Further named properties for the problem document (e.g. the current state). */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** HTTP headers the answer carries besides the problem document (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return Map.of();
    }
}

package org.habeas.common;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

/** A client that asked too often: 429 with {@code Retry-After}, in seconds, as a header and as a property. */
public class TooManyRequests extends HabeasException {

    private final Duration retryAfter;

    public TooManyRequests(ErrorCode code, String detail, Duration retryAfter) {
        super(code, HttpStatus.TOO_MANY_REQUESTS, detail);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("retryAfterSeconds", retryAfterSeconds());
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds()));
    }
}

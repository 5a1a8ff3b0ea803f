package org.habeas.common;

import java.util.Optional;

import org.slf4j.MDC;

/** The id of the HTTP request being served, as set by the request-id filter; journal entries carry it. */
public final class RequestId {

    public static final String MDC_KEY = "requestId";
    public static final String HEADER = "X-Request-Id";

    private RequestId() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}

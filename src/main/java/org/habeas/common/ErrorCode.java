package org.habeas.common;

/**
 * The stable {@code code} of every problem-details answer. Published: add, never rename or remove
 * ({@code PublishedErrorCodesTest} pins the list).
 */
public enum ErrorCode {
    VALIDATION_FAILED,
    MALFORMED_REQUEST,
    UNSUPPORTED_MEDIA_TYPE,
    NOT_ACCEPTABLE,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    UNAUTHENTICATED,
    FORBIDDEN,
    INTERNAL_ERROR,
    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENCY_KEY_INVALID,
    USER_NOT_FOUND,
    USERNAME_TAKEN,
    PASSWORD_TOO_WEAK,
    TOKEN_NOT_FOUND,
    FACILITY_NOT_FOUND,
    JOURNAL_FILTER_INVALID
}

package org.habeas.common;

/** Which page of a list to read: zero-based page number and page size (1..{@link Page#MAX_SIZE}). */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "page must be 0 or more", "page");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED,
                    "size must be between 1 and " + Page.MAX_SIZE, "size");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}

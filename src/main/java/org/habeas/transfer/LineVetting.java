package org.habeas.transfer;

import java.util.List;

/**
 * How one manifest line was vetted when its version was made: CLEARED or DENIED, each denial with its rule, code,
 * reason and the record behind it, and the rules that passed it.
 */
public record LineVetting(Status status, List<Reason> reasons, List<String> passed) {

    public enum Status { CLEARED, DENIED }

    public record Reason(String rule, String code, String reason, String source) {
    }

    public LineVetting {
        reasons = List.copyOf(reasons);
        passed = List.copyOf(passed);
    }

    public static LineVetting of(List<Reason> denials, List<String> passed) {
        return new LineVetting(denials.isEmpty() ? Status.CLEARED : Status.DENIED, denials, passed);
    }

    public boolean denied() {
        return status == Status.DENIED;
    }
}

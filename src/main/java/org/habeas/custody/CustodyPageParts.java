package org.habeas.custody;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.habeas.common.ErrorCode;
import org.habeas.common.HabeasException;
import org.habeas.common.InvalidRequest;
import org.habeas.vetting.MovementDenied;
import org.habeas.vetting.RuleOutcome;

/**
 * What the pages of custody and of its parts (placement, the roll) share: who may read and who may move, how a
 * refusal is shown, and how typed input is read. Pages only; the API validates its own bodies.
 */
public final class CustodyPageParts {

    public static final String READERS = "hasAnyRole('INTAKE','HOUSING','LEGAL','SUPERVISOR','DIRECTOR','INSPECTOR')";
    public static final String MOVERS = "hasAnyRole('INTAKE','HOUSING','SUPERVISOR')";

    private CustodyPageParts() {
    }

    /**
     * A refusal as the page shows it: the code, the fields it names, the rule reasons and any figures; for a denied
     * movement, the denying rules' outcomes too, whose details the page shows in the reader's language (the English
     * {@code reasons} stay in the API's problem details).
     */
    public record Refusal(String code, List<String> fields, List<String> reasons, Map<String, Object> figures,
                   List<RuleOutcome> denials) {

        public static Refusal of(HabeasException e) {
            Map<String, Object> properties = e.properties();
            List<String> fields = new ArrayList<>();
            if (properties.get("fields") instanceof Collection<?> named) {
                named.forEach(f -> fields.add(String.valueOf(f)));
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            for (String key : List.of("location", "population", "limit", "current")) {
                if (properties.containsKey(key)) {
                    figures.put(key, properties.get(key));
                }
            }
            List<RuleOutcome> denials = e instanceof MovementDenied denied ? denied.decision().denials() : List.of();
            return new Refusal(e.code().name(), List.copyOf(fields), e.reasons(), figures, denials);
        }

        public boolean capacity() {
            return figures.containsKey("location") && figures.containsKey("limit");
        }
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public static String trim(String s) {
        return blank(s) ? null : s.strip();
    }

    /** A date-time typed on a page (an HTML datetime-local, or an ISO instant) read in the facility's zone. */
    public static Instant instant(String text, ZoneId zone, String field) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequest(ErrorCode.VALIDATION_FAILED, "Not a date and time: " + t, field);
        }
    }
}

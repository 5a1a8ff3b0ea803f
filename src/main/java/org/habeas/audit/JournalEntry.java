package org.habeas.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a command asks the journal to record: what was done ({@code action}, UPPER_SNAKE such as
 * {@code USER_CREATED}) to which thing ({@code subjectType}, {@code subjectId}), where, why, and any further
 * {@code details} (stored as JSON; never put the sensitive data itself there, REQ-49). Who did it comes from the
 * signed-in user unless {@link #by(String, String)} names the actor, as a failed log-on must.
 *
 * <pre>{@code
 * journal.append(JournalEntry.of("PERSON_MOVED", "person", id.toString())
 *         .withFacility("CECOT").withReason(command.reason()).withDetails(Map.of("to", cell)));
 * }</pre>
 */
public record JournalEntry(String action, String subjectType, String subjectId, String facility, String reason,
                           Map<String, Object> details, String actor, String actorRoles) {

    /** The longest reason the journal keeps; request records that carry a reason should cap it here or lower. */
    public static final int MAX_REASON = 2000;

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    // A bad entry is a programming error in the calling module, never a user's mistake: fail loudly.
    public JournalEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("a journal action is UPPER_SNAKE, at most 64 characters: " + action);
        }
        if (subjectType.isBlank()) {
            throw new IllegalArgumentException("a journal entry needs a subject type");
        }
        if (actor == null && actorRoles != null) {
            throw new IllegalArgumentException("roles without an actor");
        }
        // The journal_entry CHECKs, caught here with a clearer message: the calling module must validate user
        // input (a reason typed into a form) against these limits before its command gets this far.
        requireAtMost(subjectType, 100, "subjectType");
        requireAtMost(subjectId, 200, "subjectId");
        requireAtMost(facility, 100, "facility");
        requireAtMost(reason, MAX_REASON, "reason");
        requireAtMost(actor, 200, "actor");
        // LinkedHashMap rather than Map.copyOf: a detail may legitimately be null ("no previous cell").
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static JournalEntry of(String action, String subjectType, String subjectId) {
        return new JournalEntry(action, subjectType, subjectId, null, null, Map.of(), null, null);
    }

    /** The facility the subject belongs to, so facility-scoped readers can find the entry. */
    public JournalEntry withFacility(String facility) {
        return new JournalEntry(action, subjectType, subjectId, facility, reason, details, actor, actorRoles);
    }

    public JournalEntry withReason(String reason) {
        return new JournalEntry(action, subjectType, subjectId, facility, reason, details, actor, actorRoles);
    }

    public JournalEntry withDetails(Map<String, ?> details) {
        return new JournalEntry(action, subjectType, subjectId, facility, reason,
                details == null ? null : new LinkedHashMap<String, Object>(details), actor, actorRoles);
    }

    /**
     * Names the actor explicitly, for events that happen before anyone is signed in (a failed log-on names the
     * attempted user). {@code roles} is the comma-joined list, empty when unknown.
     */
    public JournalEntry by(String actor, String roles) {
        return new JournalEntry(action, subjectType, subjectId, facility, reason, details,
                Objects.requireNonNull(actor, "actor"), roles == null ? "" : roles);
    }

    private static void requireAtMost(String value, int length, String name) {
        if (value != null && value.length() > length) {
            throw new IllegalArgumentException("a journal " + name + " is at most " + length + " characters");
        }
    }
}

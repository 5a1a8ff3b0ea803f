package org.habeas.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.habeas.audit.internal.Chain;
import org.habeas.audit.internal.Checkpoint;
import org.habeas.audit.internal.EntryContent;
import org.habeas.audit.internal.JournalMetrics;
import org.habeas.audit.internal.JournalRepository;
import org.habeas.audit.internal.JournalRepository.StoredEntry;
import org.habeas.audit.internal.Verifier;
import org.habeas.common.Page;
import org.habeas.common.PageRequest;
import org.habeas.common.Replica;
import org.habeas.common.RequestId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident journal (REQ-06, REQ-49 to REQ-51). Commands call {@link #append} inside their own
 * transaction, so the entry commits or rolls back with its change (invariant 4, docs/architecture.md). Entries are
 * never changed or deleted: the database refuses it, and a sealer chains every committed entry with SHA-256 and
 * signs checkpoints with the journal's Ed25519 key within seconds, so {@link #verify} finds any change made by
 * someone who got round the database.
 *
 * <p>Reading the journal is itself journaled ({@code JOURNAL_SEARCHED}, {@code JOURNAL_VERIFIED}): CJIS 5.4
 * counts access to audit records among the events to audit (REQ-51).
 *
 * <p>Refusals: a search with {@code to} before {@code from}, or a page outside 0.., size outside 1..500, is
 * {@code VALIDATION_FAILED} naming the field. Writing an entry from a read-only transaction is a programming
 * error ({@link IllegalStateException}), as is an entry that breaks {@link JournalEntry}'s limits.
 */
@Service
@Transactional(readOnly = true)
public class Journal {

    /** The actor of entries written with nobody signed in and no actor named (scheduled work, start-up). */
    public static final String SYSTEM = "system";
    /** The actor of entries written for an unauthenticated request that named no actor. */
    public static final String ANONYMOUS = "anonymous";

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() { };

    private final JournalRepository repository;
    private final Verifier verifier;
    private final Clock clock;
    private final JsonMapper json;
    private final ReaderScope readers;
    private final TransactionTemplate transaction;
    private final JournalMetrics metrics;
    private final Replica replica;

    Journal(JournalRepository repository, Verifier verifier, Clock clock, JsonMapper json, ReaderScope readers,
            PlatformTransactionManager transactions, JournalMetrics metrics, Replica replica) {
        this.repository = repository;
        this.replica = replica;
        this.metrics = metrics;
        this.readers = readers;
        this.verifier = verifier;
        this.clock = clock;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Records {@code entry} in the caller's transaction (a new one when there is none): it commits with the
     * command or not at all. The actor is the one the entry names, else the signed-in user with their roles,
     * else {@link #ANONYMOUS} or {@link #SYSTEM}. Called inside a read-only transaction it throws
     * {@link IllegalStateException}: a command that journals writes, so it must not be marked read-only.
     */
    @Transactional
    public void append(JournalEntry entry) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("a journal entry (" + entry.action() + ") cannot be written in a "
                    + "read-only transaction; make the calling method @Transactional");
        }
        Actor actor = entry.actor() != null ? new Actor(entry.actor(), entry.actorRoles()) : Actor.current();
        repository.append(UUID.randomUUID(), clock.instant(), actor.name(), actor.roles(), entry.action(),
                entry.subjectType(), entry.subjectId(), entry.facility(), entry.reason(),
                json.writeValueAsString(entry.details()), RequestId.current().orElse(null));
    }

    /**
     * {@link #append} for many entries in one statement (a bulk admission journals one entry per person): the same
     * rows in the same order, sealed and chained like any others. Same transaction rules as {@link #append}.
     */
    @Transactional
    public void appendAll(List<JournalEntry> entries) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("journal entries cannot be written in a read-only transaction; make the "
                    + "calling method @Transactional");
        }
        if (entries.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String requestId = RequestId.current().orElse(null);
        Actor signedIn = Actor.current();
        List<JournalRepository.NewEntry> rows = new java.util.ArrayList<>(entries.size());
        for (JournalEntry entry : entries) {
            Actor actor = entry.actor() != null ? new Actor(entry.actor(), entry.actorRoles()) : signedIn;
            rows.add(new JournalRepository.NewEntry(UUID.randomUUID(), actor.name(), actor.roles(),
                    entry.action(), entry.subjectType(), entry.subjectId(), entry.facility(), entry.reason(),
                    json.writeValueAsString(entry.details()), requestId));
        }
        repository.appendAll(now, rows);
    }

    /**
     * Records that the signed-in user read a sensitive record (REQ-49: "when, where, who, what", without the data
     * itself), as action {@code READ}. Same transaction rules as {@link #append}: call it from a read-write
     * transaction, since a journaled read is a write.
     */
    @Transactional
    public void recordRead(String subjectType, String subjectId, String facility) {
        append(JournalEntry.of("READ", subjectType, subjectId).withFacility(facility));
    }

    /**
     * Entries matching {@code query}, newest first, with the total count; a reader limited to some facilities
     * sees only those facilities' entries ({@link ReaderScope}). The search itself is journaled as
     * {@code JOURNAL_SEARCHED} with the filter, after the query, so it is not part of its own result. Outside a
     * command the query runs on the read replica when one is usable ({@link Replica}), and the entry in a
     * transaction of its own on the primary; inside a command both are in the command's transaction.
     */
    @Transactional(propagation = Propagation.SUPPORTS)   // the query may go to the replica; the entry never does
    public Page<JournalRecord> search(JournalQuery query, PageRequest page) {
        String[] facilities = readers.facilities().map(f -> f.toArray(String[]::new)).orElse(null);
        record Found(List<JournalRecord> items, long total) {
        }
        Found found = replica.read(() -> new Found(repository.search(query, facilities, page).stream()
                .map(this::record).toList(), repository.count(query, facilities)));
        List<JournalRecord> items = found.items();
        long total = found.total();
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("subjectType", query.subjectType());
        filter.put("subjectId", query.subjectId());
        filter.put("actor", query.actor());
        filter.put("action", query.action());
        filter.put("from", query.from() == null ? null : query.from().toString());
        filter.put("to", query.to() == null ? null : query.to().toString());
        filter.values().removeIf(Objects::isNull);
        transaction.executeWithoutResult(status -> append(JournalEntry.of("JOURNAL_SEARCHED", "journal", "journal")
                .withDetails(Map.of("filter", filter, "page", page.page(), "size", page.size(), "total", total))));
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * Recomputes the whole chain and every checkpoint signature against the configured public key, and answers
     * {@code OK} with the counts or {@code BROKEN} with the first break. Every run is kept (for
     * {@link #summary()}) and journaled as {@code JOURNAL_VERIFIED}. Runs in its own transactions: one consistent
     * read-only snapshot for the check, one to record the result.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Verification verify() {
        Verification result = verifier.verify();
        transaction.executeWithoutResult(status -> {
            repository.insertVerification(result, Actor.current().name());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", result.status().name());
            details.put("entriesChecked", result.entriesChecked());
            details.put("checkpoints", result.checkpoints());
            if (result.firstBreak() != null) {
                details.put("problem", result.firstBreak().problem().name());
                details.put("chainPosition", result.firstBreak().chainPosition());
            }
            append(JournalEntry.of("JOURNAL_VERIFIED", "journal", "journal").withDetails(details));
        });
        metrics.verified(result);
        return result;
    }

    /** Counts, the last checkpoint and the last verification; cheap enough for every home-page view. */
    public JournalSummary summary() {
        long pending = repository.countUnsealed();
        var checkpoint = repository.lastCheckpoint();
        long sealed = checkpoint.map(Checkpoint::upToPosition).orElse(0L);
        return new JournalSummary(sealed + pending, sealed, pending, checkpoint.map(Checkpoint::upToPosition)
                .orElse(null), checkpoint.map(Checkpoint::sealedAt).orElse(null),
                repository.lastVerification().orElse(null));
    }

    private JournalRecord record(StoredEntry stored) {
        EntryContent e = stored.content();
        return new JournalRecord(e.id(), e.seq(), instant(e.recordedAtMicros()), e.actor(), e.actorRoles(),
                e.action(), e.subjectType(), e.subjectId(), e.facility(), e.reason(),
                json.readValue(e.details(), DETAILS), e.requestId(), stored.chainPosition(),
                Chain.hex(stored.entryHash()));
    }

    private static Instant instant(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }

    private record Actor(String name, String roles) {

        static Actor current() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()) {
                return new Actor(SYSTEM, "");
            }
            if (authentication instanceof AnonymousAuthenticationToken) {
                return new Actor(ANONYMOUS, "");
            }
            String roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                    .sorted().collect(Collectors.joining(","));
            return new Actor(authentication.getName(), roles);
        }
    }
}

package org.habeas.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.habeas.audit.JournalQuery;
import org.habeas.audit.Verification;
import org.habeas.common.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal's SQL: appending, sealing, reading for the API, and the stored checkpoints and verifications. */
@Repository
public class JournalRepository {

    // Explicit columns in the order Chain hashes them; EntryContent.read maps them by name.
    static final String APPEND = """
            INSERT INTO journal_entry (id, recorded_at, actor, actor_roles, action, subject_type, subject_id,
                                       facility, reason, details, request_id)
            VALUES (:id, :recordedAt, :actor, :actorRoles, :action, :subjectType, :subjectId,
                    :facility, :reason, CAST(:details AS json), :requestId)
            """;

    // Many entries in one statement, in the order given (WITH ORDINALITY, so their seq follow that order).
    static final String APPEND_ALL = """
            INSERT INTO journal_entry (id, recorded_at, actor, actor_roles, action, subject_type, subject_id,
                                       facility, reason, details, request_id)
            SELECT e.id, CAST(:recordedAt AS timestamptz), e.actor, e.actor_roles, e.action, e.subject_type, e.subject_id, e.facility,
                   e.reason, CAST(e.details AS json), e.request_id
              FROM unnest(CAST(:ids AS uuid[]), CAST(:actors AS text[]),
                          CAST(:actorRoles AS text[]), CAST(:actions AS text[]), CAST(:subjectTypes AS text[]),
                          CAST(:subjectIds AS text[]), CAST(:facilities AS text[]), CAST(:reasons AS text[]),
                          CAST(:details AS text[]), CAST(:requestIds AS text[]))
                   WITH ORDINALITY AS e (id, actor, actor_roles, action, subject_type, subject_id,
                                         facility, reason, details, request_id, n)
             ORDER BY e.n
            """;

    /** One entry to append, as {@link #append} takes it; all entries of one call are recorded at the same instant. */
    public record NewEntry(UUID id, String actor, String actorRoles, String action,
                           String subjectType, String subjectId, String facility, String reason, String detailsJson,
                           String requestId) {
    }

    // Serialises sealers across application instances; released when the sealing transaction ends.
    static final String LOCK_SEALER = """
            SELECT pg_advisory_xact_lock(:key)
            """;

    static final String LAST_CHECKPOINT = """
            SELECT up_to_pos, head_hash, sealed_at, key_id, signature
              FROM journal_checkpoint
             ORDER BY up_to_pos DESC
             LIMIT 1
            """;

    // FOR UPDATE: a second sealer that got past the advisory lock some other way still cannot seal these twice.
    static final String LOCK_UNSEALED = """
            SELECT seq, id, recorded_at, actor, actor_roles, action, subject_type, subject_id, facility, reason,
                   details, request_id
              FROM journal_entry
             WHERE chain_pos IS NULL
             ORDER BY seq
             LIMIT :limit
               FOR UPDATE
            """;

    // One statement for the whole batch: the arrays are matched element by element by unnest.
    static final String SEAL = """
            UPDATE journal_entry AS e
               SET chain_pos = s.chain_pos, prev_hash = s.prev_hash, entry_hash = s.entry_hash
              FROM unnest(CAST(:seqs AS bigint[]), CAST(:positions AS bigint[]), CAST(:prevHashes AS bytea[]),
                          CAST(:entryHashes AS bytea[])) AS s (seq, chain_pos, prev_hash, entry_hash)
             WHERE e.seq = s.seq AND e.chain_pos IS NULL
            """;

    static final String INSERT_CHECKPOINT = """
            INSERT INTO journal_checkpoint (up_to_pos, head_hash, sealed_at, key_id, signature)
            VALUES (:upToPos, :headHash, :sealedAt, :keyId, :signature)
            """;

    /**
     * Every sealed entry in chain order, with its seal; what verification streams (and the benchmark times).
     * Verifier reads the columns by position: keep their order.
     */
    public static final String SEALED_IN_CHAIN_ORDER = """
            SELECT chain_pos, prev_hash, entry_hash, seq, id, recorded_at, actor, actor_roles, action,
                   subject_type, subject_id, facility, reason, details, request_id
              FROM journal_entry
             WHERE chain_pos IS NOT NULL
             ORDER BY chain_pos
            """;

    static final String CHECKPOINTS_IN_ORDER = """
            SELECT up_to_pos, head_hash, sealed_at, key_id, signature
              FROM journal_checkpoint
             ORDER BY up_to_pos
            """;

    static final String CHECKPOINT_AT = """
            SELECT up_to_pos, head_hash, sealed_at, key_id, signature
              FROM journal_checkpoint
             WHERE up_to_pos = :position
            """;

    static final String COUNT_UNSEALED = """
            SELECT count(*) FROM journal_entry WHERE chain_pos IS NULL
            """;

    // Small whatever the journal's size: the partial index journal_entry_unsealed holds only unsealed rows, by seq.
    static final String OLDEST_UNSEALED = """
            SELECT recorded_at FROM journal_entry WHERE chain_pos IS NULL ORDER BY seq LIMIT 1
            """;

    // The optional filters: a NULL parameter switches its condition off. "to" is exclusive.
    static final String SEARCH = """
            SELECT seq, id, recorded_at, actor, actor_roles, action, subject_type, subject_id, facility, reason,
                   details, request_id, chain_pos, entry_hash
              FROM journal_entry
             WHERE (CAST(:subjectType AS text) IS NULL OR subject_type = :subjectType)
               AND (CAST(:subjectId AS text) IS NULL OR subject_id = :subjectId)
               AND (CAST(:actor AS text) IS NULL OR actor = :actor)
               AND (CAST(:action AS text) IS NULL OR action = :action)
               AND (CAST(:from AS timestamptz) IS NULL OR recorded_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR recorded_at < :to)
               AND (CAST(:facilities AS text[]) IS NULL OR facility = ANY(CAST(:facilities AS text[])))
             ORDER BY seq DESC
             LIMIT :limit OFFSET :offset
            """;

    static final String COUNT_MATCHING = """
            SELECT count(*)
              FROM journal_entry
             WHERE (CAST(:subjectType AS text) IS NULL OR subject_type = :subjectType)
               AND (CAST(:subjectId AS text) IS NULL OR subject_id = :subjectId)
               AND (CAST(:actor AS text) IS NULL OR actor = :actor)
               AND (CAST(:action AS text) IS NULL OR action = :action)
               AND (CAST(:from AS timestamptz) IS NULL OR recorded_at >= :from)
               AND (CAST(:to AS timestamptz) IS NULL OR recorded_at < :to)
               AND (CAST(:facilities AS text[]) IS NULL OR facility = ANY(CAST(:facilities AS text[])))
            """;

    static final String INSERT_VERIFICATION = """
            INSERT INTO journal_verification (verified_at, verified_by, status, entries_checked, pending,
                                              checkpoints, problem, broken_pos, broken_seq, detail, duration_ms)
            VALUES (:verifiedAt, :verifiedBy, :status, :entriesChecked, :pending, :checkpoints, :problem,
                    :brokenPos, :brokenSeq, :detail, :durationMs)
            """;

    static final String LAST_VERIFICATION = """
            SELECT verified_at, status, entries_checked, pending, checkpoints, problem, broken_pos, broken_seq,
                   detail, duration_ms
              FROM journal_verification
             ORDER BY id DESC
             LIMIT 1
            """;

    private final JdbcClient jdbc;

    JournalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(UUID id, Instant recordedAt, String actor, String actorRoles, String action,
                       String subjectType, String subjectId, String facility, String reason, String detailsJson,
                       String requestId) {
        int inserted = jdbc.sql(APPEND).param("id", id).param("recordedAt", utc(recordedAt))
                .param("actor", actor).param("actorRoles", actorRoles).param("action", action)
                .param("subjectType", subjectType).param("subjectId", subjectId).param("facility", facility)
                .param("reason", reason).param("details", detailsJson).param("requestId", requestId).update();
        if (inserted != 1) {
            throw new IllegalStateException("journal entry " + id + " was not written");
        }
    }

    public void appendAll(Instant recordedAt, List<NewEntry> entries) {
        int inserted = jdbc.sql(APPEND_ALL).param("recordedAt", utc(recordedAt))
                .param("ids", entries.stream().map(NewEntry::id).toArray(UUID[]::new))
                .param("actors", entries.stream().map(NewEntry::actor).toArray(String[]::new))
                .param("actorRoles", entries.stream().map(NewEntry::actorRoles).toArray(String[]::new))
                .param("actions", entries.stream().map(NewEntry::action).toArray(String[]::new))
                .param("subjectTypes", entries.stream().map(NewEntry::subjectType).toArray(String[]::new))
                .param("subjectIds", entries.stream().map(NewEntry::subjectId).toArray(String[]::new))
                .param("facilities", entries.stream().map(NewEntry::facility).toArray(String[]::new))
                .param("reasons", entries.stream().map(NewEntry::reason).toArray(String[]::new))
                .param("details", entries.stream().map(NewEntry::detailsJson).toArray(String[]::new))
                .param("requestIds", entries.stream().map(NewEntry::requestId).toArray(String[]::new)).update();
        if (inserted != entries.size()) {
            throw new IllegalStateException(entries.size() + " journal entries to write, " + inserted + " written");
        }
    }

    // --- sealing ---

    public void lockSealer(long key) {
        jdbc.sql(LOCK_SEALER).param("key", key).query(rs -> { });
    }

    public Optional<Checkpoint> lastCheckpoint() {
        return jdbc.sql(LAST_CHECKPOINT).query(JournalRepository::checkpoint).optional();
    }

    public List<EntryContent> lockUnsealed(int limit) {
        return jdbc.sql(LOCK_UNSEALED).param("limit", limit).query((rs, n) -> EntryContent.read(rs)).list();
    }

    public int seal(long[] seqs, long[] positions, byte[][] prevHashes, byte[][] entryHashes) {
        return jdbc.sql(SEAL).param("seqs", seqs).param("positions", positions).param("prevHashes", prevHashes)
                .param("entryHashes", entryHashes).update();
    }

    public void insertCheckpoint(Checkpoint checkpoint) {
        int inserted = jdbc.sql(INSERT_CHECKPOINT).param("upToPos", checkpoint.upToPosition())
                .param("headHash", checkpoint.headHash()).param("sealedAt", utc(checkpoint.sealedAt()))
                .param("keyId", checkpoint.keyId()).param("signature", checkpoint.signature()).update();
        if (inserted != 1) {
            throw new IllegalStateException("checkpoint " + checkpoint.upToPosition() + " was not written");
        }
    }

    // --- reading ---

    public long countUnsealed() {
        return jdbc.sql(COUNT_UNSEALED).query(Long.class).single();
    }

    /** When the oldest entry still waiting for the sealer was recorded; empty when every entry is sealed. */
    public Optional<Instant> oldestUnsealed() {
        return jdbc.sql(OLDEST_UNSEALED).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** {@code facilities} null: entries of every facility and none; otherwise only those facilities'. */
    public List<StoredEntry> search(JournalQuery query, String[] facilities, PageRequest page) {
        return filtered(SEARCH, query, facilities).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new StoredEntry(EntryContent.read(rs), (Long) rs.getObject("chain_pos"),
                        rs.getBytes("entry_hash")))
                .list();
    }

    public long count(JournalQuery query, String[] facilities) {
        return filtered(COUNT_MATCHING, query, facilities).query(Long.class).single();
    }

    /** Streams checkpoints in position order; the caller closes the stream, inside its transaction. */
    public java.util.stream.Stream<Checkpoint> checkpointsInOrder() {
        return jdbc.sql(CHECKPOINTS_IN_ORDER).withFetchSize(1_000).query(JournalRepository::checkpoint).stream();
    }

    public java.util.Optional<Checkpoint> checkpointAt(long position) {
        return jdbc.sql(CHECKPOINT_AT).param("position", position).query(JournalRepository::checkpoint).optional();
    }

    public JdbcClient.StatementSpec sealedInChainOrder(int fetchSize) {
        return jdbc.sql(SEALED_IN_CHAIN_ORDER).withFetchSize(fetchSize);
    }

    // --- verifications ---

    public void insertVerification(Verification result, String verifiedBy) {
        var broken = result.firstBreak();
        int inserted = jdbc.sql(INSERT_VERIFICATION).param("verifiedAt", utc(result.at()))
                .param("verifiedBy", verifiedBy).param("status", result.status().name())
                .param("entriesChecked", result.entriesChecked()).param("pending", result.pending())
                .param("checkpoints", result.checkpoints())
                .param("problem", broken == null ? null : broken.problem().name())
                .param("brokenPos", broken == null ? null : broken.chainPosition())
                .param("brokenSeq", broken == null ? null : broken.seq())
                .param("detail", broken == null ? null : broken.detail())
                .param("durationMs", result.durationMillis()).update();
        if (inserted != 1) {
            throw new IllegalStateException("the verification result was not written");
        }
    }

    public Optional<Verification> lastVerification() {
        return jdbc.sql(LAST_VERIFICATION).query((rs, n) -> {
            Instant at = rs.getObject("verified_at", OffsetDateTime.class).toInstant();
            var status = Verification.Status.valueOf(rs.getString("status"));
            String problem = rs.getString("problem");
            var broken = problem == null ? null : new Verification.Break(Verification.Problem.valueOf(problem),
                    rs.getLong("broken_pos"), (Long) rs.getObject("broken_seq"), rs.getString("detail"));
            return new Verification(status, at, rs.getLong("entries_checked"), rs.getLong("pending"),
                    rs.getLong("checkpoints"), broken, rs.getLong("duration_ms"));
        }).optional();
    }

    /** An entry as listed: its hashed content plus its seal, when it has one. */
    public record StoredEntry(EntryContent content, Long chainPosition, byte[] entryHash) {
    }

    private JdbcClient.StatementSpec filtered(String sql, JournalQuery query, String[] facilities) {
        return jdbc.sql(sql).param("facilities", facilities).param("subjectType", query.subjectType()).param("subjectId", query.subjectId())
                .param("actor", query.actor()).param("action", query.action())
                .param("from", query.from() == null ? null : utc(query.from()))
                .param("to", query.to() == null ? null : utc(query.to()));
    }

    private static Checkpoint checkpoint(ResultSet rs, int n) throws SQLException {
        return new Checkpoint(rs.getLong("up_to_pos"), rs.getBytes("head_hash"),
                rs.getObject("sealed_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"),
                rs.getBytes("signature"));
    }

    // pgjdbc binds OffsetDateTime as timestamptz; an Instant it does not know.
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package org.habeas.legal.internal;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.common.CountryCode;
import org.habeas.legal.ReturnCase;
import org.habeas.legal.StatusChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Return cases' SQL (REQ-45). Nothing here deletes: a case is opened, gains steps (append-only in the database) and
 * closes once; its opening and closing are rows of legal_status_change. Lists take the reader's facilities (null:
 * every facility) and match them against the facility the person was removed from, as the other legal lists do.
 */
@Repository
public class ReturnCaseRepository {

    private static final String CASE_COLUMNS = """
            id, person_id, order_id, country, grounds, status, opened_at, opened_by, closed_at, closed_by,
            closure_reference, closure_summary, facility_code
            """;

    private static final String INSERT_CASE = """
            INSERT INTO legal_return_case (id, person_id, order_id, country, grounds, status, opened_at, opened_by,
                   facility_code)
            VALUES (:id, :person, :order, :country, :grounds, 'OPEN', :at, :by, :facility)
            """;
    private static final String SELECT_CASE = "SELECT " + CASE_COLUMNS + " FROM legal_return_case WHERE id = :id";
    private static final String LOCK_CASE = SELECT_CASE + " FOR UPDATE";
    private static final String SELECT_CASES_BY_STATUS_IN_SCOPE = "SELECT " + CASE_COLUMNS + """
             FROM legal_return_case
            WHERE (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))
              AND (CAST(:facilities AS text[]) IS NULL OR facility_code = ANY (CAST(:facilities AS text[])))
            ORDER BY opened_at DESC LIMIT :limit
            """;
    private static final String COUNT_OPEN_IN_SCOPE = """
            SELECT count(*) FROM legal_return_case
             WHERE status = 'OPEN'
               AND (CAST(:facilities AS text[]) IS NULL OR facility_code = ANY (CAST(:facilities AS text[])))
            """;
    private static final String CLOSE_OPEN_CASE = """
            UPDATE legal_return_case
               SET status = :status, closed_at = :at, closed_by = :by, closure_reference = :reference,
                   closure_summary = :summary
             WHERE id = :id AND status = 'OPEN'
            """;
    // Run under the case's row lock (LOCK_CASE), so two steps recorded at once get lines n and n + 1.
    private static final String APPEND_STEP = """
            INSERT INTO legal_return_step (case_id, line, kind, happened_at, summary, recorded_at, recorded_by)
            SELECT :case, coalesce(max(line), 0) + 1, :kind, :happenedAt, :summary, :at, :by
              FROM legal_return_step WHERE case_id = :case
            """;
    private static final String SELECT_STEPS = """
            SELECT line, kind, happened_at, summary, recorded_at, recorded_by FROM legal_return_step
             WHERE case_id = :case ORDER BY line
            """;
    private static final String INSERT_STATUS_CHANGE = """
            INSERT INTO legal_status_change (record_id, record_kind, changed_at, changed_by, from_status, to_status,
                   reason)
            VALUES (:record, 'RETURN_CASE', :at, :by, :from, :to, :reason)
            """;
    private static final String SELECT_STATUS_CHANGES = """
            SELECT changed_at, changed_by, from_status, to_status, reason FROM legal_status_change
             WHERE record_id = :record AND record_kind = 'RETURN_CASE' ORDER BY changed_at, from_status NULLS FIRST
            """;
    private static final String SELECT_ORDER_PERSON = "SELECT person_id FROM legal_order WHERE id = :id";
    // The facility a return case belongs to: the one the person was last removed from, else the one holding them
    // now, else the one that held them last (custody's published episodes, never its tables).
    private static final String SELECT_FACILITY_OF_REMOVAL = """
            SELECT facility_code FROM (
                SELECT facility_code, 1 AS rank, ended_at AS at FROM custody_ended_episode
                 WHERE person_id = :person AND end_kind = 'REMOVED'
                UNION ALL
                SELECT facility_code, 2, admitted_at FROM custody_open_episode WHERE person_id = :person
                UNION ALL
                SELECT facility_code, 3, ended_at FROM custody_ended_episode WHERE person_id = :person
            ) episodes ORDER BY rank, at DESC LIMIT 1
            """;

    private static final String SELECT_FACILITY_ZONE =
            "SELECT time_zone FROM estate_facility_zone WHERE facility_code = :facility";

    private final JdbcClient jdbc;

    ReturnCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertCase(ReturnCase c) {
        int inserted = jdbc.sql(INSERT_CASE).param("id", c.id()).param("person", c.person()).param("order", c.order())
                .param("country", c.country().value()).param("grounds", c.grounds()).param("at", utc(c.openedAt()))
                .param("by", c.openedBy()).param("facility", c.facility()).update();
        requireOne(inserted, "insert return case " + c.id());
    }

    public Optional<ReturnCase> returnCase(UUID id) {
        return jdbc.sql(SELECT_CASE).param("id", id).query((rs, n) -> returnCase(rs)).optional()
                .map(c -> withRecord(c));
    }

    public Optional<ReturnCase> lockCase(UUID id) {
        return jdbc.sql(LOCK_CASE).param("id", id).query((rs, n) -> returnCase(rs)).optional();
    }

    /** The cases of {@code status} (null: every status) in the facilities given (null: all), newest first. */
    public List<ReturnCase> cases(ReturnCase.Status status, Set<String> facilities, int limit) {
        return jdbc.sql(SELECT_CASES_BY_STATUS_IN_SCOPE).param("status", status == null ? null : status.name())
                .param("facilities", facilities == null ? null : facilities.toArray(String[]::new))
                .param("limit", limit).query((rs, n) -> returnCase(rs)).list();
    }

    public int countOpen(Set<String> facilities) {
        return jdbc.sql(COUNT_OPEN_IN_SCOPE)
                .param("facilities", facilities == null ? null : facilities.toArray(String[]::new))
                .query(Integer.class).single();
    }

    /** Closes the case if it is still open; false when it was already closed. */
    public boolean closeOpenCase(UUID id, ReturnCase.Status status, Instant at, String by, String reference,
                                 String summary) {
        return jdbc.sql(CLOSE_OPEN_CASE).param("id", id).param("status", status.name()).param("at", utc(at))
                .param("by", by).param("reference", reference).param("summary", summary).update() == 1;
    }

    public void appendStep(UUID caseId, ReturnCase.Step.Kind kind, Instant happenedAt, String summary, Instant at,
                           String by) {
        int inserted = jdbc.sql(APPEND_STEP).param("case", caseId).param("kind", kind.name())
                .param("happenedAt", utc(happenedAt)).param("summary", summary).param("at", utc(at))
                .param("by", by).update();
        requireOne(inserted, "append a step to return case " + caseId);
    }

    public void insertStatusChange(UUID caseId, StatusChange change) {
        int inserted = jdbc.sql(INSERT_STATUS_CHANGE).param("record", caseId).param("at", utc(change.at()))
                .param("by", change.by()).param("from", change.from()).param("to", change.to())
                .param("reason", change.reason()).update();
        requireOne(inserted, "record the status of return case " + caseId);
    }

    public Optional<UUID> orderPerson(UUID order) {
        return jdbc.sql(SELECT_ORDER_PERSON).param("id", order).query(UUID.class).optional();
    }

    public Optional<String> facilityOfRemoval(UUID person) {
        return jdbc.sql(SELECT_FACILITY_OF_REMOVAL).param("person", person).query(String.class).optional();
    }

    /** A facility's time zone, from estate's published view (docs/architecture.md, "Published read models"). */
    public Optional<String> zone(String facility) {
        return jdbc.sql(SELECT_FACILITY_ZONE).param("facility", facility).query(String.class).optional();
    }

    private ReturnCase withRecord(ReturnCase c) {
        List<ReturnCase.Step> steps = jdbc.sql(SELECT_STEPS).param("case", c.id()).query((rs, n) ->
                new ReturnCase.Step(rs.getInt("line"), ReturnCase.Step.Kind.valueOf(rs.getString("kind")),
                        instant(rs, "happened_at"), rs.getString("summary"), instant(rs, "recorded_at"),
                        rs.getString("recorded_by"))).list();
        List<StatusChange> history = jdbc.sql(SELECT_STATUS_CHANGES).param("record", c.id()).query((rs, n) ->
                new StatusChange(instant(rs, "changed_at"), rs.getString("changed_by"), rs.getString("from_status"),
                        rs.getString("to_status"), rs.getString("reason"))).list();
        return new ReturnCase(c.id(), c.person(), c.order(), c.country(), c.grounds(), c.status(), c.openedAt(),
                c.openedBy(), c.closedAt(), c.closedBy(), c.closureReference(), c.closureSummary(), c.facility(),
                steps, history);
    }

    private static ReturnCase returnCase(ResultSet rs) throws SQLException {
        return new ReturnCase(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("order_id", UUID.class), new CountryCode(rs.getString("country")),
                rs.getString("grounds"), ReturnCase.Status.valueOf(rs.getString("status")),
                instant(rs, "opened_at"), rs.getString("opened_by"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("closure_reference"), rs.getString("closure_summary"),
                rs.getString("facility_code"), List.of(), List.of());
    }

    private static void requireOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException(what + ": " + rows + " rows");
        }
    }
}

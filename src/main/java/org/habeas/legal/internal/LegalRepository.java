package org.habeas.legal.internal;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.habeas.common.CountryCode;
import org.habeas.legal.CourtOrder;
import org.habeas.legal.FearClaim;
import org.habeas.legal.Hold;
import org.habeas.legal.Injunction;
import org.habeas.legal.LegalReview;
import org.habeas.legal.Notice;
import org.habeas.legal.OrderType;
import org.habeas.legal.Policy;
import org.habeas.legal.QualityFlag;
import org.habeas.legal.RecordStatus;
import org.habeas.legal.StatusChange;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The legal record's SQL. Nothing here deletes; a status change updates the status and adds a history row. */
@Repository
public class LegalRepository {

    /** The person's legal record is changed under this lock, and the removal rules read it under its shared form. */
    private static final String LOCK_PERSON = "SELECT pg_advisory_xact_lock(hashtextextended('legal:' || :person, 0))";
    private static final String LOCK_PEOPLE_SHARED = """
            SELECT count(pg_advisory_xact_lock_shared(hashtextextended('legal:' || p, 0)))
              FROM unnest(CAST(:people AS uuid[])) p
            """;

    private static final String ORDER_COLUMNS = """
            id, person_id, type, issued_by, case_number, decided_on, status, country, effective_from, expires_on,
            document_reference, order_text, quality_flags, countries_in_text, quality_reviewed_at, quality_reviewed_by,
            recorded_at, recorded_by
            """;
    private static final String HOLD_COLUMNS = """
            id, person_id, source, issued_by, case_number, received_at, summary, document_reference, status,
            recorded_at, recorded_by, decided_at, decided_by
            """;
    private static final String INJUNCTION_COLUMNS = """
            id, issued_by, case_number, decided_on, status, effective_from, expires_on, document_reference, summary,
            nationalities, removal_basis, facilities, arrested_from, arrested_to, recorded_at, recorded_by
            """;

    private final JdbcClient jdbc;

    LegalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void lockPerson(UUID person) {
        jdbc.sql(LOCK_PERSON).param("person", person.toString()).query(Object.class).single();
    }

    public void lockPeopleShared(Collection<UUID> people) {
        jdbc.sql(LOCK_PEOPLE_SHARED).param("people", people.stream().distinct().toArray(UUID[]::new))
                .query(Long.class).single();
    }

    // ---- orders

    public void insertOrder(CourtOrder o, String facility) {
        jdbc.sql("""
                INSERT INTO legal_order (id, person_id, type, issued_by, case_number, decided_on, status, country,
                       effective_from, expires_on, document_reference, order_text, quality_flags, countries_in_text,
                       recorded_at, recorded_by, facility_code)
                VALUES (:id, :person, :type, :issuedBy, :caseNumber, :decidedOn, :status, :country, :effectiveFrom,
                        :expiresOn, :document, :text, :flags, :inText, :at, :by, :facility)
                """).param("id", o.id()).param("person", o.person()).param("type", o.type().name())
                .param("issuedBy", o.issuedBy()).param("caseNumber", o.caseNumber()).param("decidedOn", o.decidedOn())
                .param("status", o.status().name()).param("country", o.country() == null ? null : o.country().value())
                .param("effectiveFrom", o.effectiveFrom()).param("expiresOn", o.expiresOn())
                .param("document", o.documentReference()).param("text", o.text())
                .param("flags", o.flags().stream().map(Enum::name).toArray(String[]::new))
                .param("inText", o.countriesInText().toArray(String[]::new)).param("at", utc(o.recordedAt()))
                .param("by", o.recordedBy()).param("facility", facility).update();
    }

    public Optional<CourtOrder> order(UUID id) {
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM legal_order WHERE id = :id").param("id", id)
                .query((rs, n) -> order(rs)).optional().map(o -> withHistory(o, history(o.id())));
    }

    public Optional<String> orderFacility(UUID id) {
        return jdbc.sql("SELECT facility_code FROM legal_order WHERE id = :id").param("id", id).query(String.class)
                .optional();
    }

    public List<CourtOrder> orders(UUID person) {
        List<CourtOrder> orders = jdbc.sql("SELECT " + ORDER_COLUMNS
                + " FROM legal_order WHERE person_id = :person ORDER BY decided_on DESC, recorded_at DESC")
                .param("person", person).query((rs, n) -> order(rs)).list();
        Map<UUID, List<StatusChange>> histories = histories(orders.stream().map(CourtOrder::id).toList());
        return orders.stream().map(o -> withHistory(o, histories.get(o.id()))).toList();
    }

    /** The orders of these people that are active or under appeal, whatever their dates: the rules judge those. */
    public Map<UUID, List<CourtOrder>> bindingOrders(Collection<UUID> people) {
        Map<UUID, List<CourtOrder>> byPerson = new HashMap<>();
        jdbc.sql("SELECT " + ORDER_COLUMNS + """
                 FROM legal_order WHERE person_id = ANY (CAST(:people AS uuid[])) AND status IN ('ACTIVE', 'APPEALED')
                """).param("people", people.toArray(UUID[]::new)).query((RowCallbackHandler) rs -> byPerson
                .computeIfAbsent(rs.getObject("person_id", UUID.class), p -> new ArrayList<>()).add(order(rs)));
        return byPerson;
    }

    /** The orders flagged by the data-quality guard that no one has reviewed, oldest first, within {@code facilities}. */
    public List<CourtOrder> ordersToReview(Set<String> facilities, int limit) {
        return jdbc.sql("SELECT " + ORDER_COLUMNS + """
                 FROM legal_order
                WHERE quality_flags <> '{}' AND quality_reviewed_at IS NULL
                  AND (CAST(:facilities AS text[]) IS NULL OR facility_code = ANY (CAST(:facilities AS text[])))
                ORDER BY recorded_at LIMIT :limit
                """).param("facilities", facilities == null ? null : facilities.toArray(String[]::new))
                .param("limit", limit).query((rs, n) -> order(rs)).list();
    }

    public void setOrderStatus(UUID id, RecordStatus status) {
        jdbc.sql("UPDATE legal_order SET status = :status WHERE id = :id").param("id", id)
                .param("status", status.name()).update();
    }

    public boolean markOrderReviewed(UUID id, Instant at, String by) {
        return jdbc.sql("""
                UPDATE legal_order SET quality_reviewed_at = :at, quality_reviewed_by = :by
                 WHERE id = :id AND quality_reviewed_at IS NULL
                """).param("id", id).param("at", utc(at)).param("by", by).update() == 1;
    }

    private static CourtOrder order(ResultSet rs) throws SQLException {
        String country = rs.getString("country");
        return new CourtOrder(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                OrderType.valueOf(rs.getString("type")), rs.getString("issued_by"), rs.getString("case_number"),
                rs.getObject("decided_on", LocalDate.class), RecordStatus.valueOf(rs.getString("status")),
                country == null ? null : new CountryCode(country), rs.getObject("effective_from", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), rs.getString("document_reference"),
                rs.getString("order_text"), strings(rs.getArray("quality_flags")).stream().map(QualityFlag::valueOf)
                .toList(), strings(rs.getArray("countries_in_text")), instant(rs, "quality_reviewed_at"),
                rs.getString("quality_reviewed_by"), instant(rs, "recorded_at"), rs.getString("recorded_by"), null);
    }

    private static CourtOrder withHistory(CourtOrder o, List<StatusChange> history) {
        return new CourtOrder(o.id(), o.person(), o.type(), o.issuedBy(), o.caseNumber(), o.decidedOn(), o.status(),
                o.country(), o.effectiveFrom(), o.expiresOn(), o.documentReference(), o.text(), o.flags(),
                o.countriesInText(), o.qualityReviewedAt(), o.qualityReviewedBy(), o.recordedAt(), o.recordedBy(),
                history == null ? List.of() : history);
    }

    // ---- holds

    public void insertHold(Hold h, String facility) {
        jdbc.sql("""
                INSERT INTO legal_hold (id, person_id, source, issued_by, case_number, received_at, summary,
                       document_reference, status, recorded_at, recorded_by, facility_code)
                VALUES (:id, :person, :source, :issuedBy, :caseNumber, :receivedAt, :summary, :document, :status,
                        :at, :by, :facility)
                """).param("id", h.id()).param("person", h.person()).param("source", h.source().name())
                .param("issuedBy", h.issuedBy()).param("caseNumber", h.caseNumber())
                .param("receivedAt", utc(h.receivedAt())).param("summary", h.summary())
                .param("document", h.documentReference()).param("status", h.status().name())
                .param("at", utc(h.recordedAt())).param("by", h.recordedBy()).param("facility", facility).update();
    }

    public Optional<Hold> lockHold(UUID id) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " FROM legal_hold WHERE id = :id FOR UPDATE").param("id", id)
                .query((rs, n) -> hold(rs, null)).optional();
    }

    public Optional<Hold> hold(UUID id) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + " FROM legal_hold WHERE id = :id").param("id", id)
                .query((rs, n) -> hold(rs, null)).optional().map(h -> withHistory(h, history(h.id())));
    }

    public List<Hold> holds(UUID person) {
        List<Hold> holds = jdbc.sql("SELECT " + HOLD_COLUMNS
                + " FROM legal_hold WHERE person_id = :person ORDER BY recorded_at DESC").param("person", person)
                .query((rs, n) -> hold(rs, null)).list();
        Map<UUID, List<StatusChange>> histories = histories(holds.stream().map(Hold::id).toList());
        return holds.stream().map(h -> withHistory(h, histories.get(h.id()))).toList();
    }

    public List<Hold> provisionalHolds(Set<String> facilities, int limit) {
        return jdbc.sql("SELECT " + HOLD_COLUMNS + """
                 FROM legal_hold
                WHERE status = 'PROVISIONAL'
                  AND (CAST(:facilities AS text[]) IS NULL OR facility_code = ANY (CAST(:facilities AS text[])))
                ORDER BY recorded_at LIMIT :limit
                """).param("facilities", facilities == null ? null : facilities.toArray(String[]::new))
                .param("limit", limit).query((rs, n) -> hold(rs, null)).list();
    }

    public Optional<String> holdFacility(UUID id) {
        return jdbc.sql("SELECT facility_code FROM legal_hold WHERE id = :id").param("id", id).query(String.class)
                .optional();
    }

    public Map<UUID, List<Hold>> blockingHolds(Collection<UUID> people) {
        Map<UUID, List<Hold>> byPerson = new HashMap<>();
        jdbc.sql("SELECT " + HOLD_COLUMNS + """
                 FROM legal_hold WHERE person_id = ANY (CAST(:people AS uuid[])) AND status <> 'WITHDRAWN'
                """).param("people", people.toArray(UUID[]::new)).query((RowCallbackHandler) rs -> byPerson
                .computeIfAbsent(rs.getObject("person_id", UUID.class), p -> new ArrayList<>()).add(hold(rs, null)));
        return byPerson;
    }

    public void decideHold(UUID id, Hold.Status status, Instant at, String by) {
        jdbc.sql("UPDATE legal_hold SET status = :status, decided_at = :at, decided_by = :by WHERE id = :id")
                .param("id", id).param("status", status.name()).param("at", utc(at)).param("by", by).update();
    }

    private static Hold hold(ResultSet rs, List<StatusChange> history) throws SQLException {
        return new Hold(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                Hold.Source.valueOf(rs.getString("source")), rs.getString("issued_by"), rs.getString("case_number"),
                instant(rs, "received_at"), rs.getString("summary"), rs.getString("document_reference"),
                Hold.Status.valueOf(rs.getString("status")), instant(rs, "recorded_at"), rs.getString("recorded_by"),
                instant(rs, "decided_at"), rs.getString("decided_by"), history);
    }

    private static Hold withHistory(Hold h, List<StatusChange> history) {
        return new Hold(h.id(), h.person(), h.source(), h.issuedBy(), h.caseNumber(), h.receivedAt(), h.summary(),
                h.documentReference(), h.status(), h.recordedAt(), h.recordedBy(), h.decidedAt(), h.decidedBy(),
                history);
    }

    // ---- injunctions

    public void insertInjunction(Injunction i) {
        jdbc.sql("""
                INSERT INTO legal_injunction (id, issued_by, case_number, decided_on, status, effective_from,
                       expires_on, document_reference, summary, nationalities, removal_basis, facilities,
                       arrested_from, arrested_to, recorded_at, recorded_by)
                VALUES (:id, :issuedBy, :caseNumber, :decidedOn, :status, :effectiveFrom, :expiresOn, :document,
                        :summary, :nationalities, :basis, :facilities, :from, :to, :at, :by)
                """).param("id", i.id()).param("issuedBy", i.issuedBy()).param("caseNumber", i.caseNumber())
                .param("decidedOn", i.decidedOn()).param("status", i.status().name())
                .param("effectiveFrom", i.effectiveFrom()).param("expiresOn", i.expiresOn())
                .param("document", i.documentReference()).param("summary", i.summary())
                .param("nationalities", i.nationalities().stream().sorted().toArray(String[]::new))
                .param("basis", i.removalBasis())
                .param("facilities", i.facilities().stream().sorted().toArray(String[]::new))
                .param("from", i.arrestedFrom()).param("to", i.arrestedTo()).param("at", utc(i.recordedAt()))
                .param("by", i.recordedBy()).update();
    }

    public Optional<Injunction> injunction(UUID id) {
        return jdbc.sql("SELECT " + INJUNCTION_COLUMNS + " FROM legal_injunction WHERE id = :id").param("id", id)
                .query((rs, n) -> injunction(rs, null)).optional()
                .map(i -> injunction(i, history(i.id())));
    }

    public List<Injunction> injunctions() {
        return jdbc.sql("SELECT " + INJUNCTION_COLUMNS + " FROM legal_injunction ORDER BY decided_on DESC")
                .query((rs, n) -> injunction(rs, null)).list();
    }

    public List<Injunction> injunctionsInForce() {
        return jdbc.sql("SELECT " + INJUNCTION_COLUMNS
                + " FROM legal_injunction WHERE status IN ('ACTIVE', 'APPEALED')")
                .query((rs, n) -> injunction(rs, null)).list();
    }

    public void setInjunctionStatus(UUID id, RecordStatus status) {
        jdbc.sql("UPDATE legal_injunction SET status = :status WHERE id = :id").param("id", id)
                .param("status", status.name()).update();
    }

    private static Injunction injunction(ResultSet rs, List<StatusChange> history) throws SQLException {
        return new Injunction(rs.getObject("id", UUID.class), rs.getString("issued_by"), rs.getString("case_number"),
                rs.getObject("decided_on", LocalDate.class), RecordStatus.valueOf(rs.getString("status")),
                rs.getObject("effective_from", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                rs.getString("document_reference"), rs.getString("summary"),
                Set.copyOf(strings(rs.getArray("nationalities"))), rs.getString("removal_basis"),
                Set.copyOf(strings(rs.getArray("facilities"))), rs.getObject("arrested_from", LocalDate.class),
                rs.getObject("arrested_to", LocalDate.class), instant(rs, "recorded_at"), rs.getString("recorded_by"),
                history);
    }

    private static Injunction injunction(Injunction i, List<StatusChange> history) {
        return new Injunction(i.id(), i.issuedBy(), i.caseNumber(), i.decidedOn(), i.status(), i.effectiveFrom(),
                i.expiresOn(), i.documentReference(), i.summary(), i.nationalities(), i.removalBasis(),
                i.facilities(), i.arrestedFrom(), i.arrestedTo(), i.recordedAt(), i.recordedBy(), history);
    }

    // ---- status history

    public void insertStatusChange(UUID record, String kind, StatusChange change) {
        jdbc.sql("""
                INSERT INTO legal_status_change (record_id, record_kind, changed_at, changed_by, from_status, to_status,
                       reason)
                VALUES (:record, :kind, :at, :by, :from, :to, :reason)
                """).param("record", record).param("kind", kind).param("at", utc(change.at()))
                .param("by", change.by()).param("from", change.from()).param("to", change.to())
                .param("reason", change.reason()).update();
    }

    private List<StatusChange> history(UUID record) {
        return histories(List.of(record)).getOrDefault(record, List.of());
    }

    private Map<UUID, List<StatusChange>> histories(Collection<UUID> records) {
        Map<UUID, List<StatusChange>> byRecord = new HashMap<>();
        if (records.isEmpty()) {
            return byRecord;
        }
        jdbc.sql("""
                SELECT record_id, changed_at, changed_by, from_status, to_status, reason FROM legal_status_change
                 WHERE record_id = ANY (CAST(:records AS uuid[])) ORDER BY changed_at, to_status
                """).param("records", records.toArray(UUID[]::new)).query((RowCallbackHandler) rs -> byRecord
                .computeIfAbsent(rs.getObject("record_id", UUID.class), r -> new ArrayList<>())
                .add(new StatusChange(instant(rs, "changed_at"), rs.getString("changed_by"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("reason"))));
        return byRecord;
    }

    // ---- reviews, residences, notices, fear claims

    public void insertReview(LegalReview r) {
        jdbc.sql("""
                INSERT INTO legal_review (id, person_id, country, sources_checked, conclusion, reviewed_at, reviewed_by)
                VALUES (:id, :person, :country, :sources, :conclusion, :at, :by)
                """).param("id", r.id()).param("person", r.person())
                .param("country", r.country() == null ? null : r.country().value()).param("sources", r.sourcesChecked())
                .param("conclusion", r.conclusion()).param("at", utc(r.reviewedAt())).param("by", r.reviewedBy())
                .update();
    }

    public List<LegalReview> reviews(Collection<UUID> people) {
        return jdbc.sql("""
                SELECT id, person_id, country, sources_checked, conclusion, reviewed_at, reviewed_by FROM legal_review
                 WHERE person_id = ANY (CAST(:people AS uuid[])) ORDER BY reviewed_at DESC
                """).param("people", people.toArray(UUID[]::new)).query((rs, n) -> new LegalReview(
                rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                country(rs.getString("country")), rs.getString("sources_checked"), rs.getString("conclusion"),
                instant(rs, "reviewed_at"), rs.getString("reviewed_by"))).list();
    }

    /** When each person's legal record last changed: an order or hold entered, or a status changed. */
    /** When these people's legal records last changed (V80: kept by {@link #recordChanged} with every change). */
    public Map<UUID, Instant> lastChanges(Collection<UUID> people) {
        Map<UUID, Instant> last = new HashMap<>();
        jdbc.sql("""
                SELECT person_id, changed_at FROM legal_record_change WHERE person_id = ANY (CAST(:people AS uuid[]))
                """).param("people", people.toArray(UUID[]::new)).query((RowCallbackHandler) rs ->
                last.put(rs.getObject("person_id", UUID.class), instant(rs, "changed_at")));
        return last;
    }

    /** Notes that {@code person}'s legal record changed at {@code at}, in the transaction of the change. */
    public void recordChanged(UUID person, Instant at) {
        jdbc.sql("""
                INSERT INTO legal_record_change (person_id, changed_at) VALUES (:person, :at)
                ON CONFLICT (person_id) DO UPDATE
                   SET changed_at = greatest(legal_record_change.changed_at, EXCLUDED.changed_at)
                """).param("person", person).param("at", utc(at)).update();
    }

    public boolean insertResidence(UUID person, String country, Instant at, String by) {
        return jdbc.sql("""
                INSERT INTO legal_residence (person_id, country, recorded_at, recorded_by) VALUES (:person, :country, :at, :by)
                ON CONFLICT DO NOTHING
                """).param("person", person).param("country", country).param("at", utc(at)).param("by", by)
                .update() == 1;
    }

    public Map<UUID, Set<String>> residences(Collection<UUID> people) {
        return countries("SELECT person_id, country FROM legal_residence WHERE person_id = ANY (CAST(:people AS uuid[]))",
                people);
    }

    public Map<UUID, Set<String>> nationalities(Collection<UUID> people) {
        return countries("SELECT person_id, country FROM people_country WHERE person_id = ANY (CAST(:people AS uuid[]))",
                people);
    }

    public Map<UUID, Set<String>> languages(Collection<UUID> people) {
        return countries("""
                SELECT person_id, language AS country FROM people_language WHERE person_id = ANY (CAST(:people AS uuid[]))
                """, people);
    }

    private Map<UUID, Set<String>> countries(String sql, Collection<UUID> people) {
        Map<UUID, Set<String>> byPerson = new HashMap<>();
        jdbc.sql(sql).param("people", people.toArray(UUID[]::new)).query((RowCallbackHandler) rs -> byPerson
                .computeIfAbsent(rs.getObject("person_id", UUID.class), p -> new java.util.TreeSet<>())
                .add(rs.getString("country")));
        return byPerson;
    }

    public void insertNotice(Notice n) {
        jdbc.sql("""
                INSERT INTO legal_notice (id, person_id, country, served_at, to_person, to_counsel, language, method,
                       explains_how_to_contest, recorded_at, recorded_by)
                VALUES (:id, :person, :country, :servedAt, :toPerson, :toCounsel, :language, :method, :contest, :at, :by)
                """).param("id", n.id()).param("person", n.person()).param("country", n.country().value())
                .param("servedAt", utc(n.servedAt())).param("toPerson", n.toPerson()).param("toCounsel", n.toCounsel())
                .param("language", n.language()).param("method", n.method()).param("contest", n.explainsHowToContest())
                .param("at", utc(n.recordedAt())).param("by", n.recordedBy()).update();
    }

    public List<Notice> notices(Collection<UUID> people) {
        return jdbc.sql("""
                SELECT id, person_id, country, served_at, to_person, to_counsel, language, method,
                       explains_how_to_contest, recorded_at, recorded_by
                  FROM legal_notice WHERE person_id = ANY (CAST(:people AS uuid[])) ORDER BY served_at DESC
                """).param("people", people.toArray(UUID[]::new)).query((rs, n) -> new Notice(
                rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new CountryCode(rs.getString("country")), instant(rs, "served_at"), rs.getBoolean("to_person"),
                rs.getBoolean("to_counsel"), rs.getString("language"), rs.getString("method"),
                rs.getBoolean("explains_how_to_contest"), instant(rs, "recorded_at"), rs.getString("recorded_by")))
                .list();
    }

    public void insertFearClaim(FearClaim c) {
        jdbc.sql("""
                INSERT INTO legal_fear_claim (id, person_id, country, raised_at, summary, status, recorded_at, recorded_by)
                VALUES (:id, :person, :country, :raisedAt, :summary, :status, :at, :by)
                """).param("id", c.id()).param("person", c.person()).param("country", c.country().value())
                .param("raisedAt", utc(c.raisedAt())).param("summary", c.summary()).param("status", c.status().name())
                .param("at", utc(c.recordedAt())).param("by", c.recordedBy()).update();
    }

    public Optional<FearClaim> lockFearClaim(UUID id) {
        return jdbc.sql("""
                SELECT id, person_id, country, raised_at, summary, status, recorded_at, recorded_by, resolved_at,
                       resolved_by FROM legal_fear_claim WHERE id = :id FOR UPDATE
                """).param("id", id).query((rs, n) -> fearClaim(rs)).optional();
    }

    public void resolveFearClaim(UUID id, FearClaim.Status status, Instant at, String by) {
        jdbc.sql("UPDATE legal_fear_claim SET status = :status, resolved_at = :at, resolved_by = :by WHERE id = :id")
                .param("id", id).param("status", status.name()).param("at", utc(at)).param("by", by).update();
    }

    public List<FearClaim> fearClaims(Collection<UUID> people) {
        return jdbc.sql("""
                SELECT id, person_id, country, raised_at, summary, status, recorded_at, recorded_by, resolved_at,
                       resolved_by FROM legal_fear_claim WHERE person_id = ANY (CAST(:people AS uuid[]))
                 ORDER BY raised_at DESC
                """).param("people", people.toArray(UUID[]::new)).query((rs, n) -> fearClaim(rs)).list();
    }

    private static FearClaim fearClaim(ResultSet rs) throws SQLException {
        return new FearClaim(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                new CountryCode(rs.getString("country")), instant(rs, "raised_at"), rs.getString("summary"),
                FearClaim.Status.valueOf(rs.getString("status")), instant(rs, "recorded_at"),
                rs.getString("recorded_by"), instant(rs, "resolved_at"), rs.getString("resolved_by"));
    }

    // ---- policy

    public int insertPolicy(Policy.Name name, String value, Instant effectiveFrom, String citation, Instant at,
                            String by) {
        return jdbc.sql("""
                INSERT INTO legal_policy (name, version, value, effective_from, citation, recorded_at, recorded_by)
                SELECT :name, coalesce(max(version), 0) + 1, :value, :from, :citation, :at, :by
                  FROM legal_policy WHERE name = :name
                RETURNING version
                """).param("name", name.name()).param("value", value).param("from", utc(effectiveFrom))
                .param("citation", citation).param("at", utc(at)).param("by", by).query(Integer.class).single();
    }

    public void lockPolicy(Policy.Name name) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('legal-policy:' || :name, 0))")
                .param("name", name.name()).query(Object.class).single();
    }

    public List<Policy> policies() {
        return jdbc.sql("""
                SELECT name, version, value, effective_from, citation, recorded_at, recorded_by FROM legal_policy
                 ORDER BY name, version
                """).query((rs, n) -> new Policy(Policy.Name.valueOf(rs.getString("name")), rs.getInt("version"),
                rs.getString("value"), instant(rs, "effective_from"), rs.getString("citation"),
                instant(rs, "recorded_at"), rs.getString("recorded_by"))).list();
    }

    // ---- custody, as custody publishes it

    /** A person's open custody episode, as the view custody_open_episode publishes it. */
    public record OpenEpisode(UUID person, String facility, String legalStatus, Instant arrestedAt, Instant admittedAt) {
    }

    public Map<UUID, OpenEpisode> openEpisodes(Collection<UUID> people) {
        Map<UUID, OpenEpisode> byPerson = new HashMap<>();
        jdbc.sql("""
                SELECT person_id, facility_code, legal_status, arrested_at, admitted_at FROM custody_open_episode
                 WHERE person_id = ANY (CAST(:people AS uuid[]))
                """).param("people", people.toArray(UUID[]::new)).query((RowCallbackHandler) rs ->
                byPerson.put(rs.getObject("person_id", UUID.class), new OpenEpisode(rs.getObject("person_id", UUID.class),
                        rs.getString("facility_code"), rs.getString("legal_status"), instant(rs, "arrested_at"),
                        instant(rs, "admitted_at"))));
        return byPerson;
    }

    /** How the person's latest custody ended, when it has ended and none is open. */
    public record EndedEpisode(String facility, String endKind, Instant endedAt, String destination) {
    }

    public Optional<EndedEpisode> latestEnded(UUID person) {
        return jdbc.sql("""
                SELECT facility_code, end_kind, ended_at, destination FROM custody_ended_episode
                 WHERE person_id = :person ORDER BY ended_at DESC LIMIT 1
                """).param("person", person).query((rs, n) -> new EndedEpisode(rs.getString("facility_code"),
                rs.getString("end_kind"), instant(rs, "ended_at"), rs.getString("destination"))).optional();
    }

    // ---- merge

    /** Repoints the records that follow the person; reviews and notices stay with the record they were made on. */
    public int repoint(UUID duplicate, UUID survivor) {
        int moved = 0;
        for (String table : List.of("legal_order", "legal_hold", "legal_fear_claim", "legal_return_case",
                "legal_detention_authority")) {
            moved += jdbc.sql("UPDATE " + table + " SET person_id = :survivor WHERE person_id = :duplicate")
                    .param("survivor", survivor).param("duplicate", duplicate).update();
        }
        moved += jdbc.sql("""
                INSERT INTO legal_residence (person_id, country, recorded_at, recorded_by)
                SELECT :survivor, country, recorded_at, recorded_by FROM legal_residence WHERE person_id = :duplicate
                ON CONFLICT DO NOTHING
                """).param("survivor", survivor).param("duplicate", duplicate).update();
        return moved;
    }

    private static CountryCode country(String code) {
        return code == null ? null : new CountryCode(code);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

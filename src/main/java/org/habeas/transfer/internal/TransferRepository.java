package org.habeas.transfer.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.common.SqlTimes;
import org.habeas.transfer.Agreement;
import org.habeas.transfer.AgreementTerms;
import org.habeas.transfer.AgreementVersion;
import org.habeas.transfer.Disposition;
import org.habeas.transfer.DispositionKind;
import org.habeas.transfer.HeldPerson;
import org.habeas.transfer.InstrumentType;
import org.habeas.transfer.PriceModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The transfer module's SQL: agreements, their versions and dispositions, and the episodes that rest on them. */
@Repository
public class TransferRepository {

    private static final String TERMS_COLUMNS = """
            id, version, reference, title, sending_state, sending_agency, receiving_state, receiving_agency,
            instrument, binding, term_start, term_end, price_model, price_amount, currency, capacity_cap,
            accepted_categories, standards, access_counsel, access_consular, access_family, access_inspection,
            reporting_duties, return_clause, alert_days, changed_at, changed_by
            """;

    private static final String INSERT_AGREEMENT = """
            INSERT INTO agreement (id, version, reference, title, sending_state, sending_agency, receiving_state,
                                   receiving_agency, instrument, binding, term_start, term_end, price_model,
                                   price_amount, currency, capacity_cap, accepted_categories, standards,
                                   access_counsel, access_consular, access_family, access_inspection,
                                   reporting_duties, return_clause, alert_days, changed_at, changed_by)
            VALUES (:id, :version, :reference, :title, :sendingState, :sendingAgency, :receivingState,
                    :receivingAgency, :instrument, :binding, :termStart, :termEnd, :priceModel, :priceAmount,
                    :currency, :capacityCap, :acceptedCategories, :standards, :accessCounsel, :accessConsular,
                    :accessFamily, :accessInspection, :reportingDuties, :returnClause, :alertDays, :changedAt,
                    :changedBy)
            """;

    private static final String UPDATE_AGREEMENT_TO_NEXT_VERSION = """
            UPDATE agreement
               SET version = :version, reference = :reference, title = :title, sending_state = :sendingState,
                   sending_agency = :sendingAgency, receiving_state = :receivingState,
                   receiving_agency = :receivingAgency, instrument = :instrument, binding = :binding,
                   term_start = :termStart, term_end = :termEnd, price_model = :priceModel,
                   price_amount = :priceAmount, currency = :currency, capacity_cap = :capacityCap,
                   accepted_categories = :acceptedCategories, standards = :standards,
                   access_counsel = :accessCounsel, access_consular = :accessConsular,
                   access_family = :accessFamily, access_inspection = :accessInspection,
                   reporting_duties = :reportingDuties, return_clause = :returnClause, alert_days = :alertDays,
                   changed_at = :changedAt, changed_by = :changedBy
             WHERE id = :id AND version = :version - 1
            """;

    private static final String INSERT_VERSION = """
            INSERT INTO agreement_version (agreement_id, version, terms, reason, changed_at, changed_by)
            VALUES (:agreement, :version, CAST(:terms AS jsonb), :reason, :changedAt, :changedBy)
            """;

    private static final String SELECT_AGREEMENT = "SELECT " + TERMS_COLUMNS + " FROM agreement WHERE id = :id";

    private static final String LOCK_AGREEMENT = SELECT_AGREEMENT + " FOR UPDATE";

    private static final String SELECT_AGREEMENT_BY_REFERENCE =
            "SELECT " + TERMS_COLUMNS + " FROM agreement WHERE reference = :reference";

    private static final String SELECT_AGREEMENTS = "SELECT " + TERMS_COLUMNS
            + " FROM agreement ORDER BY term_end DESC, reference LIMIT :limit";

    private static final String SELECT_AGREEMENTS_BY_ID = "SELECT " + TERMS_COLUMNS
            + " FROM agreement WHERE id IN (:ids)";

    private static final String SELECT_VERSIONS = """
            SELECT agreement_id, version, terms, reason, changed_at, changed_by
              FROM agreement_version WHERE agreement_id = :agreement ORDER BY version
            """;

    private static final String INSERT_DISPOSITION = """
            INSERT INTO agreement_disposition (id, agreement_id, person_id, kind, decided_on, decided_by, note,
                                               recorded_at, recorded_by)
            VALUES (:id, :agreement, :person, :kind, :decidedOn, :decidedBy, :note, :recordedAt, :recordedBy)
            """;

    private static final String SELECT_DISPOSITIONS = """
            SELECT id, agreement_id, person_id, kind, decided_on, decided_by, note, recorded_at, recorded_by
              FROM agreement_disposition WHERE agreement_id = :agreement ORDER BY recorded_at, id
            """;

    private static final String EVER_HELD_UNDER = """
            SELECT count(*) FROM custody_agreement_episode
             WHERE authority_reference = :agreement AND person_id = :person
            """;

    private static final String HELD_NOW_UNDER = """
            SELECT e.person_id, e.facility_code, e.admitted_at, d.kind
              FROM custody_agreement_episode e
              LEFT JOIN LATERAL (SELECT kind FROM agreement_disposition
                                  WHERE agreement_id = CAST(:agreement AS uuid) AND person_id = e.person_id
                                  ORDER BY recorded_at DESC, id DESC LIMIT 1) d ON true
             WHERE e.authority_reference = :agreement AND e.ended_at IS NULL
             ORDER BY e.admitted_at, e.person_id
            """;

    // A person counts as held on each UTC day from the day of admission up to the day before custody ended.
    private static final String PEOPLE_AND_DAYS_IN_PERIOD = """
            SELECT count(DISTINCT person_id) AS people,
                   coalesce(sum(greatest(0, least(coalesce(CAST(ended_at AT TIME ZONE 'UTC' AS date), CAST(:to AS date) + 1), CAST(:to AS date) + 1)
                                          - greatest(CAST(admitted_at AT TIME ZONE 'UTC' AS date), CAST(:from AS date)))), 0) AS days
              FROM custody_agreement_episode
             WHERE authority_reference = :agreement
               AND CAST(admitted_at AT TIME ZONE 'UTC' AS date) <= :to
               AND (ended_at IS NULL OR CAST(ended_at AT TIME ZONE 'UTC' AS date) > :from)
            """;

    private static final String HELD_PER_DAY = """
            SELECT d.day, count(e.person_id) AS held,
                   count(e.person_id) FILTER (WHERE greatest(CAST(e.admitted_at AT TIME ZONE 'UTC' AS date),
                                                             CAST(:from AS date)) = d.day) AS arrived
              FROM (SELECT CAST(:from AS date) + g AS day FROM generate_series(0, CAST(:to AS date) - CAST(:from AS date)) AS g) d
              LEFT JOIN custody_agreement_episode e
                ON e.authority_reference = :agreement
               AND CAST(e.admitted_at AT TIME ZONE 'UTC' AS date) <= d.day
               AND (e.ended_at IS NULL OR CAST(e.ended_at AT TIME ZONE 'UTC' AS date) > d.day)
             GROUP BY d.day ORDER BY d.day
            """;

    private static final String AGREEMENTS_OF_OPEN_EPISODES = """
            SELECT person_id, authority_reference FROM custody_agreement_episode
             WHERE ended_at IS NULL AND person_id IN (:people)
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TransferRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- agreements

    public void insertAgreement(Agreement a) {
        int rows = terms(jdbc.sql(INSERT_AGREEMENT), a).update();
        requireOne(rows, "agreement insert");
    }

    /** Writes the next version over the current one; false when another change got there first. */
    public boolean updateAgreement(Agreement a) {
        return terms(jdbc.sql(UPDATE_AGREEMENT_TO_NEXT_VERSION), a).update() == 1;
    }

    public void insertVersion(Agreement a, String reason) {
        int rows = jdbc.sql(INSERT_VERSION).param("agreement", a.id()).param("version", a.version())
                .param("terms", json.writeValueAsString(a.terms())).param("reason", reason)
                .param("changedAt", SqlTimes.utc(a.changedAt())).param("changedBy", a.changedBy()).update();
        requireOne(rows, "agreement version insert");
    }

    public Optional<Agreement> agreement(UUID id) {
        return jdbc.sql(SELECT_AGREEMENT).param("id", id).query(TransferRepository::agreement).optional();
    }

    public Optional<Agreement> lockAgreement(UUID id) {
        return jdbc.sql(LOCK_AGREEMENT).param("id", id).query(TransferRepository::agreement).optional();
    }

    public Optional<Agreement> agreementByReference(String reference) {
        return jdbc.sql(SELECT_AGREEMENT_BY_REFERENCE).param("reference", reference)
                .query(TransferRepository::agreement).optional();
    }

    public List<Agreement> agreements(int limit) {
        return jdbc.sql(SELECT_AGREEMENTS).param("limit", limit).query(TransferRepository::agreement).list();
    }

    public Map<UUID, Agreement> agreements(Collection<UUID> ids) {
        Map<UUID, Agreement> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(SELECT_AGREEMENTS_BY_ID).param("ids", List.copyOf(ids)).query(TransferRepository::agreement)
                    .list().forEach(a -> found.put(a.id(), a));
        }
        return found;
    }

    public List<AgreementVersion> versions(UUID agreement) {
        return jdbc.sql(SELECT_VERSIONS).param("agreement", agreement).query((rs, n) -> new AgreementVersion(
                rs.getObject("agreement_id", UUID.class), rs.getInt("version"),
                json.readValue(rs.getString("terms"), AgreementTerms.class), rs.getString("reason"),
                SqlTimes.instant(rs, "changed_at"), rs.getString("changed_by"))).list();
    }

    // ---- dispositions and the people held

    public void insertDisposition(Disposition d) {
        int rows = jdbc.sql(INSERT_DISPOSITION).param("id", d.id()).param("agreement", d.agreement())
                .param("person", d.person()).param("kind", d.kind().name()).param("decidedOn", d.decidedOn())
                .param("decidedBy", d.decidedBy()).param("note", d.note())
                .param("recordedAt", SqlTimes.utc(d.recordedAt())).param("recordedBy", d.recordedBy()).update();
        requireOne(rows, "disposition insert");
    }

    public List<Disposition> dispositions(UUID agreement) {
        return jdbc.sql(SELECT_DISPOSITIONS).param("agreement", agreement).query((rs, n) -> new Disposition(
                rs.getObject("id", UUID.class), rs.getObject("agreement_id", UUID.class),
                rs.getObject("person_id", UUID.class), DispositionKind.valueOf(rs.getString("kind")),
                rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"), rs.getString("note"),
                SqlTimes.instant(rs, "recorded_at"), rs.getString("recorded_by"))).list();
    }

    public boolean everHeldUnder(UUID agreement, UUID person) {
        return jdbc.sql(EVER_HELD_UNDER).param("agreement", agreement.toString()).param("person", person)
                .query(Long.class).single() > 0;
    }

    public List<HeldPerson> heldNow(UUID agreement) {
        return jdbc.sql(HELD_NOW_UNDER).param("agreement", agreement.toString()).query((rs, n) -> new HeldPerson(
                rs.getObject("person_id", UUID.class), rs.getString("facility_code"),
                SqlTimes.instant(rs, "admitted_at"),
                rs.getString("kind") == null ? null : DispositionKind.valueOf(rs.getString("kind")))).list();
    }

    /** People held in the period and their detainee-days (see the statement's SQL for how days count). */
    public record PeopleAndDays(long people, long days) {
    }

    public PeopleAndDays peopleAndDays(UUID agreement, LocalDate from, LocalDate to) {
        return jdbc.sql(PEOPLE_AND_DAYS_IN_PERIOD).param("agreement", agreement.toString()).param("from", from)
                .param("to", to).query((rs, n) -> new PeopleAndDays(rs.getLong("people"), rs.getLong("days")))
                .single();
    }

    /** One day of a statement: the episodes open on it, and those of them first counted on it. */
    public record HeldOnDay(LocalDate day, long held, long arrived) {
    }

    public List<HeldOnDay> heldPerDay(UUID agreement, LocalDate from, LocalDate to) {
        return jdbc.sql(HELD_PER_DAY).param("agreement", agreement.toString()).param("from", from).param("to", to)
                .query((rs, n) -> new HeldOnDay(rs.getObject("day", LocalDate.class), rs.getLong("held"),
                        rs.getLong("arrived"))).list();
    }

    /** For each of {@code people} held now on an agreement's authority, the reference of that authority. */
    public Map<UUID, String> agreementReferencesOfOpenEpisodes(Collection<UUID> people) {
        Map<UUID, String> found = new HashMap<>();
        if (!people.isEmpty()) {
            jdbc.sql(AGREEMENTS_OF_OPEN_EPISODES).param("people", List.copyOf(people))
                    .query((rs, n) -> Map.entry(rs.getObject("person_id", UUID.class),
                            rs.getString("authority_reference"))).list()
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    // ---- mapping

    private static JdbcClient.StatementSpec terms(JdbcClient.StatementSpec sql, Agreement a) {
        AgreementTerms t = a.terms();
        return sql.param("id", a.id()).param("version", a.version()).param("reference", t.reference())
                .param("title", t.title()).param("sendingState", t.sendingState())
                .param("sendingAgency", t.sendingAgency()).param("receivingState", t.receivingState())
                .param("receivingAgency", t.receivingAgency()).param("instrument", t.instrument().name())
                .param("binding", t.binding()).param("termStart", t.termStart()).param("termEnd", t.termEnd())
                .param("priceModel", t.priceModel().name()).param("priceAmount", t.priceAmount())
                .param("currency", t.currency()).param("capacityCap", t.capacityCap())
                .param("acceptedCategories", t.acceptedCategories().toArray(String[]::new))
                .param("standards", t.standards()).param("accessCounsel", t.access().counsel())
                .param("accessConsular", t.access().consular()).param("accessFamily", t.access().family())
                .param("accessInspection", t.access().inspection()).param("reportingDuties", t.reportingDuties())
                .param("returnClause", t.returnClause()).param("alertDays", t.alertDays())
                .param("changedAt", SqlTimes.utc(a.changedAt())).param("changedBy", a.changedBy());
    }

    private static Agreement agreement(ResultSet rs, int n) throws SQLException {
        Integer cap = rs.getObject("capacity_cap", Integer.class);
        Array categories = rs.getArray("accepted_categories");
        var terms = new AgreementTerms(rs.getString("reference"), rs.getString("title"),
                rs.getString("sending_state"), rs.getString("sending_agency"), rs.getString("receiving_state"),
                rs.getString("receiving_agency"), InstrumentType.valueOf(rs.getString("instrument")),
                rs.getBoolean("binding"), rs.getObject("term_start", LocalDate.class),
                rs.getObject("term_end", LocalDate.class), PriceModel.valueOf(rs.getString("price_model")),
                rs.getObject("price_amount", BigDecimal.class), rs.getString("currency"), cap,
                Arrays.asList((String[]) categories.getArray()), rs.getString("standards"),
                new AgreementTerms.Access(rs.getBoolean("access_counsel"), rs.getBoolean("access_consular"),
                        rs.getBoolean("access_family"), rs.getBoolean("access_inspection")),
                rs.getString("reporting_duties"), rs.getString("return_clause"), rs.getInt("alert_days"));
        return new Agreement(rs.getObject("id", UUID.class), rs.getInt("version"), terms,
                SqlTimes.instant(rs, "changed_at"), rs.getString("changed_by"));
    }

    private static void requireOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException(what + " wrote " + rows + " rows");
        }
    }
}

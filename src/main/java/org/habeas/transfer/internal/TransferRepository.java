package org.habeas.transfer.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
import org.habeas.transfer.Handover;
import org.habeas.transfer.InstrumentType;
import org.habeas.transfer.LineVetting;
import org.habeas.transfer.Manifest;
import org.habeas.transfer.ManifestDirection;
import org.habeas.transfer.ManifestLine;
import org.habeas.transfer.ManifestStatus;
import org.habeas.transfer.ManifestedPerson;
import org.habeas.transfer.NewArrival;
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

    // ---- manifests

    private static final String MANIFEST_COLUMNS = """
            m.id, m.direction, m.agreement_id, m.carrier, m.journey, m.origin, m.destination_facility,
            m.destination_authority, m.destination_country, m.scheduled_at, m.sending_agency, m.owner, m.status,
            m.created_at,
            (SELECT max(v.version) FROM manifest_version v WHERE v.manifest_id = m.id) AS latest_version,
            (SELECT max(a.version) FROM manifest_approval a WHERE a.manifest_id = m.id) AS approved_version
            """;

    private static final String INSERT_MANIFEST = """
            INSERT INTO manifest (id, direction, agreement_id, carrier, journey, origin, destination_facility,
                                  destination_authority, destination_country, scheduled_at, sending_agency, owner,
                                  status, created_at)
            VALUES (:id, :direction, :agreement, :carrier, :journey, :origin, :destinationFacility,
                    :destinationAuthority, :destinationCountry, :scheduledAt, :sendingAgency, :owner, 'OPEN',
                    :createdAt)
            """;

    private static final String SELECT_MANIFEST = "SELECT " + MANIFEST_COLUMNS + " FROM manifest m WHERE m.id = :id";

    private static final String LOCK_MANIFEST = "SELECT id FROM manifest WHERE id = :id FOR UPDATE";

    private static final String SELECT_MANIFESTS = "SELECT " + MANIFEST_COLUMNS + """
             FROM manifest m WHERE (CAST(:owner AS text) IS NULL OR m.owner = :owner)
             ORDER BY m.scheduled_at DESC, m.id LIMIT :limit
            """;

    private static final String SET_MANIFEST_STATUS = """
            UPDATE manifest SET status = :status WHERE id = :id AND status = :from
            """;

    private static final String INSERT_MANIFEST_VERSION = """
            INSERT INTO manifest_version (manifest_id, version, reason, built_by, built_at)
            VALUES (:manifest, :version, :reason, :builtBy, :builtAt)
            """;

    private static final String INSERT_MANIFEST_LINE = """
            INSERT INTO manifest_line (manifest_id, version, position, ref, alternate_rank, person_id, identity,
                                       category, basis_type, basis_reference, vetting_status, reasons)
            VALUES (:manifest, :version, :position, :ref, :alternateRank, :person, CAST(:identity AS jsonb),
                    :category, :basisType, :basisReference, :status, CAST(:reasons AS jsonb))
            """;

    private static final String SELECT_MANIFEST_VERSIONS = """
            SELECT v.manifest_id, v.version, v.reason, v.built_by, v.built_at, a.approved_by, a.approved_at,
                   r.refused_by, r.reason AS refusal_reason
              FROM manifest_version v
              LEFT JOIN manifest_approval a ON a.manifest_id = v.manifest_id AND a.version = v.version
              LEFT JOIN manifest_refusal r ON r.manifest_id = v.manifest_id AND r.version = v.version
             WHERE v.manifest_id = :manifest ORDER BY v.version
            """;

    private static final String SELECT_MANIFEST_LINES = """
            SELECT version, position, ref, alternate_rank, person_id, identity, category, basis_type,
                   basis_reference, vetting_status, reasons
              FROM manifest_line WHERE manifest_id = :manifest ORDER BY version, position
            """;

    private static final String INSERT_APPROVAL = """
            INSERT INTO manifest_approval (manifest_id, version, approved_by, built_by, approved_at)
            VALUES (:manifest, :version, :approvedBy, :builtBy, :approvedAt)
            """;

    private static final String INSERT_BOARDING = """
            INSERT INTO manifest_boarding (manifest_id, version, ref, boarded_at, boarded_by)
            VALUES (:manifest, :version, :ref, :boardedAt, :boardedBy)
            """;

    private static final String SELECT_BOARDED_REFS = """
            SELECT ref FROM manifest_boarding WHERE manifest_id = :manifest ORDER BY ref
            """;

    private static final String INSERT_ARRIVAL = """
            INSERT INTO manifest_arrival (manifest_id, version, ref, on_manifest, person_id, episode_id, refused_code,
                                          checked_in_at, checked_in_by)
            VALUES (:manifest, :version, :ref, :onManifest, :person, :episode, :refusedCode, :at, :by)
            """;

    public void insertManifest(Manifest m) {
        int rows = jdbc.sql(INSERT_MANIFEST).param("id", m.id()).param("direction", m.direction().name())
                .param("agreement", m.agreement()).param("carrier", m.carrier()).param("journey", m.journey())
                .param("origin", m.origin()).param("destinationFacility", m.destinationFacility())
                .param("destinationAuthority", m.destinationAuthority())
                .param("destinationCountry", m.destinationCountry())
                .param("scheduledAt", SqlTimes.utc(m.scheduledAt())).param("sendingAgency", m.sendingAgency())
                .param("owner", m.owner()).param("createdAt", SqlTimes.utc(m.createdAt())).update();
        requireOne(rows, "manifest insert");
    }

    public Optional<Manifest> manifest(UUID id) {
        return jdbc.sql(SELECT_MANIFEST).param("id", id).query(TransferRepository::manifest).optional();
    }

    /** Locks the manifest row: versions, approvals and boardings of one manifest are made one at a time. */
    public void lockManifest(UUID id) {
        jdbc.sql(LOCK_MANIFEST).param("id", id).query(UUID.class).optional();
    }

    /** The manifests of {@code owner}, or everyone's when null, the latest scheduled first. */
    public List<Manifest> manifests(String owner, int limit) {
        return jdbc.sql(SELECT_MANIFESTS).param("owner", owner).param("limit", limit)
                .query(TransferRepository::manifest).list();
    }

    public void setManifestStatus(UUID id, ManifestStatus from, ManifestStatus to) {
        int rows = jdbc.sql(SET_MANIFEST_STATUS).param("id", id).param("from", from.name()).param("status", to.name())
                .update();
        requireOne(rows, "manifest status change");
    }

    public void insertManifestVersion(UUID manifest, int version, String reason, String builtBy, Instant builtAt,
                                      List<ManifestLine> lines) {
        int rows = jdbc.sql(INSERT_MANIFEST_VERSION).param("manifest", manifest).param("version", version)
                .param("reason", reason).param("builtBy", builtBy).param("builtAt", SqlTimes.utc(builtAt)).update();
        requireOne(rows, "manifest version insert");
        for (ManifestLine l : lines) {
            int line = jdbc.sql(INSERT_MANIFEST_LINE).param("manifest", manifest).param("version", version)
                    .param("position", l.position()).param("ref", l.ref()).param("alternateRank", l.alternateRank())
                    .param("person", l.person())
                    .param("identity", l.identity() == null ? null : json.writeValueAsString(l.identity()))
                    .param("category", l.category()).param("basisType", l.basisType())
                    .param("basisReference", l.basisReference()).param("status", l.vetting().status().name())
                    .param("reasons", json.writeValueAsString(l.vetting())).update();
            requireOne(line, "manifest line insert");
        }
    }

    /** A stored version without its lines: who built it and its approval. */
    public record VersionRow(int version, String reason, String builtBy, Instant builtAt, String approvedBy,
                             Instant approvedAt, String refusedBy, String refusalReason) {
    }

    public List<VersionRow> manifestVersions(UUID manifest) {
        return jdbc.sql(SELECT_MANIFEST_VERSIONS).param("manifest", manifest).query((rs, n) -> new VersionRow(
                rs.getInt("version"), rs.getString("reason"), rs.getString("built_by"),
                SqlTimes.instant(rs, "built_at"), rs.getString("approved_by"), SqlTimes.instant(rs, "approved_at"),
                rs.getString("refused_by"), rs.getString("refusal_reason")))
                .list();
    }

    /** Every line of every version, by version. */
    public Map<Integer, List<ManifestLine>> manifestLines(UUID manifest) {
        Map<Integer, List<ManifestLine>> byVersion = new java.util.TreeMap<>();
        jdbc.sql(SELECT_MANIFEST_LINES).param("manifest", manifest).query((rs, n) -> {
            String identity = rs.getString("identity");
            Integer rank = rs.getObject("alternate_rank", Integer.class);
            var line = new ManifestLine(rs.getInt("position"), rs.getString("ref"), rank,
                    rs.getObject("person_id", UUID.class),
                    identity == null ? null : json.readValue(identity, NewArrival.class), rs.getString("category"),
                    rs.getString("basis_type"), rs.getString("basis_reference"),
                    json.readValue(rs.getString("reasons"), LineVetting.class));
            return Map.entry(rs.getInt("version"), line);
        }).list().forEach(e -> byVersion.computeIfAbsent(e.getKey(), v -> new java.util.ArrayList<>())
                .add(e.getValue()));
        return byVersion;
    }

    // The lines naming the person, on any version, and the arrivals that registered them; an owner's only when given.
    private static final String SELECT_LINES_CARRYING = """
            SELECT m.id, m.journey, m.direction, m.status, c.version, c.ref, c.vetting_status,
                   EXISTS (SELECT 1 FROM manifest_arrival a
                            WHERE a.manifest_id = m.id AND a.ref = c.ref AND a.on_manifest) AS arrived
              FROM (SELECT manifest_id, version, ref, vetting_status FROM manifest_line WHERE person_id = :person
                    UNION
                    SELECT l.manifest_id, l.version, l.ref, l.vetting_status
                      FROM manifest_arrival a
                      JOIN manifest_line l ON l.manifest_id = a.manifest_id AND l.version = a.version
                                          AND l.ref = a.ref
                     WHERE a.person_id = :person) c
              JOIN manifest m ON m.id = c.manifest_id
             WHERE (CAST(:owner AS text) IS NULL OR m.owner = :owner)
             ORDER BY m.scheduled_at DESC, m.id, c.version
            """;

    public List<ManifestedPerson.Carried> linesCarrying(UUID person, String owner) {
        return jdbc.sql(SELECT_LINES_CARRYING).param("person", person).param("owner", owner)
                .query((rs, n) -> new ManifestedPerson.Carried(rs.getObject("id", UUID.class),
                        rs.getString("journey"), ManifestDirection.valueOf(rs.getString("direction")),
                        ManifestStatus.valueOf(rs.getString("status")), rs.getInt("version"), rs.getString("ref"),
                        LineVetting.Status.valueOf(rs.getString("vetting_status")), rs.getBoolean("arrived")))
                .list();
    }

    public void insertApproval(UUID manifest, int version, String approvedBy, String builtBy, Instant at) {
        int rows = jdbc.sql(INSERT_APPROVAL).param("manifest", manifest).param("version", version)
                .param("approvedBy", approvedBy).param("builtBy", builtBy).param("approvedAt", SqlTimes.utc(at))
                .update();
        requireOne(rows, "manifest approval insert");
    }

    private static final String INSERT_REFUSAL = """
            INSERT INTO manifest_refusal (manifest_id, version, refused_by, reason, refused_at)
            VALUES (:manifest, :version, :refusedBy, :reason, :refusedAt)
            """;

    public void insertRefusal(UUID manifest, int version, String refusedBy, String reason, Instant at) {
        int rows = jdbc.sql(INSERT_REFUSAL).param("manifest", manifest).param("version", version)
                .param("refusedBy", refusedBy).param("reason", reason).param("refusedAt", SqlTimes.utc(at)).update();
        requireOne(rows, "manifest refusal insert");
    }

    public void insertBoarding(UUID manifest, int version, String ref, Instant at, String by) {
        int rows = jdbc.sql(INSERT_BOARDING).param("manifest", manifest).param("version", version).param("ref", ref)
                .param("boardedAt", SqlTimes.utc(at)).param("boardedBy", by).update();
        requireOne(rows, "boarding insert");
    }

    public List<String> boardedRefs(UUID manifest) {
        return jdbc.sql(SELECT_BOARDED_REFS).param("manifest", manifest).query(String.class).list();
    }

    public void insertArrival(UUID manifest, int version, String ref, boolean onManifest, UUID person, UUID episode,
                              String refusedCode, Instant at, String by) {
        int rows = jdbc.sql(INSERT_ARRIVAL).param("manifest", manifest).param("version", version).param("ref", ref)
                .param("onManifest", onManifest).param("person", person).param("episode", episode)
                .param("refusedCode", refusedCode).param("at", SqlTimes.utc(at)).param("by", by).update();
        requireOne(rows, "arrival insert");
    }

    private static final String INSERT_HANDOVER = """
            INSERT INTO manifest_handover (manifest_id, ref, person_id, agreement_id, movement_id, receiving_official,
                                           place, handed_over_at, receipt_reference, persecution_risk, torture_risk,
                                           disappearance_risk, facility_conditions, assessed_by, recorded_at,
                                           recorded_by)
            VALUES (:manifest, :ref, :person, :agreement, :movement, :official, :place, :at, :receipt, :persecution,
                    :torture, :disappearance, :conditions, :assessedBy, :recordedAt, :recordedBy)
            """;

    // Boarded against an approved version (the boarding row's foreign key names the approval), not handed over yet.
    private static final String BOARDED_FOR_REMOVAL = """
            SELECT EXISTS (
                SELECT 1 FROM manifest m
                  JOIN manifest_boarding b ON b.manifest_id = m.id
                  JOIN manifest_line l ON l.manifest_id = b.manifest_id AND l.version = b.version AND l.ref = b.ref
                 WHERE m.direction = 'OUTBOUND' AND m.status = 'DISPATCHED' AND m.destination_country = :country
                   AND m.agreement_id = :agreement AND l.person_id = :person AND l.alternate_rank IS NULL
                   AND NOT EXISTS (SELECT 1 FROM manifest_handover h WHERE h.manifest_id = m.id AND h.ref = b.ref))
            """;

    public boolean boardedForRemoval(java.util.UUID person, String country, java.util.UUID agreement) {
        return jdbc.sql(BOARDED_FOR_REMOVAL).param("person", person).param("country", country)
                .param("agreement", agreement).query(Boolean.class).single();
    }

    public List<String> handedOverRefs(UUID manifest) {
        return jdbc.sql("SELECT ref FROM manifest_handover WHERE manifest_id = :manifest ORDER BY handed_over_at")
                .param("manifest", manifest).query(String.class).list();
    }

    public void insertHandover(UUID manifest, UUID person, UUID agreement, UUID movement, Handover h,
                               Instant recordedAt, String recordedBy) {
        int rows = jdbc.sql(INSERT_HANDOVER).param("manifest", manifest).param("ref", h.ref()).param("person", person)
                .param("agreement", agreement).param("movement", movement).param("official", h.receivingOfficial())
                .param("place", h.place()).param("at", SqlTimes.utc(h.at())).param("receipt", h.receiptReference())
                .param("persecution", h.assessment().persecutionRisk()).param("torture", h.assessment().tortureRisk())
                .param("disappearance", h.assessment().disappearanceRisk())
                .param("conditions", h.assessment().facilityConditions())
                .param("assessedBy", h.assessment().assessedBy()).param("recordedAt", SqlTimes.utc(recordedAt))
                .param("recordedBy", recordedBy).update();
        requireOne(rows, "handover insert");
    }

    private static Manifest manifest(ResultSet rs, int n) throws SQLException {
        return new Manifest(rs.getObject("id", UUID.class), ManifestDirection.valueOf(rs.getString("direction")),
                rs.getObject("agreement_id", UUID.class), rs.getString("carrier"), rs.getString("journey"),
                rs.getString("origin"), rs.getString("destination_facility"), rs.getString("destination_authority"),
                rs.getString("destination_country"), SqlTimes.instant(rs, "scheduled_at"),
                rs.getString("sending_agency"), rs.getString("owner"), ManifestStatus.valueOf(rs.getString("status")),
                SqlTimes.instant(rs, "created_at"), rs.getInt("latest_version"),
                rs.getObject("approved_version", Integer.class));
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

package org.habeas.custody.internal;

import static org.habeas.common.SqlTimes.instant;
import static org.habeas.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.custody.Arrest;
import org.habeas.custody.AuthorityType;
import org.habeas.custody.Contact;
import org.habeas.custody.CustodyEnd;
import org.habeas.custody.CustodyStanding;
import org.habeas.custody.Episode;
import org.habeas.custody.LegalAuthority;
import org.habeas.custody.LegalStatus;
import org.habeas.custody.Movement;
import org.habeas.custody.MovementKind;
import org.habeas.custody.PropertyItem;
import org.habeas.custody.Whereabouts;
import org.habeas.custody.WhereaboutsKind;
import org.habeas.estate.LocationId;
import org.habeas.people.PersonId;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class CustodyRepository {

    // The admissions of a whole batch are one statement (episodes, property, contacts, referrals, ledger entries,
    // whereabouts): a bulk admission of 500 people is one round trip, not one or more per person. Foreign keys
    // between these rows are checked at the end of the statement, when all of them exist. Rows go in person order,
    // so two batches with people in common lock their whereabouts in the same order and cannot deadlock.
    private static final String INSERT_ADMISSIONS = """
            WITH a AS (
                SELECT * FROM jsonb_to_recordset(CAST(:admissions AS jsonb)) AS t(
                    id uuid, person uuid, facility text, legal_status text, sex text, juvenile boolean,
                    authority_type text, issuing_authority text, authority_date date, authority_reference text,
                    grounds text, arrested_at timestamptz, arrest_place text, arresting_authority text,
                    admitted_at timestamptz, recorded_at timestamptz, admitted_by text, injuries text, complaint text,
                    referral uuid, movement uuid, reason text, particulars jsonb, property jsonb, contacts jsonb)
            ), episode AS (
                INSERT INTO custody_episode (id, person_id, facility_code, legal_status, sex, juvenile, authority_type,
                                             issuing_authority, authority_date, authority_reference, grounds,
                                             arrested_at, arrest_place, arresting_authority, admitted_at, admitted_by,
                                             visible_injuries, ill_treatment_complaint)
                SELECT id, person, facility, legal_status, sex, juvenile, authority_type, issuing_authority,
                       authority_date, authority_reference, grounds, arrested_at, arrest_place, arresting_authority,
                       admitted_at, admitted_by, injuries, complaint
                  FROM a ORDER BY person
            ), property AS (
                INSERT INTO custody_property_item (episode_id, line, description, quantity)
                SELECT a.id, p.line, p.description, p.quantity
                  FROM a CROSS JOIN jsonb_to_recordset(a.property) AS p(line integer, description text, quantity integer)
            ), contact AS (
                INSERT INTO custody_contact (episode_id, line, relation, name, age, whereabouts, guardianship, phone)
                SELECT a.id, c.line, c.relation, c.name, c.age, c.whereabouts, c.guardianship, c.phone
                  FROM a CROSS JOIN jsonb_to_recordset(a.contacts)
                       AS c(line integer, relation text, name text, age integer, whereabouts text, guardianship text,
                            phone text)
            ), referral AS (
                INSERT INTO ill_treatment_referral (id, episode_id, person_id, opened_at, status)
                SELECT referral, id, person, recorded_at, 'OPEN' FROM a WHERE referral IS NOT NULL
            ), movement AS (
                INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state, facility_code,
                                      authority, reason, actor, particulars)
                SELECT movement, person, id, 'ADMITTED', admitted_at, recorded_at, 'RECEPTION', facility,
                       issuing_authority, reason, admitted_by, particulars
                  FROM a ORDER BY person
            )
            INSERT INTO whereabouts (person_id, episode_id, kind, facility_code, since, last_movement)
            SELECT person, id, 'RECEPTION', facility, admitted_at, movement FROM a ORDER BY person
            """;

    private static final String IN_CUSTODY = """
            SELECT person_id FROM whereabouts WHERE person_id = ANY(CAST(:people AS uuid[]))
            """;

    private static final String EPISODE_COLUMNS = """
            id, person_id, facility_code, legal_status, authority_type, issuing_authority, authority_date,
            authority_reference, grounds, arrested_at, arrest_place, arresting_authority, admitted_at, admitted_by,
            visible_injuries, ill_treatment_complaint, ended_at, end_kind
            """;

    private static final String EPISODES_OF_PERSON = "SELECT " + EPISODE_COLUMNS
            + " FROM custody_episode WHERE person_id = :person ORDER BY admitted_at DESC";

    private static final String PROPERTY_OF_EPISODE = """
            SELECT description, quantity FROM custody_property_item WHERE episode_id = :episode ORDER BY line
            """;

    private static final String CONTACTS_OF_EPISODE = """
            SELECT relation, name, age, whereabouts, guardianship, phone FROM custody_contact
             WHERE episode_id = :episode ORDER BY line
            """;

    private static final String END_EPISODE = """
            UPDATE custody_episode SET ended_at = :endedAt, end_kind = :endKind WHERE id = :id AND ended_at IS NULL
            """;

    private static final String WHEREABOUTS_COLUMNS = """
            person_id, episode_id, kind, facility_code, location_id, destination, detail, since, last_movement, version
            """;

    // NOWAIT: a second movement of the same person while one is being recorded is refused at once (409), not
    // queued behind it to run against a state its officer never saw.
    private static final String LOCK_WHEREABOUTS = "SELECT " + WHEREABOUTS_COLUMNS
            + " FROM whereabouts WHERE person_id = :person FOR UPDATE NOWAIT";

    private static final String FIND_WHEREABOUTS = "SELECT " + WHEREABOUTS_COLUMNS
            + " FROM whereabouts WHERE person_id = :person";

    private static final String UPDATE_WHEREABOUTS = """
            UPDATE whereabouts
               SET kind = :kind, facility_code = :facility, location_id = :location, destination = :destination,
                   detail = :detail, since = :since, last_movement = :movement, version = version + 1
             WHERE person_id = :person
            """;

    private static final String DELETE_WHEREABOUTS = "DELETE FROM whereabouts WHERE person_id = :person";

    private static final String INSERT_MOVEMENT = """
            INSERT INTO movement (id, person_id, episode_id, kind, occurred_at, recorded_at, to_state, facility_code,
                                  from_state, from_facility, from_location, from_destination, to_location,
                                  destination, detail, authority, reason, actor, decision_id, particulars)
            VALUES (:id, :person, :episode, :kind, :occurredAt, :recordedAt, :toState, :facility, :fromState,
                    :fromFacility, :fromLocation, :fromDestination, :toLocation, :destination, :detail, :authority,
                    :reason, :actor, :decision, CAST(:particulars AS jsonb))
            RETURNING seq
            """;

    // With the entry that corrects each one, if any (V62: at most one).
    private static final String MOVEMENT_COLUMNS = """
            m.id, m.seq, m.person_id, m.episode_id, m.kind, m.occurred_at, m.recorded_at, m.to_state, m.facility_code,
            m.from_location, m.to_location, m.destination, m.detail, m.authority, m.reason, m.actor, m.decision_id,
            m.corrects, m.particulars::text, m.corrected_kind, m.from_state, m.from_facility, m.from_destination,
            (SELECT c.id FROM movement c WHERE c.corrects = m.id) AS superseded_by
            """;

    private static final String LEDGER_OF_PERSON = "SELECT " + MOVEMENT_COLUMNS
            + " FROM movement m WHERE m.person_id = :person ORDER BY m.occurred_at, m.seq";

    private static final String ENTRY_OF_PERSON = "SELECT " + MOVEMENT_COLUMNS
            + " FROM movement m WHERE m.person_id = :person AND m.id = :id";

    // The entries that stand: those no correction supersedes (a correction stands in for the one it corrects).
    private static final String STANDING = "NOT EXISTS (SELECT 1 FROM movement c WHERE c.corrects = m.id)";

    private static final String LAST_MOVEMENT_TIME = "SELECT max(m.occurred_at) FROM movement m"
            + " WHERE m.person_id = :person AND " + STANDING;

    private static final String LATEST_STANDING = "SELECT " + MOVEMENT_COLUMNS + " FROM movement m"
            + " WHERE m.person_id = :person AND m.id <> :except AND " + STANDING
            + " ORDER BY m.occurred_at DESC, m.seq DESC LIMIT 1";

    // The person's latest episode with its whereabouts, or, once it has ended, the entry that ended it.
    private static final String STANDING_OF_PERSON = """
            SELECT e.facility_code, e.issuing_authority, e.admitted_at, e.ended_at, e.end_kind,
                   w.kind AS w_kind, w.facility_code AS w_facility, w.destination AS w_destination,
                   w.detail AS w_detail, w.since AS w_since, last.facility_code AS end_facility,
                   last.destination AS end_destination, last.detail AS end_detail
              FROM custody_episode e
              LEFT JOIN whereabouts w ON w.episode_id = e.id
              LEFT JOIN LATERAL (
                   SELECT m.facility_code, m.destination, m.detail FROM movement m
                    WHERE e.ended_at IS NOT NULL AND m.person_id = e.person_id AND m.episode_id = e.id
                      AND m.to_state = e.end_kind AND\s""" + STANDING + """

                    ORDER BY m.occurred_at DESC, m.seq DESC LIMIT 1) last ON true
             WHERE e.person_id = :person
             ORDER BY e.admitted_at DESC LIMIT 1""";

    // Who recorded the entry and every entry it corrects, in turn.
    private static final String RECORDERS_OF_CHAIN = """
            WITH RECURSIVE chain AS (
                SELECT id, corrects, actor FROM movement WHERE id = :id
                UNION ALL
                SELECT m.id, m.corrects, m.actor FROM movement m JOIN chain ON m.id = chain.corrects)
            SELECT DISTINCT actor FROM chain
            """;

    private static final String INSERT_CORRECTION = """
            INSERT INTO movement (id, person_id, episode_id, kind, corrects, corrected_kind, occurred_at, recorded_at,
                                  to_state, facility_code, from_state, from_facility, from_location, from_destination,
                                  to_location, destination, detail, authority, reason, actor, decision_id, particulars)
            VALUES (:id, :person, :episode, 'CORRECTED', :corrects, :correctedKind, :occurredAt, :recordedAt,
                    :toState, :facility, :fromState, :fromFacility, :fromLocation, :fromDestination, :toLocation,
                    :destination, :detail, :authority, :reason, :actor, :decision, CAST(:particulars AS jsonb))
            """;




    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustodyRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new episode and everything admission writes with it, in one statement (see INSERT_ADMISSION). */
    public record NewAdmission(UUID id, PersonId person, String facility, LegalStatus legalStatus, String sex,
                               boolean juvenile, LegalAuthority authority, Arrest arrest, Instant admittedAt,
                               Instant recordedAt, String admittedBy, String injuries, String complaint,
                               List<PropertyItem> property, List<Contact> contacts, UUID referral, UUID movement,
                               String reason, Map<String, Object> particulars) {
    }

    /** Writes every admission of {@code admissions} in one statement (see INSERT_ADMISSIONS); all or none. */
    public void insertAdmissions(List<NewAdmission> admissions) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(admissions.size());
        for (NewAdmission a : admissions) {
            List<Map<String, Object>> property = new java.util.ArrayList<>();
            for (int i = 0; i < a.property().size(); i++) {
                property.add(Map.of("line", i + 1, "description", a.property().get(i).description(),
                        "quantity", a.property().get(i).quantity()));
            }
            List<Map<String, Object>> contacts = new java.util.ArrayList<>();
            for (int i = 0; i < a.contacts().size(); i++) {
                Contact c = a.contacts().get(i);
                Map<String, Object> line = new java.util.HashMap<>();
                line.put("line", i + 1);
                line.put("relation", c.relation().name());
                line.put("name", c.name());
                line.put("age", c.age());
                line.put("whereabouts", c.whereabouts());
                line.put("guardianship", c.guardianship());
                line.put("phone", c.phone());
                contacts.add(line);
            }
            LegalAuthority authority = a.authority();
            Arrest arrest = a.arrest();
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("id", a.id().toString());
            row.put("person", a.person().toString());
            row.put("facility", a.facility());
            row.put("legal_status", a.legalStatus().name());
            row.put("sex", a.sex());
            row.put("juvenile", a.juvenile());
            row.put("authority_type", authority.type().name());
            row.put("issuing_authority", authority.issuingAuthority());
            row.put("authority_date", authority.issuedOn() == null ? null : authority.issuedOn().toString());
            row.put("authority_reference", authority.documentReference());
            row.put("grounds", authority.grounds());
            row.put("arrested_at", arrest == null || arrest.at() == null ? null : arrest.at().toString());
            row.put("arrest_place", arrest == null ? null : arrest.place());
            row.put("arresting_authority", arrest == null ? null : arrest.authority());
            row.put("admitted_at", a.admittedAt().toString());
            row.put("recorded_at", a.recordedAt().toString());
            row.put("admitted_by", a.admittedBy());
            row.put("injuries", a.injuries());
            row.put("complaint", a.complaint());
            row.put("referral", a.referral() == null ? null : a.referral().toString());
            row.put("movement", a.movement().toString());
            row.put("reason", a.reason());
            row.put("particulars", a.particulars());
            row.put("property", property);
            row.put("contacts", contacts);
            rows.add(row);
        }
        int written = jdbc.sql(INSERT_ADMISSIONS).param("admissions", json.writeValueAsString(rows)).update();
        if (written != admissions.size()) {
            throw new IllegalStateException(admissions.size() + " admissions to write, " + written + " written");
        }
    }

    /** Those of {@code people} who are in custody now (have whereabouts). */
    public java.util.Set<UUID> inCustody(java.util.Collection<PersonId> people) {
        return new java.util.HashSet<>(jdbc.sql(IN_CUSTODY)
                .param("people", people.stream().map(PersonId::value).toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** A person held under an episode classified as a minor, the facility holding them now and its time zone. */
    public record HeldMinor(PersonId person, String facility, ZoneId zone) {
    }

    // The facility's zone is read with them: the job runs as nobody in particular, across every facility.
    public List<HeldMinor> heldMinors() {
        return jdbc.sql("""
                SELECT e.person_id, w.facility_code, f.time_zone
                  FROM custody_episode e JOIN whereabouts w ON w.person_id = e.person_id
                  JOIN estate_facility_zone f ON f.facility_code = w.facility_code
                 WHERE e.juvenile AND e.ended_at IS NULL""")
                .query((rs, n) -> new HeldMinor(new PersonId(rs.getObject("person_id", UUID.class)),
                        rs.getString("facility_code"), ZoneId.of(rs.getString("time_zone")))).list();
    }

    // Classifies these people's open episodes as adults; the V55 triggers move them to the adult counts of their
    // cells. The whereabouts rows are locked first, in order, as a movement locks them first: a person being moved
    // right now is skipped (and taken at the next run), so this never waits on a movement that waits on it.
    private static final String MARK_ADULT = """
            WITH held AS (SELECT person_id, facility_code FROM whereabouts WHERE person_id = ANY (:people)
                           ORDER BY person_id FOR UPDATE SKIP LOCKED)
            UPDATE custody_episode e SET juvenile = false
              FROM held
             WHERE e.person_id = held.person_id AND e.ended_at IS NULL AND e.juvenile
            RETURNING e.person_id, held.facility_code
            """;

    /** A person reclassified as an adult, and the facility holding them. */
    public record Reclassified(PersonId person, String facility) {
    }

    /** Marks these people adults; answers those it changed (not those changed meanwhile or being moved). */
    public List<Reclassified> markAdult(List<PersonId> people) {
        return jdbc.sql(MARK_ADULT).param("people", people.stream().map(PersonId::value).toArray(UUID[]::new))
                .query((rs, n) -> new Reclassified(new PersonId(rs.getObject("person_id", UUID.class)),
                        rs.getString("facility_code"))).list();
    }

    public List<Episode> episodes(PersonId person) {
        return jdbc.sql(EPISODES_OF_PERSON).param("person", person.value()).query(this::episode).list();
    }

    public void endEpisode(UUID id, Instant endedAt, CustodyEnd end) {
        requireOne(jdbc.sql(END_EPISODE).param("id", id).param("endedAt", utc(endedAt)).param("endKind", end.name())
                .update());
    }

    /** Locks the person's whereabouts; empty when not in custody. Refused at once if another movement holds it. */
    public Optional<Whereabouts> lockWhereabouts(PersonId person) {
        try {
            return jdbc.sql(LOCK_WHEREABOUTS).param("person", person.value()).query(CustodyRepository::whereabouts)
                    .optional();
        } catch (DataAccessException e) {
            // 55P03 lock_not_available: NOWAIT found the row locked by another movement.
            if (e.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                throw new MovementInProgress(e);
            }
            throw e;
        }
    }

    public Optional<Whereabouts> whereabouts(PersonId person) {
        return jdbc.sql(FIND_WHEREABOUTS).param("person", person.value()).query(CustodyRepository::whereabouts)
                .optional();
    }

    public void updateWhereabouts(PersonId person, WhereaboutsKind kind, String facility, UUID location,
                                  String destination, String detail, Instant since, UUID movement) {
        requireOne(jdbc.sql(UPDATE_WHEREABOUTS).param("person", person.value()).param("kind", kind.name())
                .param("facility", facility).param("location", location).param("destination", destination)
                .param("detail", detail).param("since", utc(since)).param("movement", movement).update());
    }

    public void deleteWhereabouts(PersonId person) {
        requireOne(jdbc.sql(DELETE_WHEREABOUTS).param("person", person.value()).update());
    }

    /** Appends to the ledger, with where the person was before ({@code from}, for the roll's checkpoints). */
    public long insertMovement(UUID id, PersonId person, UUID episode, MovementKind kind, Instant occurredAt,
                               Instant recordedAt, String toState, String facility, Whereabouts from,
                               UUID toLocation, String destination, String detail, String authority, String reason,
                               String actor, UUID decision, Map<String, Object> particulars) {
        return jdbc.sql(INSERT_MOVEMENT).param("id", id).param("person", person.value()).param("episode", episode)
                .param("kind", kind.name()).param("occurredAt", utc(occurredAt)).param("recordedAt", utc(recordedAt))
                .param("toState", toState).param("facility", facility).param("fromState", from.kind().name())
                .param("fromFacility", from.facility())
                .param("fromLocation", from.cell() == null ? null : from.cell().value())
                .param("fromDestination", from instanceof Whereabouts.InTransit t ? t.toFacility() : null)
                .param("toLocation", toLocation).param("destination", destination).param("detail", detail)
                .param("authority", authority).param("reason", reason).param("actor", actor)
                .param("decision", decision).param("particulars", json.writeValueAsString(particulars))
                .query(Long.class).single();
    }

    public List<Movement> ledger(PersonId person) {
        return jdbc.sql(LEDGER_OF_PERSON).param("person", person.value()).query(this::movement).list();
    }

    /** The time of the person's latest entry that stands (a superseded one's time was corrected). */
    public Optional<Instant> lastMovementTime(PersonId person) {
        return Optional.ofNullable(jdbc.sql(LAST_MOVEMENT_TIME).param("person", person.value())
                .query((rs, n) -> instant(rs, 1)).single());
    }

    /**
     * A ledger entry as stored, with where the person was before it (the from_ columns of V32), which a correction
     * restates; the movement as the API shows it is {@link #movement}.
     */
    public record Entry(Movement movement, String fromState, String fromFacility, String fromDestination) {
    }

    /** The person's entry {@code id}; empty when the person has none of that id. */
    public Optional<Entry> entry(PersonId person, UUID id) {
        return jdbc.sql(ENTRY_OF_PERSON).param("person", person.value()).param("id", id).query(this::entry)
                .optional();
    }

    /** The person's latest entry that stands, other than {@code except}; in order of time, then of recording. */
    public Optional<Entry> latestStanding(PersonId person, UUID except) {
        return jdbc.sql(LATEST_STANDING).param("person", person.value()).param("except", except)
                .query(this::entry).optional();
    }

    /** The person's standing for the public locator; empty when never in custody. */
    public Optional<CustodyStanding> standing(PersonId person) {
        return jdbc.sql(STANDING_OF_PERSON).param("person", person.value()).query((rs, n) -> {
            String authority = rs.getString("issuing_authority");
            String endKind = rs.getString("end_kind");
            if (endKind != null) {
                CustodyStanding.State state = CustodyStanding.State.valueOf(endKind);
                boolean removed = state == CustodyStanding.State.REMOVED;
                String from = rs.getString("end_facility");
                return new CustodyStanding(state, from == null ? rs.getString("facility_code") : from,
                        instant(rs, "ended_at"),
                        removed ? rs.getString("end_destination") : null, removed ? rs.getString("end_detail") : null,
                        authority);
            }
            String kind = rs.getString("w_kind");
            Instant since = instant(rs, "w_since");
            String facility = rs.getString("w_facility");
            return switch (kind == null ? "" : kind) {
                case "IN_TRANSIT" -> new CustodyStanding(CustodyStanding.State.IN_TRANSIT, facility, since,
                        rs.getString("w_destination"), null, authority);
                case "HANDED_OVER" -> new CustodyStanding(CustodyStanding.State.HANDED_OVER, facility, since,
                        rs.getString("w_destination"), rs.getString("w_detail"), authority);
                // An open episode always has its whereabouts; admitted_at stands in should a row be missing.
                case "" -> new CustodyStanding(CustodyStanding.State.HELD, rs.getString("facility_code"),
                        instant(rs, "admitted_at"), null, null, authority);
                default -> new CustodyStanding(CustodyStanding.State.HELD, facility, instant(rs, "admitted_at"),
                        null, null, authority);
            };
        }).optional();
    }

    /** Who recorded the entry {@code id} and whoever recorded the entries it corrects. */
    public java.util.Set<String> recordersOf(UUID id) {
        return new java.util.HashSet<>(jdbc.sql(RECORDERS_OF_CHAIN).param("id", id).query(String.class).list());
    }

    /**
     * Appends a correction of {@code corrected}: the restated movement ({@code correctedKind}, null when entered in
     * error) with its time, state, place and origin as given, recorded now by {@code actor} for {@code reason}.
     */
    public void insertCorrection(UUID id, Entry corrected, MovementKind correctedKind, Instant occurredAt,
                                 Instant recordedAt, String toState, String facility, UUID toLocation,
                                 String destination, String detail, String authority, String reason, String actor,
                                 UUID decision, Map<String, Object> particulars) {
        Movement m = corrected.movement();
        requireOne(jdbc.sql(INSERT_CORRECTION).param("id", id).param("person", m.person().value())
                .param("episode", m.episode()).param("corrects", m.id())
                .param("correctedKind", correctedKind == null ? null : correctedKind.name())
                .param("occurredAt", utc(occurredAt)).param("recordedAt", utc(recordedAt))
                .param("toState", toState).param("facility", facility).param("fromState", corrected.fromState())
                .param("fromFacility", corrected.fromFacility()).param("fromLocation", m.fromLocation())
                .param("fromDestination", corrected.fromDestination()).param("toLocation", toLocation)
                .param("destination", destination).param("detail", detail).param("authority", authority)
                .param("reason", reason).param("actor", actor).param("decision", decision)
                .param("particulars", json.writeValueAsString(particulars)).update());
    }




    /** The lock on a person's whereabouts is held by another movement being recorded. */
    public static final class MovementInProgress extends RuntimeException {
        MovementInProgress(Throwable cause) {
            super(cause);
        }
    }

    private Episode episode(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        var authority = new LegalAuthority(AuthorityType.valueOf(rs.getString("authority_type")),
                rs.getString("issuing_authority"), rs.getObject("authority_date", java.time.LocalDate.class),
                rs.getString("authority_reference"), rs.getString("grounds"));
        var arrest = new Arrest(instant(rs, "arrested_at"), rs.getString("arrest_place"),
                rs.getString("arresting_authority"));
        String end = rs.getString("end_kind");
        return new Episode(id, new PersonId(rs.getObject("person_id", UUID.class)), rs.getString("facility_code"),
                LegalStatus.valueOf(rs.getString("legal_status")), authority, arrest, instant(rs, "admitted_at"),
                rs.getString("admitted_by"), rs.getString("visible_injuries"), rs.getString("ill_treatment_complaint"),
                jdbc.sql(PROPERTY_OF_EPISODE).param("episode", id)
                        .query((r, i) -> new PropertyItem(r.getString(1), r.getInt(2))).list(),
                jdbc.sql(CONTACTS_OF_EPISODE).param("episode", id).query((r, i) -> new Contact(
                        Contact.Relation.valueOf(r.getString(1)), r.getString(2), (Integer) r.getObject(3),
                        r.getString(4), r.getString(5), r.getString(6))).list(),
                instant(rs, "ended_at"), end == null ? null : CustodyEnd.valueOf(end), List.of());
    }

    private static Whereabouts whereabouts(ResultSet rs, int n) throws SQLException {
        UUID location = rs.getObject("location_id", UUID.class);
        return Whereabouts.of(new PersonId(rs.getObject("person_id", UUID.class)),
                rs.getObject("episode_id", UUID.class), WhereaboutsKind.valueOf(rs.getString("kind")),
                rs.getString("facility_code"), location == null ? null : new LocationId(location), null,
                rs.getString("destination"), rs.getString("detail"), instant(rs, "since"),
                rs.getObject("last_movement", UUID.class), rs.getLong("version"));
    }

    private Movement movement(ResultSet rs, int n) throws SQLException {
        MovementKind kind = MovementKind.valueOf(rs.getString("kind"));
        String corrected = rs.getString("corrected_kind");
        return new Movement(rs.getObject("id", UUID.class), rs.getLong("seq"),
                new PersonId(rs.getObject("person_id", UUID.class)), rs.getObject("episode_id", UUID.class),
                kind, instant(rs, "occurred_at"), instant(rs, "recorded_at"),
                rs.getString("to_state"), rs.getString("facility_code"), rs.getObject("from_location", UUID.class),
                rs.getObject("to_location", UUID.class), rs.getString("destination"), rs.getString("detail"),
                rs.getString("authority"), rs.getString("reason"), rs.getString("actor"),
                rs.getObject("decision_id", UUID.class), rs.getObject("corrects", UUID.class),
                json.readValue(rs.getString("particulars"), new TypeReference<Map<String, Object>>() { }),
                corrected == null ? null : MovementKind.valueOf(corrected), rs.getObject("superseded_by", UUID.class));
    }

    private Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(movement(rs, n), rs.getString("from_state"), rs.getString("from_facility"),
                rs.getString("from_destination"));
    }




    private static void requireOne(int rows) {
        if (rows != 1) {
            throw new IllegalStateException("expected to write one row, wrote " + rows);
        }
    }
}

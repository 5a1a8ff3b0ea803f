package org.habeas.rights.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.habeas.common.SqlTimes;
import org.habeas.rights.ConsularCommunication;
import org.habeas.rights.ConsularNotification;
import org.habeas.rights.EventPublicationView;
import org.habeas.rights.MandatoryCountry;
import org.habeas.rights.NotificationAttempt;
import org.habeas.rights.NotificationTask;
import org.habeas.rights.OverdueDuties;
import org.habeas.rights.Occasion;
import org.habeas.rights.PersonContact;
import org.habeas.rights.Recipient;
import org.habeas.rights.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rights module's SQL: contacts, notification duties and their attempts, and the outbox's incomplete rows. */
@Repository
public class RightsRepository {

    private static final String CONTACT_COLUMNS = """
            id, person_id, kind, name, relation, phone, email, address, tell_of_illness, recorded_at, recorded_by
            """;

    // A second run of the admission listener copies the same contacts again: the unique key drops them.
    private static final String INSERT_CONTACT_ONCE = """
            INSERT INTO rights_contact (id, person_id, kind, name, relation, phone, email, address, tell_of_illness,
                                        recorded_at, recorded_by, from_movement)
            VALUES (:id, :person, :kind, :name, :relation, :phone, :email, :address, :tellOfIllness,
                    :recordedAt, :recordedBy, :fromMovement)
            ON CONFLICT DO NOTHING
            """;

    private static final String SELECT_CONTACTS_OF_PERSON = "SELECT " + CONTACT_COLUMNS + """
              FROM rights_contact
             WHERE person_id = :person
             ORDER BY recorded_at, id
            """;

    private static final String SELECT_CONTACT = "SELECT " + CONTACT_COLUMNS + """
              FROM rights_contact
             WHERE id = :id
            """;

    private static final String UPDATE_CONTACT_CONSENT = """
            UPDATE rights_contact SET tell_of_illness = :tellOfIllness WHERE id = :id
            """;

    // Idempotent on the event: the same occasion and recipient never make a second task (V82).
    private static final String INSERT_TASK_ONCE = """
            INSERT INTO notification_task (id, person_id, facility, occasion, occasion_id, recipient, recipient_key,
                                           contact_id, notice, occurred_at, created_at, due_at, status)
            VALUES (:id, :person, :facility, :occasion, :occasionId, :recipient, :recipientKey, :contact,
                    CAST(:notice AS jsonb), :occurredAt, :createdAt, :dueAt, :status)
            ON CONFLICT (occasion_id, recipient_key) DO NOTHING
            """;

    private static final String TASK_COLUMNS = """
            t.id, t.person_id, t.facility, t.occasion, t.occasion_id, t.recipient, t.contact_id, c.name AS contact_name,
            t.notice::text AS notice, t.occurred_at, t.created_at, t.due_at, t.status, t.done_at,
            (t.status = 'OPEN' AND t.due_at < :now) AS overdue
            """;

    private static final String SELECT_TASKS_DUE_IN_FACILITY = "SELECT " + TASK_COLUMNS + """
              FROM notification_task t LEFT JOIN rights_contact c ON c.id = t.contact_id
             WHERE t.facility = :facility AND t.status = 'OPEN' AND t.due_at >= :now
             ORDER BY t.due_at, t.id
             LIMIT :limit
            """;

    private static final String SELECT_TASKS_OVERDUE_IN_FACILITY = "SELECT " + TASK_COLUMNS + """
              FROM notification_task t LEFT JOIN rights_contact c ON c.id = t.contact_id
             WHERE t.facility = :facility AND t.status = 'OPEN' AND t.due_at < :now
             ORDER BY t.due_at, t.id
             LIMIT :limit
            """;

    // Per facility, over the partial index of open tasks by (facility, due_at); scope null: every facility.
    private static final String OVERDUE_BY_FACILITY = """
            SELECT t.facility, count(*) AS overdue, min(t.due_at) AS oldest_due_at,
                   count(*) FILTER (WHERE t.recipient = 'FAMILY') AS to_family,
                   count(*) FILTER (WHERE t.recipient = 'COUNSEL') AS to_counsel,
                   count(*) FILTER (WHERE t.recipient = 'PERSON') AS to_person
              FROM notification_task t
             WHERE t.status = 'OPEN' AND t.due_at < :now
               AND (CAST(:scope AS text[]) IS NULL OR t.facility = ANY(CAST(:scope AS text[])))
             GROUP BY t.facility
             ORDER BY min(t.due_at), t.facility
            """;

    private static final String SELECT_TASKS_CLOSED_IN_FACILITY = "SELECT " + TASK_COLUMNS + """
              FROM notification_task t LEFT JOIN rights_contact c ON c.id = t.contact_id
             WHERE t.facility = :facility AND t.status <> 'OPEN'
             ORDER BY t.created_at DESC, t.id
             LIMIT :limit
            """;

    private static final String SELECT_TASKS_OF_PERSON = "SELECT " + TASK_COLUMNS + """
              FROM notification_task t LEFT JOIN rights_contact c ON c.id = t.contact_id
             WHERE t.person_id = :person
             ORDER BY t.created_at, t.recipient, t.id
            """;

    private static final String SELECT_TASK_FOR_UPDATE = "SELECT " + TASK_COLUMNS + """
              FROM notification_task t LEFT JOIN rights_contact c ON c.id = t.contact_id
             WHERE t.id = :id
               FOR UPDATE OF t
            """;

    private static final String INSERT_ATTEMPT = """
            INSERT INTO notification_attempt (id, task_id, at, method, made_by, delivered, note, recorded_at)
            VALUES (:id, :task, :at, :method, :madeBy, :delivered, :note, :recordedAt)
            """;

    private static final String UPDATE_TASK_DONE = """
            UPDATE notification_task SET status = 'DONE', done_at = :doneAt WHERE id = :id AND status = 'OPEN'
            """;

    private static final String SELECT_ATTEMPTS_OF_TASKS = """
            SELECT id, task_id, at, method, made_by, delivered, note, recorded_at
              FROM notification_attempt
             WHERE task_id IN (:tasks)
             ORDER BY at, recorded_at, id
            """;

    private static final String SELECT_INCOMPLETE_PUBLICATIONS = """
            SELECT id, listener_id, event_type, publication_date, status, completion_attempts, last_resubmission_date
              FROM event_publication
             WHERE completion_date IS NULL
             ORDER BY publication_date, id
             LIMIT :limit
            """;

    private static final String SELECT_PUBLICATION_IS_INCOMPLETE = """
            SELECT count(*) FROM event_publication WHERE id = :id AND completion_date IS NULL
            """;

    private static final String SELECT_MANDATORY_COUNTRIES = """
            SELECT country, effective_from, effective_to, citation, recorded_at, recorded_by
              FROM consular_mandatory_country
             ORDER BY country, effective_from
            """;

    private static final String INSERT_MANDATORY_COUNTRY = """
            INSERT INTO consular_mandatory_country (country, effective_from, effective_to, citation, recorded_at,
                                                    recorded_by)
            VALUES (:country, :effectiveFrom, :effectiveTo, :citation, :recordedAt, :recordedBy)
            ON CONFLICT (country, effective_from) DO UPDATE
               SET effective_to = EXCLUDED.effective_to, citation = EXCLUDED.citation,
                   recorded_at = EXCLUDED.recorded_at, recorded_by = EXCLUDED.recorded_by
            """;

    private static final String SELECT_CONSULAR_RECORD = """
            SELECT rights_told_at, rights_told_by, rights_told_language, notification_requested
              FROM consular_record
             WHERE person_id = :person
            """;

    private static final String UPSERT_RIGHTS_TOLD = """
            INSERT INTO consular_record (person_id, rights_told_at, rights_told_by, rights_told_language, updated_at)
            VALUES (:person, :at, :by, :language, :now)
            ON CONFLICT (person_id) DO UPDATE
               SET rights_told_at = EXCLUDED.rights_told_at, rights_told_by = EXCLUDED.rights_told_by,
                   rights_told_language = EXCLUDED.rights_told_language, updated_at = EXCLUDED.updated_at
            """;

    private static final String UPSERT_NOTIFICATION_REQUESTED = """
            INSERT INTO consular_record (person_id, notification_requested, requested_recorded_at, updated_at)
            VALUES (:person, :requested, :now, :now)
            ON CONFLICT (person_id) DO UPDATE
               SET notification_requested = EXCLUDED.notification_requested,
                   requested_recorded_at = EXCLUDED.requested_recorded_at, updated_at = EXCLUDED.updated_at
            """;

    private static final String CONSULAR_NOTIFICATION_COLUMNS = """
            id, person_id, facility, country, post, method, mandatory, notice::text AS notice, status, recorded_at,
            recorded_by, sent_at, reviewed_at, reviewed_by, review_reason
            """;

    private static final String INSERT_CONSULAR_NOTIFICATION = """
            INSERT INTO consular_notification (id, person_id, facility, country, post, method, mandatory, notice,
                                               status, recorded_at, recorded_by, sent_at)
            VALUES (:id, :person, :facility, :country, :post, :method, :mandatory, CAST(:notice AS jsonb), :status,
                    :recordedAt, :recordedBy, :sentAt)
            """;

    private static final String SELECT_CONSULAR_NOTIFICATIONS_OF_PERSON = "SELECT " + CONSULAR_NOTIFICATION_COLUMNS
            + """
              FROM consular_notification
             WHERE person_id = :person
             ORDER BY recorded_at, id
            """;

    private static final String SELECT_CONSULAR_NOTIFICATION_FOR_UPDATE = "SELECT " + CONSULAR_NOTIFICATION_COLUMNS
            + """
              FROM consular_notification
             WHERE id = :id
               FOR UPDATE
            """;

    private static final String SELECT_CONSULAR_NOTIFICATIONS_HELD = "SELECT " + CONSULAR_NOTIFICATION_COLUMNS + """
              FROM consular_notification
             WHERE status = 'HELD_FOR_REVIEW'
             ORDER BY recorded_at, id
             LIMIT :limit
            """;

    private static final String UPDATE_CONSULAR_NOTIFICATION_REVIEWED = """
            UPDATE consular_notification
               SET status = :status, sent_at = :sentAt, reviewed_at = :now, reviewed_by = :by, review_reason = :reason
             WHERE id = :id AND status = 'HELD_FOR_REVIEW'
            """;

    private static final String REPOINT_CONTACTS = """
            UPDATE rights_contact SET person_id = :survivor WHERE person_id = :duplicate
            """;

    private static final String REPOINT_TASKS = """
            UPDATE notification_task SET person_id = :survivor WHERE person_id = :duplicate
            """;

    private static final String REPOINT_CONSULAR_NOTIFICATIONS = """
            UPDATE consular_notification SET person_id = :survivor WHERE person_id = :duplicate
            """;

    // One consular record per person: the survivor's facts win, the duplicate's fill what the survivor lacks.
    private static final String FOLD_CONSULAR_RECORD_INTO_SURVIVOR = """
            INSERT INTO consular_record (person_id, rights_told_at, rights_told_by, rights_told_language,
                                         notification_requested, requested_recorded_at, updated_at)
            SELECT :survivor, rights_told_at, rights_told_by, rights_told_language, notification_requested,
                   requested_recorded_at, updated_at
              FROM consular_record WHERE person_id = :duplicate
            ON CONFLICT (person_id) DO UPDATE
               SET rights_told_at = coalesce(consular_record.rights_told_at, EXCLUDED.rights_told_at),
                   rights_told_by = coalesce(consular_record.rights_told_by, EXCLUDED.rights_told_by),
                   rights_told_language = coalesce(consular_record.rights_told_language,
                                                   EXCLUDED.rights_told_language),
                   notification_requested = coalesce(consular_record.notification_requested,
                                                     EXCLUDED.notification_requested),
                   requested_recorded_at = coalesce(consular_record.requested_recorded_at,
                                                    EXCLUDED.requested_recorded_at)
            """;

    private static final String DELETE_CONSULAR_RECORD = """
            DELETE FROM consular_record WHERE person_id = :duplicate
            """;

    private static final String INSERT_CONSULAR_COMMUNICATION = """
            INSERT INTO consular_communication (id, person_id, kind, country, post, at, note, recorded_at,
                                                recorded_by)
            VALUES (:id, :person, :kind, :country, :post, :at, :note, :recordedAt, :recordedBy)
            """;

    private static final String SELECT_CONSULAR_COMMUNICATIONS_OF_PERSON = """
            SELECT id, person_id, kind, country, post, at, note, recorded_at, recorded_by
              FROM consular_communication
             WHERE person_id = :person
             ORDER BY at, id
            """;

    private static final String REPOINT_CONSULAR_COMMUNICATIONS = """
            UPDATE consular_communication SET person_id = :survivor WHERE person_id = :duplicate
            """;

    // A restriction of the locator's answer binds the survivor: a merge must never lift it by accident.
    private static final String REPOINT_LOCATOR_RESTRICTIONS = """
            UPDATE rights_locator_restriction SET person_id = :survivor WHERE person_id = :duplicate
            """;

    // A representative verified for both keeps the survivor's verification; the duplicate's is closed by the merge.
    private static final String CLOSE_REPRESENTATIONS_HELD_TWICE = """
            UPDATE rights_representation d SET revoked_at = now(), revoked_by = 'merge'
             WHERE d.person_id = :duplicate AND d.revoked_at IS NULL
               AND EXISTS (SELECT 1 FROM rights_representation s WHERE s.person_id = :survivor
                              AND s.user_id = d.user_id AND s.revoked_at IS NULL)
            """;

    private static final String REPOINT_REPRESENTATIONS = """
            UPDATE rights_representation SET person_id = :survivor WHERE person_id = :duplicate
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RightsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the contact unless the same movement already copied it; answers whether it was inserted. */
    public boolean insertContact(PersonContact c, UUID fromMovement) {
        return jdbc.sql(INSERT_CONTACT_ONCE).param("id", c.id()).param("person", c.person())
                .param("kind", c.kind().name()).param("name", c.name()).param("relation", c.relation())
                .param("phone", c.phone()).param("email", c.email()).param("address", c.address())
                .param("tellOfIllness", c.tellOfIllness()).param("recordedAt", SqlTimes.utc(c.recordedAt()))
                .param("recordedBy", c.recordedBy()).param("fromMovement", fromMovement).update() == 1;
    }

    public List<PersonContact> contacts(UUID person) {
        return jdbc.sql(SELECT_CONTACTS_OF_PERSON).param("person", person).query(RightsRepository::contact).list();
    }

    public Optional<PersonContact> contact(UUID id) {
        return jdbc.sql(SELECT_CONTACT).param("id", id).query(RightsRepository::contact).optional();
    }

    public void updateConsent(UUID id, boolean tellOfIllness) {
        int rows = jdbc.sql(UPDATE_CONTACT_CONSENT).param("id", id).param("tellOfIllness", tellOfIllness).update();
        if (rows != 1) {
            throw new IllegalStateException("contact " + id + " not updated: " + rows + " rows");
        }
    }

    /** A task to insert; {@code recipientKey} with the occasion is what makes it once only. */
    public record NewTask(UUID id, UUID person, String facility, Occasion occasion, UUID occasionId,
                          Recipient recipient, String recipientKey, UUID contact, Map<String, Object> notice,
                          Instant occurredAt, Instant createdAt, Instant dueAt, TaskStatus status) {
    }

    /** Answers whether the task was inserted (false: that occasion already owes that recipient a task). */
    public boolean insertTask(NewTask t) {
        return jdbc.sql(INSERT_TASK_ONCE).param("id", t.id()).param("person", t.person())
                .param("facility", t.facility()).param("occasion", t.occasion().name())
                .param("occasionId", t.occasionId()).param("recipient", t.recipient().name())
                .param("recipientKey", t.recipientKey()).param("contact", t.contact())
                .param("notice", json.writeValueAsString(t.notice()))
                .param("occurredAt", SqlTimes.utc(t.occurredAt())).param("createdAt", SqlTimes.utc(t.createdAt()))
                .param("dueAt", SqlTimes.utc(t.dueAt())).param("status", t.status().name()).update() == 1;
    }

    /** Overdue open duties per facility (the facility's name left for the service to add), oldest first. */
    public List<OverdueDuties> overdueByFacility(Instant now, java.util.Collection<String> scope) {
        return jdbc.sql(OVERDUE_BY_FACILITY).param("now", SqlTimes.utc(now))
                .param("scope", scope == null ? null : scope.toArray(String[]::new))
                .query((rs, n) -> new OverdueDuties(rs.getString("facility"), null, rs.getLong("overdue"),
                        SqlTimes.instant(rs, "oldest_due_at"), rs.getLong("to_family"), rs.getLong("to_counsel"),
                        rs.getLong("to_person"))).list();
    }

    public List<NotificationTask> tasksOfFacility(String facility, NotificationTask.State state, Instant now,
                                                  int limit) {
        String sql = switch (state) {
            case DUE -> SELECT_TASKS_DUE_IN_FACILITY;
            case OVERDUE -> SELECT_TASKS_OVERDUE_IN_FACILITY;
            case DONE -> SELECT_TASKS_CLOSED_IN_FACILITY;
        };
        return withAttempts(jdbc.sql(sql).param("facility", facility).param("now", SqlTimes.utc(now))
                .param("limit", limit).query(this::task).list());
    }

    public List<NotificationTask> tasksOfPerson(UUID person, Instant now) {
        return withAttempts(jdbc.sql(SELECT_TASKS_OF_PERSON).param("person", person).param("now", SqlTimes.utc(now))
                .query(this::task).list());
    }

    public Optional<NotificationTask> lockTask(UUID id, Instant now) {
        return jdbc.sql(SELECT_TASK_FOR_UPDATE).param("id", id).param("now", SqlTimes.utc(now)).query(this::task)
                .optional().map(t -> withAttempts(List.of(t)).get(0));
    }

    public void insertAttempt(NotificationAttempt a) {
        int rows = jdbc.sql(INSERT_ATTEMPT).param("id", a.id()).param("task", a.task()).param("at", SqlTimes.utc(a.at()))
                .param("method", a.method().name()).param("madeBy", a.madeBy()).param("delivered", a.delivered())
                .param("note", a.note()).param("recordedAt", SqlTimes.utc(a.recordedAt())).update();
        if (rows != 1) {
            throw new IllegalStateException("attempt not inserted: " + rows + " rows");
        }
    }

    public void markDone(UUID task, Instant doneAt) {
        int rows = jdbc.sql(UPDATE_TASK_DONE).param("id", task).param("doneAt", SqlTimes.utc(doneAt)).update();
        if (rows != 1) {
            throw new IllegalStateException("task " + task + " not closed: " + rows + " rows");
        }
    }

    public List<EventPublicationView> incompletePublications(int limit) {
        return jdbc.sql(SELECT_INCOMPLETE_PUBLICATIONS).param("limit", limit).query((rs, n) -> new EventPublicationView(
                rs.getObject("id", UUID.class), rs.getString("listener_id"), rs.getString("event_type"),
                SqlTimes.instant(rs, "publication_date"), rs.getString("status"), rs.getInt("completion_attempts"),
                SqlTimes.instant(rs, "last_resubmission_date"))).list();
    }

    public boolean publicationIncomplete(UUID id) {
        return jdbc.sql(SELECT_PUBLICATION_IS_INCOMPLETE).param("id", id).query(Long.class).single() == 1;
    }

    /** Moves every rights row of {@code duplicate} to {@code survivor}; answers how many rows moved. */
    public int repoint(UUID duplicate, UUID survivor) {
        int moved = 0;
        for (String sql : List.of(REPOINT_CONTACTS, REPOINT_TASKS, REPOINT_CONSULAR_NOTIFICATIONS,
                REPOINT_CONSULAR_COMMUNICATIONS, FOLD_CONSULAR_RECORD_INTO_SURVIVOR, REPOINT_LOCATOR_RESTRICTIONS,
                CLOSE_REPRESENTATIONS_HELD_TWICE, REPOINT_REPRESENTATIONS)) {
            moved += jdbc.sql(sql).param("duplicate", duplicate).param("survivor", survivor).update();
        }
        jdbc.sql(DELETE_CONSULAR_RECORD).param("duplicate", duplicate).update();
        return moved;
    }

    // ---- consular

    public List<MandatoryCountry> mandatoryCountries() {
        return jdbc.sql(SELECT_MANDATORY_COUNTRIES).query((rs, n) -> new MandatoryCountry(rs.getString("country"),
                rs.getObject("effective_from", java.time.LocalDate.class),
                rs.getObject("effective_to", java.time.LocalDate.class), rs.getString("citation"),
                SqlTimes.instant(rs, "recorded_at"), rs.getString("recorded_by"))).list();
    }

    public void insertMandatoryCountry(MandatoryCountry c) {
        int rows = jdbc.sql(INSERT_MANDATORY_COUNTRY).param("country", c.country())
                .param("effectiveFrom", c.effectiveFrom()).param("effectiveTo", c.effectiveTo())
                .param("citation", c.citation()).param("recordedAt", SqlTimes.utc(c.recordedAt()))
                .param("recordedBy", c.recordedBy()).update();
        if (rows != 1) {
            throw new IllegalStateException("mandatory country not recorded: " + rows + " rows");
        }
    }

    /** The person's consular facts: told when, by whom, in what language, and whether they asked; empty: none. */
    public record ConsularFacts(Instant rightsToldAt, String rightsToldBy, String language, Boolean requested) {
    }

    public Optional<ConsularFacts> consularFacts(UUID person) {
        return jdbc.sql(SELECT_CONSULAR_RECORD).param("person", person).query((rs, n) -> new ConsularFacts(
                SqlTimes.instant(rs, "rights_told_at"), rs.getString("rights_told_by"),
                rs.getString("rights_told_language"), (Boolean) rs.getObject("notification_requested"))).optional();
    }

    public void recordRightsTold(UUID person, Instant at, String by, String language, Instant now) {
        int rows = jdbc.sql(UPSERT_RIGHTS_TOLD).param("person", person).param("at", SqlTimes.utc(at)).param("by", by)
                .param("language", language).param("now", SqlTimes.utc(now)).update();
        if (rows != 1) {
            throw new IllegalStateException("consular record not written: " + rows + " rows");
        }
    }

    public void recordRequested(UUID person, boolean requested, Instant now) {
        int rows = jdbc.sql(UPSERT_NOTIFICATION_REQUESTED).param("person", person).param("requested", requested)
                .param("now", SqlTimes.utc(now)).update();
        if (rows != 1) {
            throw new IllegalStateException("consular record not written: " + rows + " rows");
        }
    }

    public void insertConsularNotification(ConsularNotification c, String facility) {
        int rows = jdbc.sql(INSERT_CONSULAR_NOTIFICATION).param("id", c.id()).param("person", c.person())
                .param("facility", facility).param("country", c.country()).param("post", c.post())
                .param("method", c.method().name()).param("mandatory", c.mandatory())
                .param("notice", json.writeValueAsString(c.notice())).param("status", c.status().name())
                .param("recordedAt", SqlTimes.utc(c.recordedAt())).param("recordedBy", c.recordedBy())
                .param("sentAt", c.sentAt() == null ? null : SqlTimes.utc(c.sentAt())).update();
        if (rows != 1) {
            throw new IllegalStateException("consular notification not inserted: " + rows + " rows");
        }
    }

    public List<ConsularNotification> consularNotifications(UUID person) {
        return jdbc.sql(SELECT_CONSULAR_NOTIFICATIONS_OF_PERSON).param("person", person)
                .query(this::consularNotification).list();
    }

    /** A held notification with the facility of the person at the time it was recorded (for facility scope). */
    public record Held(ConsularNotification notification, String facility) {
    }

    public Optional<Held> lockConsularNotification(UUID id) {
        return jdbc.sql(SELECT_CONSULAR_NOTIFICATION_FOR_UPDATE).param("id", id)
                .query((rs, n) -> new Held(consularNotification(rs, n), rs.getString("facility"))).optional();
    }

    public List<Held> consularNotificationsHeld(int limit) {
        return jdbc.sql(SELECT_CONSULAR_NOTIFICATIONS_HELD).param("limit", limit)
                .query((rs, n) -> new Held(consularNotification(rs, n), rs.getString("facility"))).list();
    }

    public void markReviewed(UUID id, ConsularNotification.Status status, Instant now, String by, String reason) {
        int rows = jdbc.sql(UPDATE_CONSULAR_NOTIFICATION_REVIEWED).param("id", id).param("status", status.name())
                .param("sentAt", status == ConsularNotification.Status.SENT ? SqlTimes.utc(now) : null)
                .param("now", SqlTimes.utc(now)).param("by", by).param("reason", reason).update();
        if (rows != 1) {
            throw new IllegalStateException("consular notification " + id + " not reviewed: " + rows + " rows");
        }
    }

    public void insertConsularCommunication(ConsularCommunication c) {
        int rows = jdbc.sql(INSERT_CONSULAR_COMMUNICATION).param("id", c.id()).param("person", c.person())
                .param("kind", c.kind().name()).param("country", c.country()).param("post", c.post())
                .param("at", SqlTimes.utc(c.at())).param("note", c.note())
                .param("recordedAt", SqlTimes.utc(c.recordedAt())).param("recordedBy", c.recordedBy()).update();
        if (rows != 1) {
            throw new IllegalStateException("consular communication not inserted: " + rows + " rows");
        }
    }

    public List<ConsularCommunication> consularCommunications(UUID person) {
        return jdbc.sql(SELECT_CONSULAR_COMMUNICATIONS_OF_PERSON).param("person", person)
                .query((rs, n) -> new ConsularCommunication(rs.getObject("id", UUID.class),
                        rs.getObject("person_id", UUID.class),
                        ConsularCommunication.Kind.valueOf(rs.getString("kind")), rs.getString("country"),
                        rs.getString("post"), SqlTimes.instant(rs, "at"), rs.getString("note"),
                        SqlTimes.instant(rs, "recorded_at"), rs.getString("recorded_by"))).list();
    }

    private ConsularNotification consularNotification(ResultSet rs, int n) throws SQLException {
        Map<String, Object> notice = json.readValue(rs.getString("notice"), new TypeReference<Map<String, Object>>() {
        });
        return new ConsularNotification(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("country"), rs.getString("post"),
                ConsularNotification.Method.valueOf(rs.getString("method")), rs.getBoolean("mandatory"), notice,
                ConsularNotification.Status.valueOf(rs.getString("status")), SqlTimes.instant(rs, "recorded_at"),
                rs.getString("recorded_by"), SqlTimes.instant(rs, "sent_at"), SqlTimes.instant(rs, "reviewed_at"),
                rs.getString("reviewed_by"), rs.getString("review_reason"));
    }

    private List<NotificationTask> withAttempts(List<NotificationTask> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        Collection<UUID> ids = tasks.stream().map(NotificationTask::id).toList();
        Map<UUID, List<NotificationAttempt>> byTask = jdbc.sql(SELECT_ATTEMPTS_OF_TASKS).param("tasks", ids)
                .query((rs, n) -> new NotificationAttempt(rs.getObject("id", UUID.class),
                        rs.getObject("task_id", UUID.class), SqlTimes.instant(rs, "at"),
                        NotificationAttempt.Method.valueOf(rs.getString("method")), rs.getString("made_by"),
                        rs.getBoolean("delivered"), rs.getString("note"), SqlTimes.instant(rs, "recorded_at")))
                .list().stream().collect(java.util.stream.Collectors.groupingBy(NotificationAttempt::task));
        return tasks.stream().map(t -> t.withAttempts(byTask.getOrDefault(t.id(), List.of()))).toList();
    }

    private NotificationTask task(ResultSet rs, int n) throws SQLException {
        Map<String, Object> notice = json.readValue(rs.getString("notice"), new TypeReference<Map<String, Object>>() {
        });
        return new NotificationTask(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("facility"), Occasion.valueOf(rs.getString("occasion")),
                rs.getObject("occasion_id", UUID.class), Recipient.valueOf(rs.getString("recipient")),
                rs.getObject("contact_id", UUID.class), rs.getString("contact_name"), notice,
                SqlTimes.instant(rs, "occurred_at"), SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "due_at"),
                TaskStatus.valueOf(rs.getString("status")), SqlTimes.instant(rs, "done_at"), rs.getBoolean("overdue"),
                List.of());
    }

    private static PersonContact contact(ResultSet rs, int n) throws SQLException {
        return new PersonContact(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                PersonContact.Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("relation"),
                rs.getString("phone"), rs.getString("email"), rs.getString("address"),
                rs.getBoolean("tell_of_illness"), SqlTimes.instant(rs, "recorded_at"), rs.getString("recorded_by"));
    }
}

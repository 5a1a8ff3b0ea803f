package org.habeas.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.habeas.rights.RightsFixtures.aFacility;
import static org.habeas.rights.RightsFixtures.aPerson;
import static org.habeas.rights.RightsFixtures.admit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.Role;
import org.habeas.custody.Contact;
import org.habeas.custody.CustodyEvent;
import org.habeas.people.PersonId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox (docs/decisions/0010): custody's events are kept in event_publication from the movement's own commit
 * until the rights listener has opened the duties, so a failure between the two loses neither, and a second run
 * of the listener for the same event creates nothing more.
 */
@DisplayName("/api/admin/events and the outbox")
class OutboxTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Nested
    class Security {
        @Test
        void refusedWithoutLogin() {
            anonymous().get("/api/admin/events").expect(401);
        }

        @Test
        void refusedForAnyoneButAdministrators() {
            as(Role.SUPERVISOR, Role.HOUSING, Role.INSPECTOR).get("/api/admin/events").expect(403);
            as(Role.SUPERVISOR).post("/api/admin/events/resubmit", "{}").expect(403);
            as(Role.INSPECTOR).post("/api/admin/events/" + UUID.randomUUID() + "/resubmit", "{}").expect(403);
        }
    }

    @Nested
    class Validation {
        @Test
        void resubmittingAPublicationThatIsNotIncompleteIsNotFound() {
            as(Role.ADMIN).post("/api/admin/events/" + UUID.randomUUID() + "/resubmit", "{}").expect(404)
                    .code("EVENT_PUBLICATION_NOT_FOUND");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void anAdmissionOpensItsDutyThroughTheOutbox() {
            String facility = aFacility(as(Role.DIRECTOR));
            UUID person = aPerson(as(Role.INTAKE), facility, "SV");
            admit(as(Role.INTAKE), person, facility);
            await().atMost(PATIENCE).until(() -> tasksOf(person) == 1);
            await().atMost(PATIENCE).until(() -> publications(person, true) == 1 && publications(person, false) == 0);
        }

        @Test
        void aFailureBetweenTheMovementAndTheDutyLosesNeither() {
            String facility = aFacility(as(Role.DIRECTOR));
            UUID person = aPerson(as(Role.INTAKE), facility, "SV");
            String trigger = "fail_" + person.toString().replace("-", "");
            // The listener's transaction fails on its first run, as if the process died before the duty was written.
            jdbc.sql("""
                    CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NEW.person_id = '%2$s' THEN RAISE EXCEPTION 'simulated crash'; END IF;
                      RETURN NEW;
                    END $$""".formatted(trigger, person)).update();
            jdbc.sql("CREATE TRIGGER %1$s BEFORE INSERT ON notification_task FOR EACH ROW EXECUTE FUNCTION %1$s()"
                    .formatted(trigger)).update();
            try {
                admit(as(Role.INTAKE), person, facility);
                // The movement committed; its event stays in the outbox, incomplete, and no duty exists.
                await().atMost(PATIENCE).until(() -> attempts(person) >= 1);
                assertThat(jdbc.sql("SELECT count(*) FROM movement WHERE person_id = :p AND kind = 'ADMITTED'")
                        .param("p", person).query(Long.class).single()).isEqualTo(1);
                assertThat(tasksOf(person)).isZero();
                assertThat(publications(person, false)).isEqualTo(1);
            } finally {
                jdbc.sql("DROP TRIGGER %1$s ON notification_task".formatted(trigger)).update();
                jdbc.sql("DROP FUNCTION %1$s()".formatted(trigger)).update();
            }
            UUID publication = jdbc.sql("""
                    SELECT id FROM event_publication WHERE serialized_event LIKE :p AND completion_date IS NULL""")
                    .param("p", "%" + person + "%").query(UUID.class).single();
            List<String> listed = new ArrayList<>();
            as(Role.ADMIN).get("/api/admin/events").expect(200).json()
                    .forEach(p -> listed.add(p.path("id").asString()));
            assertThat(listed).contains(publication.toString());

            as(Role.ADMIN).post("/api/admin/events/" + publication + "/resubmit", "{}").expect(202);
            await().atMost(PATIENCE).until(() -> publications(person, false) == 0);
            assertThat(tasksOf(person)).isEqualTo(1);
            as(Role.ADMIN).post("/api/admin/events/" + publication + "/resubmit", "{}").expect(404)
                    .code("EVENT_PUBLICATION_NOT_FOUND");

            // The same event once more (a restart that republishes it, a second instance): nothing new.
            UUID movement = jdbc.sql("SELECT id FROM movement WHERE person_id = :p AND kind = 'ADMITTED'")
                    .param("p", person).query(UUID.class).single();
            new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(
                    new CustodyEvent.PersonAdmitted(movement, new PersonId(person), facility, Instant.now(),
                            List.of(new Contact(Contact.Relation.NEXT_OF_KIN, "Hermana de prueba", null, null, null,
                                    "+503 0000 0000")))));
            await().atMost(PATIENCE).until(() -> publications(person, true) == 2 && publications(person, false) == 0);
            assertThat(tasksOf(person)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM rights_contact WHERE person_id = :p").param("p", person)
                    .query(Long.class).single()).isEqualTo(1);
        }
    }

    private long tasksOf(UUID person) {
        return jdbc.sql("SELECT count(*) FROM notification_task WHERE person_id = :p").param("p", person)
                .query(Long.class).single();
    }

    private long publications(UUID person, boolean completed) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE :p AND "
                        + (completed ? "completion_date IS NOT NULL" : "completion_date IS NULL"))
                .param("p", "%" + person + "%").query(Long.class).single();
    }

    private long attempts(UUID person) {
        return jdbc.sql("""
                SELECT coalesce(max(completion_attempts), 0) FROM event_publication
                 WHERE serialized_event LIKE :p AND (status = 'FAILED' OR completion_attempts > 0)""")
                .param("p", "%" + person + "%").query(Long.class).single();
    }
}

package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.access.Role.INTAKE;
import static org.habeas.access.Role.LEGAL;
import static org.habeas.people.People.aPerson;
import static org.habeas.people.People.uniqueName;
import static org.habeas.people.People.with;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The people module's bulk reads and writes for a bulk admission: the facts of many records in one read
 * and their facility links in one statement, with the same rules as the one-person calls.
 */
class BulkAdmissionReadsTest extends IntegrationTest {

    @Autowired
    PeopleService people;

    @Autowired
    PlatformTransactionManager transactions;

    PersonId registered(String facility, String birthDate, String sex) {
        var body = with(with(aPerson(uniqueName(), uniqueName(), uniqueName(), birthDate), "facility", facility),
                "recordedSex", sex);
        return new PersonId(UUID.fromString(as(INTAKE).post("/api/people", body).expect(201).json().path("id")
                .asString()));
    }

    static String aFacilityCode() {
        return "BLK" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    void merge(PersonId duplicate, PersonId into) {
        as(LEGAL).post("/api/people/" + into + "/merge", Map.of("duplicate", duplicate.toString(),
                "reason", "same fingerprints, registry confirmed")).expect(200);
    }

    int linkEntries(PersonId person, String facility) {
        return jdbc.sql("""
                SELECT count(*) FROM journal_entry
                 WHERE action = 'PERSON_LINKED_TO_FACILITY' AND subject_id = :p AND facility = :f""")
                .param("p", person.toString()).param("f", facility).query(Integer.class).single();
    }

    @Test
    void theFactsOfExistingUnmergedRecordsOnly() {
        String facility = aFacilityCode();
        PersonId woman = registered(facility, "1991-04-17", "FEMALE");
        PersonId survivor = registered(facility, "1980-01-02", "MALE");
        PersonId duplicate = registered(facility, "1982-03-04", "MALE");
        merge(duplicate, survivor);
        PersonId unknown = PersonId.random();

        var facts = people.admissionFacts(List.of(woman, duplicate, unknown, survivor));

        assertThat(facts.keySet()).containsExactlyInAnyOrder(woman, survivor);
        assertThat(facts.get(woman).recordedSex()).isEqualTo(RecordedSex.FEMALE);
        assertThat(facts.get(woman).birth().date()).isEqualTo(LocalDate.of(1991, 4, 17));
        assertThat(facts.get(woman).birth().precision()).isEqualTo(Birth.Precision.FULL);
        assertThat(people.admissionFacts(List.of())).isEmpty();
    }

    @Test
    void linkingInBulkFollowsAMergeAndJournalsOnlyNewLinks() {
        String registeredAt = aFacilityCode();
        String arrivingAt = aFacilityCode();
        PersonId survivor = registered(registeredAt, "1975-06-30", "MALE");
        PersonId duplicate = registered(registeredAt, "1977-08-09", "MALE");
        PersonId other = registered(registeredAt, "1988-11-11", "MALE");
        merge(duplicate, survivor);
        var transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(s -> people.linkAllToFacility(List.of(survivor, duplicate, other),
                arrivingAt));
        transaction.executeWithoutResult(s -> people.linkAllToFacility(List.of(other), arrivingAt));

        assertThat(jdbc.sql("SELECT person_id FROM person_facility WHERE facility_code = :f").param("f", arrivingAt)
                .query(UUID.class).list()).containsExactlyInAnyOrder(survivor.value(), other.value());
        assertThat(linkEntries(survivor, arrivingAt)).as("the merged record links its survivor, once").isEqualTo(1);
        assertThat(linkEntries(duplicate, arrivingAt)).isZero();
        assertThat(linkEntries(other, arrivingAt)).as("linking twice changes nothing").isEqualTo(1);
    }
}

package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;
import static org.habeas.custody.CustodyFixtures.anAdmission;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.Permission;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * REQ-14, REQ-09: visible injuries, complaints of ill-treatment and children's data are each behind their own
 * permission, in the API and on the timeline page; the reader sees that they are withheld; reading them is journaled.
 */
class ConfidentialFieldsTest extends IntegrationTest {

    static final String INJURIES = "hematoma en el antebrazo izquierdo";
    static final String COMPLAINT = "dice que lo golpearon durante el traslado";
    static final String CHILD = "Niña Sintética Prueba";

    UUID person;

    @BeforeEach
    void aWomanAdmittedWithTheConfidentialParts() {
        var estate = aFacility(as(Role.DIRECTOR), 1, 4, 4);
        person = aPerson(as(Role.INTAKE), estate.code(), "FEMALE");
        var admission = new HashMap<>(anAdmission(estate.code()));
        admission.put("visibleInjuries", INJURIES);
        admission.put("illTreatmentComplaint", COMPLAINT);
        admission.put("contacts", List.of(
                Map.of("relation", "CHILD", "name", CHILD, "age", 6, "whereabouts", "con su abuela",
                        "guardianship", "abuela materna"),
                Map.of("relation", "NEXT_OF_KIN", "name", "Contacto Sintético", "phone", "+503 0000 0000")));
        var admitted = as(Role.INTAKE).post("/api/people/" + person + "/custody", admission).expect(201).json();
        assertThat(admitted.path("episode").path("withheld")).as("the admitting officer has no permission either")
                .hasSize(3);
    }

    @Test
    void withoutAnyPermissionEveryConfidentialPartIsWithheldAndSaysSo() {
        JsonNode episode = as(Role.HOUSING).get("/api/people/" + person + "/custody").expect(200).json().get(0);
        assertThat(episode.path("visibleInjuries").isNull()).isTrue();
        assertThat(episode.path("illTreatmentComplaint").isNull()).isTrue();
        assertThat(texts(episode.path("withheld"))).containsExactly("visibleInjuries", "illTreatmentComplaint",
                "children");
        assertThat(episode.path("contacts")).hasSize(1);
        assertThat(episode.path("contacts").get(0).path("relation").asString()).isEqualTo("NEXT_OF_KIN");
        assertThat(episode.toString()).doesNotContain(INJURIES, COMPLAINT, CHILD);
        assertThat(confidentialReads()).isZero();
    }

    @Test
    void eachPermissionShowsItsOwnFieldAndOnlyThat() {
        for (Permission permission : Permission.values()) {
            JsonNode episode = reader(Set.of(permission), Role.HOUSING).get("/api/people/" + person + "/custody")
                    .expect(200).json().get(0);
            String shown = switch (permission) {
                case MEDICAL -> "visibleInjuries";
                case COMPLAINTS -> "illTreatmentComplaint";
                case CHILDREN -> "children";
            };
            assertThat(texts(episode.path("withheld"))).as("withheld with %s", permission).hasSize(2)
                    .doesNotContain(shown);
            assertThat(episode.path("visibleInjuries").isNull()).isEqualTo(permission != Permission.MEDICAL);
            assertThat(episode.path("illTreatmentComplaint").isNull()).isEqualTo(permission != Permission.COMPLAINTS);
            assertThat(episode.toString().contains(CHILD)).isEqualTo(permission == Permission.CHILDREN);
        }
    }

    @Test
    void readingTheConfidentialPartsIsJournaledWithoutTheirContent() {   // REQ-49
        var reader = reader(Set.of(Permission.values()), Role.INSPECTOR);
        JsonNode episode = reader.get("/api/people/" + person + "/custody").expect(200).json().get(0);
        assertThat(episode.path("visibleInjuries").asString()).isEqualTo(INJURIES);
        assertThat(episode.path("illTreatmentComplaint").asString()).isEqualTo(COMPLAINT);
        assertThat(episode.path("withheld")).isEmpty();
        String details = jdbc.sql("""
                SELECT details::text FROM journal_entry
                 WHERE action = 'READ' AND subject_id = :p AND details::jsonb ->> 'what' = 'custody-confidential'""")
                .param("p", person.toString()).query(String.class).single();
        assertThat(details).contains("visibleInjuries", "illTreatmentComplaint", "children")
                .doesNotContain(INJURIES, COMPLAINT, CHILD);
    }

    @Test
    void theTimelinePageShowsWhatIsWithheld() {
        UserAccount plain = newUser(Role.HOUSING);
        var page = new org.habeas.PageSession(baseUrl()).logOn(plain.username(), PASSWORD_OF_TEST_USERS)
                .get("/people/" + person + "/custody?lang=en").body();
        assertThat(page).contains("Withheld: reading medical observations needs the Medical permission",
                "Withheld: reading confidential complaints", "details are withheld")
                .doesNotContain(INJURIES, COMPLAINT, CHILD);

        UserAccount trusted = newUser(Role.HOUSING);
        access.setPermissions(trusted.id(), Set.of(Permission.values()), "welfare officer");
        var full = new org.habeas.PageSession(baseUrl()).logOn(trusted.username(), PASSWORD_OF_TEST_USERS)
                .get("/people/" + person + "/custody?lang=es").body();
        assertThat(full).contains(INJURIES, COMPLAINT, CHILD).doesNotContain("Reservado", "están reservados");
    }

    private ApiClient reader(Set<Permission> permissions, Role... roles) {
        UserAccount user = newUser(roles);
        access.setPermissions(user.id(), permissions, "needed for the work");
        var actor = access.userForLogon(user.username()).orElseThrow();
        String token = access.issueToken(actor, user.id(), "tests", Duration.ofDays(1)).secret();
        return anonymous().header("Authorization", "Bearer " + token);
    }

    private int confidentialReads() {
        return jdbc.sql("""
                SELECT count(*) FROM journal_entry
                 WHERE action = 'READ' AND subject_id = :p AND details::jsonb ->> 'what' = 'custody-confidential'""")
                .param("p", person.toString()).query(Integer.class).single();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }
}

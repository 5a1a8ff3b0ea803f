package org.habeas.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.access.Role.INTAKE;
import static org.habeas.access.Role.LEGAL;
import static org.habeas.people.People.aPerson;
import static org.habeas.people.People.uniqueName;
import static org.habeas.people.People.with;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.NewUser;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The duplicates report shows a user limited to some facilities only pairs of people held there. */
class DuplicatesScopeTest extends IntegrationTest {

    @Test
    void aPairSharingADocumentNumberIsListedOnlyWhenBothPeopleAreInScope() {
        String here = "DUPH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String elsewhere = "DUPE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String number = "D" + System.nanoTime();
        var mine = as(INTAKE).post("/api/people", with(with(aPerson(uniqueName(), "Alvarado", "Ruiz", "1971-01-01"),
                "facility", here), "documents", List.of(Map.of("type", "PASSPORT", "issuer", "SV", "number", number,
                "expiresOn", "2030-01-01")))).expect(201).json();
        var theirs = as(INTAKE).post("/api/people", with(with(with(aPerson(uniqueName(), "Quintanilla", "Mejía",
                "1985-05-05"), "facility", elsewhere), "documents", List.of(Map.of("type", "AGENCY_ID",
                "issuer", "SV", "number", number))), "newPersonReason", "a different man, same number on paper"))
                .expect(201).json();

        assertThat(listsPair(as(LEGAL).get("/api/people/duplicates?limit=1000").expect(200).json(), mine, theirs))
                .as("an officer of every facility sees the pair").isTrue();

        var scoped = access.createUser(new NewUser("dup" + UUID.randomUUID().toString().substring(0, 8),
                "Scoped legal officer", PASSWORD_OF_TEST_USERS, Set.of(LEGAL), Set.of(here)));
        var report = anonymous().basic(scoped.username(), PASSWORD_OF_TEST_USERS)
                .get("/api/people/duplicates?limit=1000").expect(200).json();
        assertThat(listsPair(report, mine, theirs)).as("the other facility's person stays hidden").isFalse();
        assertThat(report.toString()).doesNotContain(theirs.path("id").asString());
    }

    private static boolean listsPair(JsonNode report, JsonNode a, JsonNode b) {
        for (JsonNode pair : report) {
            var ids = List.of(pair.path("first").path("id").asString(), pair.path("second").path("id").asString());
            if (ids.contains(a.path("id").asString()) && ids.contains(b.path("id").asString())) {
                return true;
            }
        }
        return false;
    }
}

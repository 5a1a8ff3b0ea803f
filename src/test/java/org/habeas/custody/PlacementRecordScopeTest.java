package org.habeas.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habeas.custody.CustodyFixtures.aFacility;
import static org.habeas.custody.CustodyFixtures.aPerson;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.habeas.ApiClient;
import org.habeas.IntegrationTest;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** The history of an allegation or a non-association is shown only to officers who may see the people in it. */
class PlacementRecordScopeTest extends IntegrationTest {

    ApiClient legalOf(String facility) {
        var user = access.createUser(new NewUser("lg" + UUID.randomUUID().toString().substring(0, 8), "Legal",
                PASSWORD_OF_TEST_USERS, Set.of(Role.LEGAL), Set.of(facility)));
        return anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS);
    }

    @Test
    void anotherFacilitysRecordsHaveNoHistoryToShow() {
        String here = aFacility(as(Role.DIRECTOR), 1, 2, 3).code();
        String elsewhere = aFacility(as(Role.DIRECTOR), 1, 2, 3).code();
        UUID a = aPerson(as(Role.INTAKE), here);
        UUID b = aPerson(as(Role.INTAKE), here);
        String allegation = as(Role.INTAKE).post("/api/people/" + a + "/allegations", Map.of("kind",
                "GANG_AFFILIATION", "group", "Grupo Sur", "source", "intake interview")).expect(201).json()
                .path("id").asString();
        String apart = as(Role.HOUSING).post("/api/non-associations", Map.of("personA", a, "personB", b,
                "scope", "CELL", "reason", "a debt between them", "source", "unit officer")).expect(201).json()
                .path("id").asString();

        var stranger = legalOf(elsewhere);
        stranger.get("/api/placement-records/" + allegation + "/history").expect(404).code("ALLEGATION_NOT_FOUND");
        stranger.get("/api/placement-records/" + apart + "/history").expect(404).code("NON_ASSOCIATION_NOT_FOUND");
        stranger.get("/api/placement-records/" + UUID.randomUUID() + "/history").expect(404);

        var colleague = legalOf(here);
        assertThat(colleague.get("/api/placement-records/" + allegation + "/history").expect(200).json().size())
                .isEqualTo(1);
        assertThat(colleague.get("/api/placement-records/" + apart + "/history").expect(200).json().size())
                .isEqualTo(1);
    }
}

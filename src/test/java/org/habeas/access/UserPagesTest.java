package org.habeas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.habeas.IntegrationTest;
import org.habeas.PageSession;
import org.junit.jupiter.api.Test;

/** The users page runs the API's own validation: a form cannot store what the API would refuse. */
class UserPagesTest extends IntegrationTest {

    @Test
    void aRoleChangeWithoutAReasonIsRefusedNamingTheReasonAndChangesNothing() {
        var officer = newUser(Role.INTAKE);
        var admin = new PageSession(baseUrl()).logOn("admin", ADMIN_PASSWORD);

        var answer = admin.post("/admin/users/" + officer.id(), Map.of("roles", "HOUSING", "enabled", "true",
                "reason", "  "));

        assertThat(answer.statusCode()).isEqualTo(302);
        String page = admin.get("/admin/users?lang=en").body();
        assertThat(page).contains("id=\"users-refused-fields\"").contains("Check: reason");
        assertThat(access.account(officer.id()).roles()).containsExactly(Role.INTAKE);
    }

    @Test
    void anOverlongDisplayNameIsRefusedInSpanishAndNoUserIsCreated() {
        var admin = new PageSession(baseUrl()).logOn("admin", ADMIN_PASSWORD);
        String username = "long-" + System.nanoTime() % 1_000_000;

        admin.post("/admin/users", Map.of("username", username, "displayName", "N".repeat(201),
                "password", "a-long-page-password", "roles", "INTAKE"));

        assertThat(admin.get("/admin/users?lang=es").body()).contains("Revise: displayName");
        assertThat(access.accounts()).noneMatch(u -> u.username().equals(username));
    }

    @Test
    void anOfficerWithoutAdminCannotChangeUsersThroughThePage() {
        var officer = newUser(Role.SUPERVISOR);
        var target = newUser(Role.INTAKE);
        var page = new PageSession(baseUrl()).logOn(officer.username(), PASSWORD_OF_TEST_USERS);

        var answer = page.post("/admin/users/" + target.id(), Map.of("roles", "ADMIN", "enabled", "true",
                "reason", "trying"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(access.account(target.id()).roles()).containsExactly(Role.INTAKE);
    }
}

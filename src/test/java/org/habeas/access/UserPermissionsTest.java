package org.habeas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.habeas.IntegrationTest;
import org.junit.jupiter.api.Test;

/** REQ-14: the confidential-field permissions are granted to a user apart from roles, by an administrator only. */
class UserPermissionsTest extends IntegrationTest {

    private static String permissionsOf(UserAccount user) {
        return "/api/access/users/" + user.id() + "/permissions";
    }

    @Test
    void anAdministratorGrantsAndWithdrawsAndTheJournalKeepsBoth() {
        UserAccount officer = newUser(Role.HOUSING);
        var granted = as(Role.ADMIN).put(permissionsOf(officer), Map.of("permissions", List.of("MEDICAL", "CHILDREN"),
                "reason", "welfare officer of module 3")).expect(200).json();
        assertThat(granted.path("permissions")).hasSize(2);
        assertThat(access.userForLogon(officer.username()).orElseThrow().permissions())
                .containsExactlyInAnyOrder(Permission.MEDICAL, Permission.CHILDREN);
        assertThat(as(Role.ADMIN).get("/api/access/users/" + officer.id()).expect(200).json().path("permissions"))
                .hasSize(2);

        as(Role.ADMIN).put(permissionsOf(officer), Map.of("permissions", List.of("COMPLAINTS"),
                "reason", "moved to the complaints desk")).expect(200);
        assertThat(access.account(officer.id()).permissions()).containsExactly(Permission.COMPLAINTS);
        String details = jdbc.sql("""
                SELECT details::text FROM journal_entry WHERE action = 'USER_PERMISSIONS_CHANGED' AND subject_id = :id
                 ORDER BY seq DESC LIMIT 1""").param("id", officer.id().toString()).query(String.class).single();
        assertThat(details).contains("CHILDREN", "MEDICAL", "COMPLAINTS");
    }

    @Test
    void everyRoleButAdminIsRefused() {
        UserAccount officer = newUser(Role.HOUSING);
        for (Role role : Role.values()) {
            if (role != Role.ADMIN) {
                as(role).put(permissionsOf(officer), Map.of("permissions", List.of("MEDICAL"), "reason", "mine"))
                        .expect(403).code("FORBIDDEN");
            }
        }
        anonymous().put(permissionsOf(officer), Map.of("permissions", List.of("MEDICAL"), "reason", "x")).expect(401);
        assertThat(access.account(officer.id()).permissions()).isEmpty();
    }

    @Test
    void badRequestsNameTheField() {
        UserAccount officer = newUser(Role.HOUSING);
        as(Role.ADMIN).put(permissionsOf(officer), Map.of("permissions", List.of("MEDICAL"))).expect(400)
                .code("VALIDATION_FAILED").field("reason");
        as(Role.ADMIN).put(permissionsOf(officer), Map.of("permissions", List.of("EVERYTHING"), "reason", "x"))
                .expect(400).code("VALIDATION_FAILED");
        as(Role.ADMIN).put("/api/access/users/" + java.util.UUID.randomUUID() + "/permissions",
                Map.of("permissions", List.of(), "reason", "x")).expect(404).code("USER_NOT_FOUND");
        assertThat(access.account(officer.id()).permissions()).isEmpty();
    }

    @Test
    void aRoleAloneGrantsNoPermission() {
        assertThat(access.account(newUser(Role.values()).id()).permissions()).isEqualTo(Set.of());
    }
}

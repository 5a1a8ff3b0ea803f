package org.habeas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("/api/access/users")
class UserApiTest extends IntegrationTest {

    private static final String USERS = "/api/access/users";

    private static Map<String, Object> aUser(String username) {
        return Map.of("username", username, "displayName", "Officer " + username,
                "password", "a-long-enough-secret", "roles", List.of("INTAKE"), "facilities", List.of("CECOT"));
    }

    private static String aUsername() {
        return "officer-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            anonymous().get(USERS).expect(401).code("UNAUTHENTICATED");
            anonymous().post(USERS, aUser(aUsername())).expect(401).code("UNAUTHENTICATED");
        }

        @Test
        void refusedForEveryRoleButAdmin() {
            for (Role role : Role.values()) {
                if (role != Role.ADMIN) {
                    as(role).get(USERS).expect(403).code("FORBIDDEN");
                    as(role).post(USERS, aUser(aUsername())).expect(403).code("FORBIDDEN");
                }
            }
        }

        @Test
        void theWrongRoleIsRefusedBeforeItsBodyIsValidated() {
            // An invalid body from a caller without the role is refused, not told what is wrong with it.
            as(Role.INTAKE).post(USERS, Map.of("username", "", "roles", List.of("NOT_A_ROLE"))).expect(403)
                    .code("FORBIDDEN");
            as(Role.ADMIN).post(USERS, Map.of("username", "")).expect(400).code("VALIDATION_FAILED");
        }

        @Test
        void wrongBasicPasswordIs401() {
            anonymous().basic("admin", "not-the-password").get(USERS).expect(401).code("UNAUTHENTICATED");
        }

        @Test
        void invalidBearerTokenIs401() {
            anonymous().header("Authorization", "Bearer hab_not-a-real-token").get(USERS).expect(401)
                    .code("UNAUTHENTICATED");
        }
    }

    @Nested
    class Validation {
        @Test
        void usernameMustFollowThePattern() {
            as(Role.ADMIN).post(USERS, aUser("Not Valid!")).expect(400).code("VALIDATION_FAILED").field("username");
        }

        @Test
        void atLeastOneRole() {
            var user = new java.util.HashMap<>(aUser(aUsername()));
            user.put("roles", List.of());
            as(Role.ADMIN).post(USERS, user).expect(400).code("VALIDATION_FAILED").field("roles");
        }

        @Test
        void unknownRoleIsNamed() {
            var user = new java.util.HashMap<>(aUser(aUsername()));
            user.put("roles", List.of("WARDEN"));
            as(Role.ADMIN).post(USERS, user).expect(400).code("VALIDATION_FAILED").field("roles[0]");
        }

        @Test
        void shortPasswordIsRefused() {
            var user = new java.util.HashMap<>(aUser(aUsername()));
            user.put("password", "short");
            as(Role.ADMIN).post(USERS, user).expect(400).code("PASSWORD_TOO_WEAK");
        }

        @Test
        void aPasswordLongerThanBcryptReadsIsRefusedNotCut() {
            var user = new java.util.HashMap<>(aUser(aUsername()));
            user.put("password", "contraseña-".repeat(7));   // 77 characters, 84 bytes
            as(Role.ADMIN).post(USERS, user).expect(400).code("PASSWORD_TOO_WEAK");
            user.put("password", "p".repeat(72));
            as(Role.ADMIN).post(USERS, user).expect(201);
        }

        @Test
        void overLongNameIsRefused() {
            var user = new java.util.HashMap<>(aUser(aUsername()));
            user.put("displayName", "x".repeat(201));
            as(Role.ADMIN).post(USERS, user).expect(400).code("VALIDATION_FAILED").field("displayName");
        }

        @Test
        void changeNeedsAReason() {
            String id = as(Role.ADMIN).post(USERS, aUser(aUsername())).expect(201).json().path("id").asString();
            as(Role.ADMIN).patch(USERS + "/" + id, Map.of("enabled", false)).expect(400).code("VALIDATION_FAILED")
                    .field("reason");
        }

        @Test
        void unknownUserIs404() {
            as(Role.ADMIN).get(USERS + "/" + UUID.randomUUID()).expect(404).code("USER_NOT_FOUND");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void createsAUserWhoCanThenCallTheApi() {
            String username = aUsername();
            var created = as(Role.ADMIN).post(USERS, aUser(username)).expect(201);
            assertThat(created.header("Location")).startsWith(USERS + "/");
            assertThat(created.json().path("roles").get(0).asString()).isEqualTo("INTAKE");
            assertThat(created.body()).doesNotContain("password");
            anonymous().basic(username, "a-long-enough-secret").get("/api/access/tokens").expect(200);
            assertThat(lastJournalAction("user", created.json().path("id").asString())).isEqualTo("USER_CREATED");
        }

        @Test
        void duplicateUsernameIsAConflict() {
            String username = aUsername();
            as(Role.ADMIN).post(USERS, aUser(username)).expect(201);
            as(Role.ADMIN).post(USERS, aUser(username)).expect(409).code("USERNAME_TAKEN");
        }

        @Test
        void theSameIdempotencyKeyCreatesOnce() {
            String key = UUID.randomUUID().toString();
            var body = aUser(aUsername());
            var first = as(Role.ADMIN).header("Idempotency-Key", key).post(USERS, body).expect(201);
            var again = as(Role.ADMIN).header("Idempotency-Key", key).post(USERS, body).expect(201);
            assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            as(Role.ADMIN).header("Idempotency-Key", key).post(USERS, aUser(aUsername())).expect(422)
                    .code("IDEMPOTENCY_KEY_REUSED");
        }

        @Test
        void disablingAUserShutsTheirTokensOut() {
            String username = aUsername();
            String id = as(Role.ADMIN).post(USERS, aUser(username)).expect(201).json().path("id").asString();
            String token = anonymous().basic(username, "a-long-enough-secret")
                    .post("/api/access/tokens", Map.of("name", "script")).expect(201).json().path("token").asString();
            anonymous().header("Authorization", "Bearer " + token).get("/api/access/tokens").expect(200);

            as(Role.ADMIN).patch(USERS + "/" + id, Map.of("enabled", false, "reason", "left the service"))
                    .expect(200);

            anonymous().header("Authorization", "Bearer " + token).get("/api/access/tokens").expect(401);
            assertThat(lastJournalAction("user", id)).isEqualTo("USER_CHANGED");
        }

        @Test
        void rolesAndScopeChangeAndAreJournaledWithOldAndNew() {
            String id = as(Role.ADMIN).post(USERS, aUser(aUsername())).expect(201).json().path("id").asString();
            var changed = as(Role.ADMIN).patch(USERS + "/" + id, Map.of("roles", List.of("HOUSING", "INTAKE"),
                    "facilities", List.of(), "reason", "moved to housing")).expect(200).json();
            assertThat(changed.path("roles").size()).isEqualTo(2);
            assertThat(changed.path("facilities").size()).isZero();
            String details = jdbc.sql("""
                    SELECT details::text FROM journal_entry WHERE subject_type = 'user' AND subject_id = :id
                       AND action = 'USER_CHANGED' ORDER BY seq DESC LIMIT 1""").param("id", id)
                    .query(String.class).single();
            assertThat(details).contains("HOUSING").contains("CECOT");
        }
    }

    private String lastJournalAction(String subjectType, String subjectId) {
        return jdbc.sql("""
                SELECT action FROM journal_entry WHERE subject_type = :type AND subject_id = :id
                 ORDER BY seq DESC LIMIT 1""").param("type", subjectType).param("id", subjectId)
                .query(String.class).single();
    }
}

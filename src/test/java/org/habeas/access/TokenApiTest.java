package org.habeas.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("/api/access/tokens")
class TokenApiTest extends IntegrationTest {

    private static final String TOKENS = "/api/access/tokens";

    @Nested
    class Security {
        @Test
        void refusedWithoutLogon() {
            anonymous().get(TOKENS).expect(401).code("UNAUTHENTICATED");
            anonymous().post(TOKENS, Map.of("name", "x")).expect(401).code("UNAUTHENTICATED");
        }

        @Test
        void onlyAdminIssuesForSomeoneElse() {
            UUID other = newUser(Role.AGENCY).id();
            as(Role.INTAKE).post(TOKENS, Map.of("name", "x", "forUser", other)).expect(403).code("FORBIDDEN");
        }

        @Test
        void onlyAdminListsEveryonesTokens() {
            as(Role.INSPECTOR).get(TOKENS + "?all=true").expect(403).code("FORBIDDEN");
        }

        @Test
        void anotherUsersTokenIsNotFound() {
            String id = as(Role.HOUSING).post(TOKENS, Map.of("name", "mine")).expect(201).json().path("id").asString();
            as(Role.LEGAL).get(TOKENS + "/" + id).expect(404).code("TOKEN_NOT_FOUND");
            as(Role.LEGAL).delete(TOKENS + "/" + id).expect(404).code("TOKEN_NOT_FOUND");
        }
    }

    @Nested
    class Validation {
        @Test
        void nameIsRequired() {
            as(Role.INTAKE).post(TOKENS, Map.of("validDays", 3)).expect(400).code("VALIDATION_FAILED").field("name");
        }

        @Test
        void validityIsBounded() {
            as(Role.INTAKE).post(TOKENS, Map.of("name", "x", "validDays", 366)).expect(400).code("VALIDATION_FAILED")
                    .field("validDays");
            as(Role.INTAKE).post(TOKENS, Map.of("name", "x", "validDays", 0)).expect(400).code("VALIDATION_FAILED")
                    .field("validDays");
        }

        @Test
        void badIdIsNamed() {
            as(Role.INTAKE).get(TOKENS + "/not-a-uuid").expect(400).code("VALIDATION_FAILED").field("id");
        }
    }

    @Nested
    class HappyPath {
        @Test
        void anAgencyClientGetsATokenFromAnAdminAndUsesIt() {
            var agency = newUser(Role.AGENCY);
            var issued = as(Role.ADMIN).post(TOKENS, Map.of("name", "manifest feed", "validDays", 30,
                    "forUser", agency.id())).expect(201).json();
            String secret = issued.path("token").asString();
            assertThat(secret).startsWith("hab_");
            assertThat(issued.path("owner").asString()).isEqualTo(agency.username());

            var mine = anonymous().header("Authorization", "Bearer " + secret).get(TOKENS).expect(200).json();
            assertThat(mine.size()).isEqualTo(1);
            assertThat(mine.get(0).path("name").asString()).isEqualTo("manifest feed");
            assertThat(mine.toString()).doesNotContain(secret);
            String stored = jdbc.sql("SELECT encode(token_hash, 'hex') FROM api_token WHERE id = :id")
                    .param("id", UUID.fromString(issued.path("id").asString())).query(String.class).single();
            assertThat(stored).doesNotContain(secret).hasSize(64);
        }

        @Test
        void aRepeatedRequestGetsTheSameTokenButTheSecretIsShownOnceAndNeverStored() {
            String key = "token-" + UUID.randomUUID();
            var client = as(Role.INTAKE).header("Idempotency-Key", key);
            var first = client.post(TOKENS, Map.of("name", "nightly export")).expect(201).json();
            String secret = first.path("token").asString();
            assertThat(secret).startsWith("hab_");

            var again = client.post(TOKENS, Map.of("name", "nightly export")).expect(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json().path("id").asString()).isEqualTo(first.path("id").asString());
            assertThat(again.json().path("token").isNull()).as("the secret is not replayed").isTrue();
            String kept = jdbc.sql("SELECT body FROM idempotent_command WHERE idempotency_key = :key")
                    .param("key", key).query(String.class).single();
            assertThat(kept).doesNotContain(secret);
        }

        @Test
        void aRevokedTokenStopsWorking() {
            var issued = as(Role.INTAKE).post(TOKENS, Map.of("name", "temp")).expect(201).json();
            String secret = issued.path("token").asString();
            var client = anonymous().header("Authorization", "Bearer " + secret);
            client.get(TOKENS).expect(200);
            client.delete(TOKENS + "/" + issued.path("id").asString() + "?reason=done").expect(200);
            client.get(TOKENS).expect(401).code("UNAUTHENTICATED");
        }

        @Test
        void anExpiredTokenIsRefused() {
            var issued = as(Role.INTAKE).post(TOKENS, Map.of("name", "old")).expect(201).json();
            jdbc.sql("UPDATE api_token SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = :id")
                    .param("id", UUID.fromString(issued.path("id").asString())).update();
            anonymous().header("Authorization", "Bearer " + issued.path("token").asString()).get(TOKENS).expect(401);
        }
    }
}

package org.habeas.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.habeas.IntegrationTest;
import org.junit.jupiter.api.Test;

/** REQ-52: five failed log-ons lock the account for ten minutes, whatever the door; each is journaled. */
class LockOutTest extends IntegrationTest {

    @Test
    void fiveFailuresLockEvenTheRightPassword() {
        var user = newUser(Role.HOUSING);
        var wrong = anonymous().basic(user.username(), "wrong-password-123");
        for (int i = 0; i < AccessService.FAILED_LOGON_LIMIT; i++) {
            wrong.get("/api/access/tokens").expect(401);
        }
        anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS).get("/api/access/tokens").expect(401);

        assertThat(access.account(user.id()).lockedUntil()).isNotNull();
        long failures = jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'LOGON_FAILED' AND subject_id = :u")
                .param("u", user.username()).query(Long.class).single();
        assertThat(failures).isEqualTo(AccessService.FAILED_LOGON_LIMIT + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM journal_entry WHERE action = 'ACCOUNT_LOCKED' AND subject_id = :u")
                .param("u", user.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAdministratorCanUnlock() {
        var user = newUser(Role.HOUSING);
        for (int i = 0; i < AccessService.FAILED_LOGON_LIMIT; i++) {
            anonymous().basic(user.username(), "wrong-password-123").get("/api/access/tokens").expect(401);
        }
        as(Role.ADMIN).post("/api/access/users/" + user.id() + "/unlock", java.util.Map.of("reason", "verified by phone"))
                .expect(200);
        anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS).get("/api/access/tokens").expect(200);
    }

    @Test
    void fewerThanFiveFailuresThenSuccessStartsTheCountAgain() {
        var user = newUser(Role.HOUSING);
        for (int i = 0; i < AccessService.FAILED_LOGON_LIMIT - 1; i++) {
            anonymous().basic(user.username(), "wrong-password-123").get("/api/access/tokens").expect(401);
        }
        anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS).get("/api/access/tokens").expect(200);
        anonymous().basic(user.username(), "wrong-password-123").get("/api/access/tokens").expect(401);
        anonymous().basic(user.username(), PASSWORD_OF_TEST_USERS).get("/api/access/tokens").expect(200);
    }
}

package org.habeas.custody;

import java.util.Set;
import java.util.UUID;

import org.habeas.IntegrationTest;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;

/** The consistency check names people and cells of every facility: a user limited to some facilities is refused. */
class ConsistencyScopeTest extends IntegrationTest {

    @Test
    void anInspectorLimitedToOneFacilityIsRefusedAndAnUnlimitedOneIsServed() {
        var scoped = access.createUser(new NewUser("cs" + UUID.randomUUID().toString().substring(0, 8), "Inspector",
                PASSWORD_OF_TEST_USERS, Set.of(Role.INSPECTOR), Set.of("SOMEWHERE")));
        anonymous().basic(scoped.username(), PASSWORD_OF_TEST_USERS).get("/api/custody/consistency").expect(403)
                .code("FORBIDDEN");
        as(Role.INSPECTOR).get("/api/custody/consistency").expect(200);
    }
}

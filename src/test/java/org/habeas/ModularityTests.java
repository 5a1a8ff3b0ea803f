package org.habeas;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The house plan's arrows (DESIGN.md, "Modules"): a module uses only those below it, and never their internals. */
class ModularityTests {

    static final ApplicationModules HABEAS = ApplicationModules.of(HabeasApplication.class);

    @Test
    void arrowsOnlyPointDown() {
        HABEAS.verify();
    }
}

package org.habeas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The house plan's arrows (docs/architecture.md, "Modules"): a module uses only those below it, and never their
 * internals; custody's parts are modules of their own, above custody.
 */
class ModularityTests {

    static final ApplicationModules HABEAS = ApplicationModules.of(HabeasApplication.class);

    @Test
    void arrowsOnlyPointDown() {
        HABEAS.verify();
    }

    @Test
    void custodyIsSplitIntoPlacementAndTheRoll() {
        for (String part : new String[] {"placement", "roll"}) {
            ApplicationModule module = HABEAS.getModuleByName("custody." + part).orElseThrow();
            assertThat(module.getBasePackage().getName()).isEqualTo("org.habeas.custody." + part);
            assertThat(module.getDirectDependencies(HABEAS).contains(HABEAS.getModuleByName("custody").orElseThrow()))
                    .as("custody.%s is above custody", part).isTrue();
        }
    }
}

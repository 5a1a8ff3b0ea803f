package org.habeas.vetting;

import java.nio.file.Path;

import org.habeas.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of tests that drive the engine through the test-only rules ({@link TestRules}: a gate that denies or
 * fails, a hard limit, a legal hold, a probe, a hold per person): the running application with those rules added.
 * It is the one context of a test run besides {@link IntegrationTest}'s, which runs the production rule set; every
 * subclass shares it. It has its own embedded PostgreSQL in a data directory of its own, since the default context's
 * server stays up beside it.
 */
@Import(TestRules.class)
public abstract class RuleEngineTest extends IntegrationTest {

    /** This context's data directory: not {@link IntegrationTest#DATA_DIR}, whose server is running too. */
    protected static final Path OWN_DATA_DIR = temporaryDataDirectory("habeas-it-rules-");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("habeas.test.data-dir", OWN_DATA_DIR::toString);
    }

    /** The test rules of this context, to switch {@link TestRules#HELD} on for a person and an action. */
    @Autowired
    protected TestRules testRules;
}

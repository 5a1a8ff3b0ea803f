package org.habeas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.habeas.access.AccessService;
import org.habeas.access.NewUser;
import org.habeas.access.Role;
import org.habeas.access.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one base for tests that need the running application: the real server on a random port over a real
 * embedded PostgreSQL, started once per test JVM in a fresh data directory. Tests build their own data through
 * the services and never wipe tables; {@link #jdbc} connects as the database superuser (for tamper tests).
 *
 * <p>This is the production application: its vetting rules are the modules' and no others. Tests that need the
 * test-only rules extend {@link org.habeas.vetting.RuleEngineTest}, the one other context of a test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    /** The first administrator's password for this test run; random, like a real first start without one. */
    protected static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();
    /** The scrape token Prometheus would use on /actuator/prometheus in this test run. */
    protected static final String METRICS_TOKEN = "scrape-" + UUID.randomUUID();
    /** The default context's data directory; the context of a subclass with a database of its own names another. */
    protected static final Path DATA_DIR = temporaryDataDirectory("habeas-it-");
    private static final Map<CallerKey, Caller> CALLERS = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void testDatabase(DynamicPropertyRegistry registry) {
        // Two embedded servers cannot share a data directory (the second would stop the first's as stale): a
        // context of its own (RuleEngineTest) names its own in habeas.test.data-dir, whatever order Spring
        // registers the two classes' properties in.
        registry.add("habeas.data-dir", () -> "${habeas.test.data-dir:" + DATA_DIR + "}");
        registry.add("habeas.admin-password", () -> ADMIN_PASSWORD);
        // Embedded unless a context of its own names an external database (ReplicaTest: a primary and its standby).
        registry.add("habeas.db.url", () -> "${habeas.test.db-url:}");
        registry.add("habeas.metrics.scrape-token", () -> METRICS_TOKEN);
        // A test database is thrown away: no need to wait for the disk on every commit.
        registry.add("habeas.db.durable", () -> "false");
        // Tests that need a reclassification call ComingOfAge themselves; the hourly run would race them.
        registry.add("habeas.custody.coming-of-age-cron", () -> "-");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected AccessService access;

    @Autowired
    protected JsonMapper json;

    private String baseUrl;

    @BeforeEach
    void server() {
        baseUrl = "http://localhost:" + port;
    }

    protected String baseUrl() {
        return baseUrl;
    }

    protected ApiClient anonymous() {
        return new ApiClient(baseUrl, null, json);
    }

    /**
     * A caller holding exactly these roles (one user per role set per running server, each context having its own
     * database), using a bearer token.
     */
    protected ApiClient as(Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles));
        Caller caller = CALLERS.computeIfAbsent(new CallerKey(port, set), key -> newCaller(key.roles()));
        return new ApiClient(baseUrl, "Bearer " + caller.token(), json);
    }

    /** A fresh user with these roles; its password is {@link #PASSWORD_OF_TEST_USERS}. */
    protected UserAccount newUser(Role... roles) {
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return access.createUser(new NewUser(username, "Test " + username, PASSWORD_OF_TEST_USERS,
                EnumSet.copyOf(Arrays.asList(roles)), Set.of()));
    }

    protected static final String PASSWORD_OF_TEST_USERS = "correct-horse-battery-staple";

    private Caller newCaller(Set<Role> roles) {
        UserAccount user = newUser(roles.toArray(Role[]::new));
        var actor = access.userForLogon(user.username()).orElseThrow();
        return new Caller(user, access.issueToken(actor, user.id(), "tests", java.time.Duration.ofDays(1)).secret());
    }

    private record CallerKey(int port, Set<Role> roles) {
    }

    private record Caller(UserAccount user, String token) {
    }

    protected static Path temporaryDataDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

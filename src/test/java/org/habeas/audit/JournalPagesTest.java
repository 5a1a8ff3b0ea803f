package org.habeas.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.habeas.web.BrowserTest;
import org.habeas.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inspector's journal page in real Chromium: filter, page, and run a verification. */
class JournalPagesTest extends BrowserTest {

    @Autowired
    Journal journal;

    @Test
    void anInspectorFindsAnEntryByItsSubject() {
        String subject = "page-" + UUID.randomUUID();
        journal.append(JournalEntry.of("TEST_ON_THE_PAGE", "test", subject).withReason("seen on the page"));
        browser.logOn(newUser(Role.INSPECTOR).username(), PASSWORD_OF_TEST_USERS).open("/journal?lang=en");
        assertThat(browser.text("main")).contains("Audit journal");

        browser.type("f-subject-id", subject).click("journal-filter-submit");
        assertThat(browser.text("journal-entries-heading")).isEqualTo("Entries found: 1");
        assertThat(browser.text("journal-table")).contains("TEST_ON_THE_PAGE").contains("seen on the page");
    }

    @Test
    void pagesThroughLongResults() {
        String subject = "page-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            journal.append(JournalEntry.of("TEST_PAGED", "test", subject));
        }
        browser.logOn(newUser(Role.INSPECTOR).username(), PASSWORD_OF_TEST_USERS)
                .open("/journal?lang=en&size=2&subjectId=" + subject);
        assertThat(browser.text("journal-page")).isEqualTo("Page 1 of 2");
        browser.click("journal-next");
        assertThat(browser.text("journal-page")).isEqualTo("Page 2 of 2");
        assertThat(browser.has("journal-previous")).isTrue();
    }

    @Test
    void aFilterThatDoesNotParseIsShownNotThrown() {
        browser.logOn(newUser(Role.ADMIN).username(), PASSWORD_OF_TEST_USERS).open("/journal?lang=en");
        browser.type("f-from", "yesterday").click("journal-filter-submit");
        assertThat(browser.text("journal-filter-invalid")).contains("not valid");
        assertThat(browser.has("journal-table")).isFalse();

        browser.open("/journal?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z");
        assertThat(browser.has("journal-filter-invalid")).isTrue();
    }

    @Test
    void verifyingFromThePageShowsTheResult() {
        browser.logOn(newUser(Role.INSPECTOR).username(), PASSWORD_OF_TEST_USERS).open("/journal?lang=es");
        assertThat(browser.text("main")).contains("Bitácora de auditoría");
        browser.click("journal-verify-submit");
        assertThat(browser.path()).isEqualTo("/journal");
        assertThat(browser.text("journal-verification")).contains("Íntegra");
        assertThat(browser.has("journal-status-OK")).isTrue();
    }

    @Test
    void otherRolesCannotOpenThePage() {
        browser.logOn(newUser(Role.HOUSING).username(), PASSWORD_OF_TEST_USERS).open("/journal");
        assertThat(browser.has("journal-table")).isFalse();
        assertThat(browser.has("journal-verify")).isFalse();
    }
}

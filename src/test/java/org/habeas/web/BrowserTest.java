package org.habeas.web;

import org.habeas.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The base of every browser test: a fresh Chromium per test against the running server, closed afterwards. */
public abstract class BrowserTest extends IntegrationTest {

    protected Browser browser;

    @BeforeEach
    void openBrowser() {
        Browser.assumeAvailable();
        browser = new Browser(baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}

package org.habeas.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, as an officer's browser would be; one per test class. */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final String baseUrl;

    /**
     * Browser tests need Debian's {@code chromium} and {@code chromium-driver}. Where they are missing the tests
     * are skipped with this message, so the README's test command works on a machine with only a JDK and Maven;
     * CI sets {@code HABEAS_BROWSER_REQUIRED=true}, so there a missing browser fails instead.
     */
    public static void assumeAvailable() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present && !"true".equals(System.getenv("HABEAS_BROWSER_REQUIRED"))) {
            Assumptions.abort("chromium and chromium-driver are not installed: apt-get install chromium chromium-driver");
        }
    }

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + freshProfile());
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser click(String id) {
        driver.findElement(By.id(id)).click();
        return this;
    }

    /** Clicks a button that submits a form and waits until the answer's page has replaced this one. */
    public Browser submit(String id) {
        WebElement button = driver.findElement(By.id(id));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(button));
        return this;
    }

    /** Logs on and waits for the answer (home page, or the log-on page again with its message). */
    public Browser logOn(String username, String password) {
        open("/login").type("username", username).type("password", password);
        String before = driver.getCurrentUrl();
        click("login-submit");
        // Without the wait, the next open() can overtake the log-on POST and land on the log-on page.
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !before.equals(d.getCurrentUrl()));
        return this;
    }

    public String text(String id) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String html() {
        return driver.getPageSource();
    }

    public String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String freshProfile() {
        try {
            return Files.createTempDirectory("habeas-chromium-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.smartconnect.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium, driven by Playwright, for the portal's journeys against a running server: a fresh context
 * (no cookies, nothing cached) for each journey, the axe-core check of a page, and its screenshots at phone and desktop
 * width under {@code docs/screenshots/}. Where no Chromium is installed the tests that use it are skipped, saying so.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getProperty("smartconnect.test.chromium", "/usr/bin/chromium"));
    static final int PHONE_WIDTH = 390;
    static final int DESKTOP_WIDTH = 1280;
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;
    /** How many pages each axe check passed, for the report of the run. */
    final AtomicInteger pagesChecked = new AtomicInteger();

    private PortalBrowser(Playwright playwright, Browser browser, Path screenshots) {
        this.playwright = playwright;
        this.browser = browser;
        this.screenshots = screenshots;
    }

    static final String NO_CHROMIUM = "browser tests skipped: no Chromium (install Debian's chromium at "
            + "/usr/bin/chromium, or set -Dsmartconnect.test.chromium=/path/to/chromium)";
    static final String SKIPPED = NO_CHROMIUM + ": nothing executable at " + CHROMIUM;

    /**
     * Whether there is a Chromium to drive; says the one line of {@link #SKIPPED} in the log when not. For
     * {@code @EnabledIf}, so that the tests count as skipped.
     */
    static boolean chromiumInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM);
        if (!installed) {
            System.getLogger(PortalBrowser.class.getName()).log(System.Logger.Level.WARNING, SKIPPED);
        }
        return installed;
    }

    /** Skips the calling test (JUnit assumption) when there is no Chromium to drive. */
    static PortalBrowser launch() {
        return launch(List.of());
    }

    /** With further Chromium switches, such as a fake camera that plays a file. */
    static PortalBrowser launch(List<String> extraArguments) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), SKIPPED);
        // The driver comes in the driver-bundle jar; a browser must never be downloaded.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(Stream.concat(Stream.of("--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic", "--no-first-run"), extraArguments.stream()).toList()));
        return new PortalBrowser(playwright, browser, screenshotFolder());
    }

    /** A fresh browser: no cookies, no storage, a phone-sized window until a screenshot asks for another. */
    BrowserContext freshContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 844).setLocale("en-GB"));
    }

    /** A context of other options (such as trusting a test's self-signed certificate). */
    BrowserContext browserContext(Browser.NewContextOptions options) {
        return browser.newContext(options.setLocale("en-GB"));
    }

    /** Asserts that axe-core finds no serious or critical violation on the page as it is now. */
    void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<String> blocking = new ArrayList<>();
        results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
                .forEach(rule -> blocking.add(rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList()));
        assertThat(blocking).as("axe-core on %s", page.url()).isEmpty();
        pagesChecked.incrementAndGet();
    }

    /** The page's accessibility checked, and its screenshots at phone and desktop width as {@code <name>-phone.png}, {@code <name>-desktop.png}. */
    void checkAndShoot(Page page, String name) {
        assertAccessible(page);
        page.setViewportSize(PHONE_WIDTH, 844);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshots.resolve(name + "-phone.png")));
        page.setViewportSize(DESKTOP_WIDTH, 800);
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshots.resolve(name + "-desktop.png")));
        page.setViewportSize(PHONE_WIDTH, 844);
    }

    /** {@code docs/screenshots} of the repository, whether the tests run from its root or from {@code bootstrap}. */
    private static Path screenshotFolder() {
        Path here = Paths.get("").toAbsolutePath();
        Path root = Files.isDirectory(here.resolve("docs")) ? here : here.getParent();
        return root.resolve("docs").resolve("screenshots");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** What a post of {@link #postFromPage} got back. */
    record Answer(int status, String body) {
    }

    /**
     * Posts {@code form} (URL-encoded) to {@code path} from the page itself, as a hand-made form of that page would:
     * with its cookies and origin, which a request from outside the browser would not have.
     */
    static Answer postFromPage(com.microsoft.playwright.Page page, String path, String form) {
        @SuppressWarnings("unchecked")
        java.util.List<Object> answer = (java.util.List<Object>) page.evaluate("""
                async ([path, form]) => {
                  const response = await fetch(path, {method: 'POST', body: form,
                      headers: {'Content-Type': 'application/x-www-form-urlencoded'}});
                  return [response.status, await response.text()];
                }""", java.util.List.of(path, form));
        return new Answer(((Number) answer.get(0)).intValue(), (String) answer.get(1));
    }

    /** Logs in on the login form the page shows, with {@link PortalServer#PASSWORD}. */
    static void logIn(Page page, String email) {
        logIn(page, email, PortalServer.PASSWORD);
    }

    /** Fills the login form the page shows and clicks Log In. */
    static void logIn(Page page, String email, String password) {
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log In")).click();
    }
}

package io.civicdesk.testing;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Clock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every browser test shares: Debian's Chromium driven by Playwright, phone-sized pages, and axe-core's
 * WCAG 2.2 AA rules. One per test class; close it after the class.
 */
public final class Browser implements AutoCloseable {
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        // A ceiling, as for actions: on a loaded 2-core machine a page's search or save can take more than 5 s.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        // Debian's chromium, not a downloaded build: these machines reach no browser download site.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-gpu"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /**
     * A fresh phone (its own cookies and storage): a small screen, touch, Australian English, Perth's time zone,
     * and its clock set to the stack's, ticking on from there, so the pages' "today" is the product's. What the
     * portal's Content-Security-Policy blocks on it is kept for {@link #takePolicyViolations}.
     */
    public BrowserContext phone() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(360, 740).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2)
                .setLocale("en-AU").setTimezoneId("Australia/Perth"));
        context.clock().install(new Clock.InstallOptions().setTime(TestStack.clock().millis()));
        context.setDefaultTimeout(15_000);
        // Chromium reports in the console each thing the policy blocks, e.g. "Applying inline style violates the
        // following Content Security Policy directive 'style-src 'self''".
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.location() + ": " + message.text());
            }
        });
        return context;
    }

    /** What the Content-Security-Policy blocked on any phone since the last call. */
    public List<String> takePolicyViolations() {
        List<String> taken = List.copyOf(policyViolations);
        policyViolations.clear();
        return taken;
    }

    /** Fails with every axe-core WCAG 2.2 AA violation on the page as it is now. */
    public static void assertAccessible(Page page, String where) {
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG_AA).analyze().getViolations();
        assertTrue(violations.isEmpty(), () -> "axe-core finds WCAG 2.2 AA violations on " + where + ":\n"
                + violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + "\n    " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n")));
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            playwright.close();
        }
    }
}

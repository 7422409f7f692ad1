package io.civicdesk.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.local.LocalStack;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident on a phone books the Banksia Community Hall for a Saturday afternoon, then cancels it through the
 * private link; every page passes axe-core's WCAG 2.2 AA rules.
 */
class BookingJourneyBrowserTest {
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final String SITE = "City of Melaleuca";

    private static LocalStack stack;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startBrowser() {
        stack = TestStack.get();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-background-networking", "--disable-gpu")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPhone() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(360, 740).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2)
                .setLocale("en-AU").setTimezoneId("Australia/Perth"));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePhone() {
        context.close();
    }

    /** A Saturday five weeks or more away, clear of the hall's Christmas break. */
    private static LocalDate saturday() {
        LocalDate date = LocalDate.now(ZoneId.of("Australia/Perth")).plusWeeks(5).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        while (date.getMonthValue() == 12 && date.getDayOfMonth() >= 20 || date.getMonthValue() == 1 && date.getDayOfMonth() <= 3) {
            date = date.plusWeeks(2);
        }
        return date;
    }

    @Test
    void aResidentBooksAHallForASaturdayAfternoonThenCancelsItThroughThePrivateLink() {
        String email = "hall+" + UUID.randomUUID() + "@example.com";
        LocalDate saturday = saturday();

        page.navigate(stack.baseUrl() + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book a facility").setExact(true)).first().click();
        assertThat(page).hasTitle("Book a facility – " + SITE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Banksia Community Hall")).click();
        assertThat(page).hasTitle("Book Banksia Community Hall – " + SITE);
        assertThat(page.locator("#availability")).containsText("Free");
        assertAccessible("the facility page");

        page.getByLabel("Show the week from").fill(saturday.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show availability")).click();
        assertThat(page.locator("#availability")).containsText("Saturday");

        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(saturday.toString());
        page.getByLabel("Start time").fill("13:00");
        page.getByLabel("End time").fill("17:00");
        page.getByLabel("What is the booking for?").fill("A 40th birthday party");
        page.getByLabel("How many people do you expect?").fill("60");
        page.getByLabel("Full name").fill("Alex Citizen");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("I accept the conditions of hire").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        assertThat(page).hasTitle("Check your booking – Banksia Community Hall – " + SITE);
        assertThat(page.locator("#answers")).containsText("13:00 to 17:00");
        assertAccessible("the check your booking step");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm booking")).click();

        assertThat(page).hasTitle("Booking confirmed – Banksia Community Hall – " + SITE);
        String reference = page.locator("#reference").textContent().trim();
        assertTrue(reference.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertThat(page.locator("main")).containsText("1pm to 5pm");
        assertAccessible("the confirmation");
        String privateLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View, change or cancel your booking"))
                .getAttribute("href");
        assertTrue(privateLink.contains("/booking.html?ref=") && privateLink.contains("#key="), privateLink);

        page.navigate(privateLink);
        assertThat(page.locator("#heading")).hasText("Booking " + reference);
        assertThat(page.locator("#result")).containsText("Confirmed");
        assertThat(page.locator("#result")).containsText("Alex Citizen");
        assertAccessible("the private booking page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel booking")).click();
        assertAccessible("the cancel confirmation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel booking")).click();
        assertThat(page.locator("#heading")).hasText("Booking cancelled");
        assertThat(page.locator("#result")).containsText("Cancelled");
        assertAccessible("the cancelled booking");

        // The time is free again.
        page.navigate(stack.baseUrl() + "/facility.html?id=banksia-hall&from=" + saturday);
        assertThat(page.locator("#availability")).containsText("Free: 08:00 to 23:00");
    }

    private void assertAccessible(String where) {
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG_AA).analyze().getViolations();
        assertTrue(violations.isEmpty(), () -> "axe-core finds WCAG 2.2 AA violations on " + where + ":\n"
                + violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + "\n    " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n")));
    }
}

package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.agencyreports.AgencyReportFixtures;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.reports.ReportFixtures;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The client agencies page on a phone, as the demo account manager: her agencies listed, one opened with its
 * targets and the reports it was sent (one sent again), and her agencies side by side for a quarter of 2017 as a
 * chart whose figures are also text and a table. Each state passes axe-core's WCAG 2.2 AA rules.
 */
class AgenciesBrowserTest extends PhoneBrowserTest {
    private static final String ID = "browse-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NAME = "Browsing Agency " + ID.substring(7);
    /** Long past, before every other test's agreements, so this agency is the only one reported for it. */
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2017, 8, 1));

    @BeforeAll
    static void anAgencyOfMorgansWithAQuarterOfRequestsAndItsReport() {
        AgencyStore agencies = new AgencyStore(TestStack.get().dynamoDb(), "CatalogTable");
        agencies.save(new Agency(ID, NAME, "demo-account-manager", List.of(new Agency.Contact(Agency.Role.FUNCTION_MANAGER,
                "Robin Contact", "robin@" + ID + ".example", "token-" + ID, false)), 1));
        agencies.add(new Agreement(ID, 1, LocalDate.of(2017, 1, 1), Agreement.Frequency.QUARTERLY, null,
                LocalDate.of(2018, 1, 1), List.of(new Agreement.Target("graffiti", null, null, null))));
        // Monthly after the quarter, so other tests' quarterly runs of later quarters leave this agency out.
        agencies.add(new Agreement(ID, 2, QUARTER.last().plusDays(1), Agreement.Frequency.MONTHLY, null,
                LocalDate.of(2019, 1, 1), List.of(new Agreement.Target("graffiti", null, null, null))));
        FiguresStore figures = ReportFixtures.figures();
        LocalDate day = QUARTER.first().plusDays(10);
        for (int i = 0; i < 4; i++) {
            figures.apply(figures.agencyUpdate(ID, "graffiti", day, List.of(new FiguresStore.Received("phone"),
                    new FiguresStore.Responded(60, true), new FiguresStore.Resolved(600, i < 3, false))));
        }
        AgencyReportFixtures.reports(Clock.fixed(Instant.parse("2017-09-30T23:30:00Z"), ZoneOffset.UTC)).run(ReportPeriod.Kind.QUARTERLY);
    }

    @Test
    void anAccountManagerListsOpensResendsAndComparesHerAgencies() {
        signInAs("Morgan Taylor");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Client agencies")).click();
        assertThat(page).hasTitle("Client agencies – Staff – " + SITE);
        assertThat(page.locator("#agencies")).containsText("Melaleuca Libraries");
        assertThat(page.locator("#agencies")).containsText(NAME);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Benchmarking"))).isVisible();
        assertAccessible("the agencies list, with the last quarter compared");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open " + NAME)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(NAME))).isFocused();
        Locator sent = page.locator("#agency-reports tr", new Page.LocatorOptions().setHasText("2017"));
        assertThat(sent).containsText("75%");
        sent.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#announcer")).containsText(Pattern.compile("Sent " + NAME + ".* again: 2 mails"));
        assertAccessible("an agency opened, its report sent again");

        page.getByLabel("Period", new Page.GetByLabelOptions().setExact(true)).selectOption("quarterly");
        page.getByLabel("A day in the period (optional)").fill(QUARTER.first().plusDays(5).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("2017, all services")))).isFocused();
        Locator chart = page.locator("figure", new Page.LocatorOptions().setHasText("Share resolved within target, by agency"));
        assertThat(chart.locator("[data-name='" + NAME + "']")).hasAttribute("data-value", "75%");
        assertThat(chart.locator("svg")).hasAttribute("aria-label", Pattern.compile(NAME + " 75%"));
        Locator row = page.locator("#bench-results tr[data-id='" + ID + "']");
        assertThat(row).containsText("4");
        assertThat(row).containsText("75%");
        page.getByLabel("The chart shows").selectOption("received");
        assertThat(page.locator("figure", new Page.LocatorOptions().setHasText("Requests received, by agency"))
                .locator("[data-name='" + NAME + "']")).hasAttribute("data-value", "4");
        assertAccessible("her agencies side by side for a quarter of 2017");

        page.getByLabel("A day in the period (optional)").fill("2999-01-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
        assertThat(page.locator("#error-summary")).containsText("That period has not begun");
        assertAccessible("benchmarking, with a mistake");
    }
}

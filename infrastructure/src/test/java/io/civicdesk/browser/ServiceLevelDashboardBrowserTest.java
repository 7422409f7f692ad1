package io.civicdesk.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.reports.ReportFixtures;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.testing.PhoneBrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service levels dashboard and who gets which report, on a phone: two quarters of 2018 stored by the real
 * roll-up are charted with the stored figures (and the same figures in each chart's table); an administrator
 * sets up an account manager's reports and runs a report now. Both pages pass axe-core's WCAG 2.2 AA rules.
 */
class ServiceLevelDashboardBrowserTest extends PhoneBrowserTest {
    private static final String Q1 = "QUARTERLY-2018-01-01";

    @BeforeAll
    static void twoQuartersOf2018() {
        FiguresStore figures = ReportFixtures.figures();
        LocalDate january = LocalDate.of(2018, 1, 16);
        for (int i = 0; i < 4; i++) {
            figures.record("waste", "damaged-bin", january, new FiguresStore.Received("online"));
            figures.record("waste", "damaged-bin", january, new FiguresStore.Responded(60, i < 3));
            figures.record("waste", "damaged-bin", january.plusDays(2), new FiguresStore.Resolved(900, i < 1, false));
        }
        for (int i = 0; i < 3; i++) {
            figures.record("waste", "damaged-bin", january.plusDays(2), new FiguresStore.ResolutionBreached());
        }
        figures.record("roads", "pothole", january, new FiguresStore.Received("phone"));
        figures.record("roads", "pothole", january, new FiguresStore.ResponseBreached());
        figures.record("roads", "pothole", LocalDate.of(2018, 4, 10), new FiguresStore.Received("phone"));
        ReportFixtures.rollUp(ReportPeriod.Kind.QUARTERLY, january);
        ReportFixtures.rollUp(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2018, 4, 10));
    }

    @Test
    void aSupervisorSeesTheStoredFiguresChartedAndCanDownloadAReportsCsv() {
        signInAs("Jordan Lee");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Service levels dashboard")).click();
        assertThat(page).hasTitle("Service levels dashboard – Staff – " + SITE);
        // The page has drawn the weekly reports (and set its choices) before another kind is chosen.
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Stored reports"))).isVisible();
        // The units and services to choose from are those of the kind of report shown.
        page.getByLabel("Reports", new Page.GetByLabelOptions().setExact(true)).selectOption("quarterly");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Quarter from")))).isVisible();
        page.getByLabel("Unit or service").selectOption("Waste Services");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Within target: Waste Services"))).isVisible();

        Locator compliance = page.locator("figure", new Page.LocatorOptions().setHasText("Share within target, Waste Services"));
        assertThat(compliance.locator("[data-series='First response'] [data-value='75%']")).hasCount(1);
        assertThat(compliance.locator("[data-series='Resolution'] [data-value='25%']")).hasCount(1);
        assertThat(compliance.locator("table")).containsText("1 Jan 2018");
        assertThat(compliance.locator("tr", new Locator.LocatorOptions().setHasText("1 Jan 2018"))).containsText("75%");
        assertAccessible("the dashboard");

        // The first quarter's report, from the history: breaches by unit and by service.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quarter from 1 Jan 2018")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quarter from 1 Jan 2018"))).isVisible();
        Locator byService = page.locator("figure", new Page.LocatorOptions().setHasText("Breaches by service"));
        assertThat(byService.locator("[data-name='Damaged or stolen bin']")).hasAttribute("data-value", "3");
        assertThat(byService.locator("table")).containsText("Damaged or stolen bin");
        Locator byUnit = page.locator("figure", new Page.LocatorOptions().setHasText("Breaches by unit"));
        assertThat(byUnit.locator("[data-name='Waste Services']")).hasAttribute("data-value", "3");
        page.getByText("Breaches by unit: the figures as a table").click();
        assertThat(byUnit.locator("tr", new Locator.LocatorOptions().setHasText("Waste Services"))).containsText("3");
        assertAccessible("the dashboard with a report chosen and a table open");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download Quarter from 1 Jan 2018 as CSV")).click());
        assertTrue(download.suggestedFilename().equals("service-levels-quarterly-2018-01-01.csv"), download.suggestedFilename());
        try {
            String csv = Files.readString(download.path());
            assertTrue(csv.contains(",Waste Services,Damaged or stolen bin,4,"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAdministratorSetsUpWhoGetsWhichReportAndRunsOneNow() {
        StaffMember manager = ReportFixtures.accountManager();
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who gets which report")).click();
        assertThat(page).hasTitle("Who gets which report – Staff – " + SITE);
        assertThat(page.locator("#accounts")).containsText("Morgan Taylor");
        assertAccessible("who gets which report");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#error-summary")).containsText("Choose an account manager");
        page.getByLabel("Account manager", new Page.GetByLabelOptions().setExact(true)).selectOption(manager.name());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#error-summary")).containsText("Choose at least one unit");
        assertAccessible("who gets which report, with errors");

        page.getByLabel("Roads and Drainage").check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Monthly")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        Locator row = page.locator("#accounts tr", new Page.LocatorOptions().setHasText(manager.name()));
        assertThat(row).containsText("Roads and Drainage");
        assertThat(row).containsText("Monthly");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change " + manager.name() + "'s reports")).click();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Quarterly")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(row).containsText("Monthly, Quarterly");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop " + manager.name() + "'s reports")).click();
        assertThat(row).hasCount(0);

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Quarterly")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run now")).click();
        assertThat(page.locator("#run-outcome")).containsText(Pattern.compile("(Stored|Already stored:) the report for"));
        assertAccessible("who gets which report, after a run");
    }
}

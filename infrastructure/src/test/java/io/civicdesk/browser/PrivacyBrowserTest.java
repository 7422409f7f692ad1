package io.civicdesk.browser;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy page, on a phone: an administrator sets a retention period (a period too short is refused beside its
 * field), finds a resident's records and downloads them, and sees the download in the audit. The page passes
 * axe-core's WCAG 2.2 AA rules, with and without errors.
 */
class PrivacyBrowserTest extends PhoneBrowserTest {

    @Test
    void anAdministratorSetsAPeriodExportsAResidentsRecordsAndSeesItInTheAudit() throws IOException {
        String email = "privacy.page+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertTrue(TestStack.api().post("/requests", Json.write(Reports.missedBin(email)), Map.of()).status() == 201);
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Privacy")).click();
        assertThat(page).hasTitle("Privacy – Staff – " + SITE);
        assertAccessible("privacy");

        page.getByLabel("Mails sent to residents and staff, in days").fill("5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the schedule")).click();
        assertThat(page.locator("#error-summary")).containsText("from 7 to 36525");
        assertAccessible("privacy, with errors");
        page.getByLabel("Mails sent to residents and staff, in days").fill("120");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the schedule")).click();
        assertThat(page.locator("#schedule-version")).containsText("by demo-admin");
        assertThat(page.locator("#error-summary")).isHidden();

        page.getByLabel("Their email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find their records")).click();
        assertThat(page.locator("#found")).containsText("Service requests");
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Download their records (JSON)")).click());
        String exported = Files.readString(download.path());
        assertTrue(exported.contains(email) && exported.contains("\"requests\""), exported);

        page.getByLabel("Member of staff (their id)").fill("demo-admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator("#audit")).containsText("export of a resident's records");
        assertThat(page.locator("#audit")).not().containsText(email);
        assertAccessible("privacy, with the audit");
    }
}

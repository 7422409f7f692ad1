package io.civicdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff side of the portal in real Chromium on a phone-sized screen, against the whole local stack: staff sign
 * in through the local stand-in for Cognito's hosted UI, then work requests residents sent. Every staff page
 * visited, the sign-in page included, must pass axe-core's WCAG 2.2 AA rules. People and units are the demo
 * council's (DemoData.staff()).
 */
class StaffWorkspaceBrowserTest extends PhoneBrowserTest {
    private static final String UPDATE = "A truck is coming back for your bin this afternoon.";

    @Test
    void anOfficerAcknowledgesARequestAResidentJustSentAndPostsAnUpdateTheResidentSeesAndIsMailed() {
        String email = "resident+" + UUID.randomUUID() + "@example.com";
        String reference = residentSends(email);

        signInAs("Sam Nguyen");
        assertThat(page).hasTitle("Work queue – Staff – " + SITE);
        assertThat(page.locator("#staff-bar")).containsText("Officer, Waste Services");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Open requests"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Unassigned \\d+ requests$")))).isVisible();
        assertAccessible("the work queue");

        page.getByLabel("Find a request").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        Locator found = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference + " Missed bin collection"));
        assertThat(found).isVisible();
        assertAccessible("the search results");
        found.click();

        assertThat(page).hasTitle("Request " + reference + " – Staff – " + SITE);
        Locator main = page.locator("main");
        for (String detail : new String[] {"Alex Citizen", email, "14 Banksia Street", "Recycling (yellow lid)", "Received"}) {
            assertThat(main).containsText(detail);
        }
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View on OpenStreetMap (opens in a new tab)")))
                .hasAttribute("href", Pattern.compile("^https://www\\.openstreetmap\\.org/.*-31\\.9505"));
        assertAccessible("the request page");

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Acknowledge\\b"))).check();
        save();
        assertThat(page.locator("#banner")).containsText("Request acknowledged");
        assertThat(summaryValue("Status")).hasText("Acknowledged");
        assertAccessible("the request page, acknowledged");

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Send a public update")).check();
        page.getByLabel("Public update", new Page.GetByLabelOptions().setExact(true)).fill(UPDATE);
        save();
        assertThat(page.locator("#banner")).containsText("Public update sent");
        assertThat(page.locator(".history")).containsText(UPDATE);
        assertAccessible("the request page, updated");

        // The workflow's next statuses are offered by name, and choosing one moves the request on.
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Change the status")).check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^In progress\\b"))).check();
        save();
        assertThat(page.locator("#banner")).containsText("Status changed");
        assertThat(summaryValue("Status")).hasText("In progress");

        // The resident's view: by reference alone, the public update and nothing of the staff's.
        page.navigate(stack.baseUrl() + "/track.html?ref=" + reference);
        assertThat(page.locator("#result")).containsText(UPDATE);
        assertThat(page.locator("#result")).containsText("In progress");

        Message mail = Mailbox.awaitMailTo(email, message -> String.valueOf(message.text()).contains(UPDATE)
                || String.valueOf(message.html()).contains(UPDATE));
        assertTrue(mail.subject().contains(reference) || mail.text().contains(reference),
                "the update's mail names the reference " + reference + ": " + mail.subject());
    }

    @Test
    void whenTwoOfficersSaveAtOnceTheSecondIsToldWhatChangedAndKeepsWhatTheyTyped() {
        String reference = residentSends("resident+" + UUID.randomUUID() + "@example.com");
        signInAs("Sam Nguyen");
        openRequest(reference);

        // Meanwhile, on another phone, Ella raises its priority.
        try (BrowserContext other = anotherPhone()) {
            Page ella = other.newPage();
            ella.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
            ella.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Ella Brown\\b"))).click();
            ella.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Change the priority")).check();
            ella.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Urgent")).check();
            ella.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(ella.locator("#banner")).containsText("Priority changed");
        }

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Send a public update")).check();
        Locator update = page.getByLabel("Public update", new Page.GetByLabelOptions().setExact(true));
        update.fill(UPDATE);
        save();
        assertThat(page.locator("#banner")).containsText("Someone else changed this request");
        assertThat(page.locator("#banner")).containsText("Priority: Normal → Urgent");
        assertThat(page.locator("#banner .notification")).isFocused();
        assertThat(summaryValue("Priority")).hasText("Urgent");
        assertThat(update).hasValue(UPDATE);
        assertAccessible("the request page after someone else saved first");

        save();
        assertThat(page.locator("#banner")).containsText("Public update sent");
        assertThat(page.locator(".history")).containsText(UPDATE);
    }

    @Test
    void whenTheSignInHasRunOutSavingSignsInAgainAndComesBackWithWhatWasTyped() {
        String reference = residentSends("resident+" + UUID.randomUUID() + "@example.com");
        signInAs("Sam Nguyen");
        openRequest(reference);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Add an internal note"))).check();
        Locator note = page.getByLabel("Internal note", new Page.GetByLabelOptions().setExact(true));
        note.fill("Checked the truck's camera: the bin was out.");
        // A token the API no longer accepts (as when it has expired), issued long enough ago not to look like a loop.
        page.evaluate("() => sessionStorage.setItem('civicdesk.staff.token', JSON.stringify({ idToken: 'expired', issuedAt: 0, expiresAt: Date.now() + 3600000 }))");
        save();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Sam Nguyen\\b"))).click();
        assertThat(page).hasTitle("Request " + reference + " – Staff – " + SITE);
        assertThat(note).hasValue("Checked the truck's camera: the bin was out.");
        save();
        assertThat(page.locator("#banner")).containsText("Internal note added");
    }

    @Test
    void anOfficerLogsACallResolvedAtFirstContact() {
        signInAs("Sam Nguyen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a request")).click();
        assertThat(page).hasTitle("Log a request – Staff – " + SITE);
        group("How did they contact us?").getByLabel("Phone").check();
        page.getByLabel("What is it about?").selectOption("missed-bin");
        page.getByLabel("General waste (red lid)").check();
        page.getByLabel("Which day should it have been emptied?").fill(TestStack.today().toString());
        group("Was the bin on the verge by 6am?").getByLabel("Yes").check();
        page.getByLabel("Address or place").fill("7 Jarrah Road, Melaleuca WA 6999");
        page.getByLabel("Full name (optional)").fill("Pat Caller");
        group("How would they like to hear from us?").getByLabel("Phone call").check();
        page.getByLabel("Phone number", new Page.GetByLabelOptions().setExact(true)).fill("08 9123 4567");
        page.getByLabel("Resolved at first contact").check();
        page.getByLabel("What did you do or tell them?").fill("The truck comes back on Thursdays; they are happy to wait.");
        assertAccessible("the log a request page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log request")).click();

        assertThat(page).hasTitle("Request logged as resolved – Staff – " + SITE);
        String reference = page.locator("#reference").textContent().trim();
        assertAccessible("the request logged page");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open request " + reference)).click();
        assertThat(summaryValue("Status")).hasText("Resolved");
        assertThat(summaryValue("First contact")).hasText("Resolved at first contact");
        assertThat(page.locator("main")).containsText("by phone, logged by Sam Nguyen");
    }

    @Test
    void anAdministratorSeesAServicesWorkflow() {
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Workflows")).click();
        assertAccessible("the list of workflows");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Missed bin collection")).click();
        assertThat(page).hasTitle("Missed bin collection workflow – Workflows – Staff – " + SITE);
        Locator received = group("Received");
        assertThat(received.getByLabel("Acknowledged")).isChecked();
        assertThat(group("Waiting for your reply").getByLabel(Pattern.compile("^Pauses"))).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a status")).click();
        Locator added = group("New status");
        assertThat(added.getByLabel("Label", new Locator.GetByLabelOptions().setExact(true))).isFocused();
        assertThat(added.getByLabel("Id", new Locator.GetByLabelOptions().setExact(true))).isVisible();
        assertAccessible("a workflow, with a status being added");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    }

    @Test
    void anAdministratorAddsAHolidayToACalendarAndOpensAPolicy() {
        // A calendar and a policy of this test's own: the policy names no real service, so no request falls under it.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        CatalogStore catalog = new CatalogStore(stack.dynamoDb(), "CatalogTable");
        catalog.putCalendar(new BusinessCalendar("browser-" + suffix, ZoneId.of("Australia/Sydney"),
                BusinessCalendar.MONDAY_TO_FRIDAY, Map.of()));
        assertTrue(catalog.savePolicy(new ServiceLevelPolicy("browser-" + suffix, 950_000 + new SecureRandom().nextInt(40_000),
                "no-service-" + suffix, null, Duration.ofHours(2), Duration.ofHours(8), null, List.of(75), "browser-" + suffix), null), "its place in the order is its own");
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Service levels").setExact(true)).click();
        assertThat(page).hasTitle("Service levels – Staff – " + SITE);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Policies, in order"))).isVisible();
        assertAccessible("the service levels");

        Locator calendar = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Calendar browser-" + suffix).setExact(true));
        assertThat(calendar).containsText("Australia/Sydney");
        calendar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add holiday")).click();
        assertThat(page.locator("#error-summary")).containsText("Enter the date of the holiday");
        assertAccessible("a holiday sent without its date");
        calendar.getByLabel("Date").fill("2030-12-24");
        calendar.getByLabel("Name").fill("Christmas Eve closure");
        calendar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add holiday")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Christmas Eve closure is now a holiday");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Calendar browser-" + suffix).setExact(true)))
                .containsText("Christmas Eve closure");

        Locator policy = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("\\. browser-" + suffix + "$")));
        assertThat(policy).containsText("2 hours of business time");
        policy.getByText("Change").click();
        assertThat(policy.getByLabel("Resolution target")).hasValue("8");
        assertAccessible("a policy open to change");
    }

    @Test
    void aSupervisorSeesAFacilitysWeekAndTheBookingsWaitingForApproval() {
        signInAs("Jordan Lee");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Facility bookings")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Facility bookings"))).isVisible();
        assertThat(page.locator("#staff-bar")).containsText("Jordan Lee");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show calendar")).click();
        assertThat(page.locator("#calendar h2")).containsText("week from");
        assertAccessible("a facility's calendar");

        // A caller on the phone: booked for them, under the facility's rules, with their confirmation mailed.
        page.getByLabel("Facility").selectOption("karri-meeting-room");
        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true))
                .fill(BookingFixtures.weekday("karri-meeting-room", java.time.DayOfWeek.TUESDAY, 5).toString());
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("10:00");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("11:00");
        page.getByLabel("What it is for").fill("Residents' association meeting");
        page.getByLabel("How many people").fill("8");
        page.getByLabel("Caller's name").fill("Pat Caller");
        String callerEmail = "caller+" + UUID.randomUUID() + "@example.com";
        page.getByLabel("Caller's email address").fill(callerEmail);
        page.getByLabel(Pattern.compile("^I have read the terms")).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(page.locator("#behalf-result")).containsText("Booked:");
        Mailbox.awaitMailTo(callerEmail);
        assertAccessible("a booking made for a caller");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Requests waiting for approval")).click();
        assertThat(page.locator("#holds")).isVisible();
        assertAccessible("the bookings waiting for approval");
    }

    @Test
    void aSupervisorSeesTheComplaintsReviewPanelByUnitAndTheme() {
        Api.Reply complaint = TestStack.api().post("/feedback", Json.write(Map.of("kind", "complaint",
                        "about", Map.of("unitId", "waste"), "message", "My bin was missed again.",
                        "contact", Map.of("name", "Robin Resident", "email", "resident+" + UUID.randomUUID() + "@example.com"))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, complaint.status(), complaint.body());
        YearMonth received = YearMonth.from(TestStack.today());
        signInAs("Jordan Lee");
        page.navigate(stack.baseUrl() + "/staff/complaints.html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Complaints review panel"))).isVisible();
        assertThat(page.locator("#staff-bar")).containsText("Jordan Lee");
        // From the month it arrived: on the last evening of a month, this month may have begun since.
        page.getByLabel("First month").fill(received.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show panel")).click();
        Locator byUnit = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("By unit"));
        assertThat(byUnit).containsText("Waste Services");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("By theme"))).isVisible();
        assertThat(byUnit.locator("tfoot")).containsText("All units");
        assertAccessible("the complaints review panel");
        Download csv = page.waitForDownload(() ->
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download as CSV")).click());
        try {
            assertTrue(Files.readString(csv.path()).contains("Waste Services"), "the CSV has the unit's row");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        page.getByLabel("1 Very dissatisfied").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show panel")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Survey comments"))).isVisible();
        assertAccessible("the complaints review panel, comments scored 1");
    }

    /** A missed-bin report sent through the API, as the resident's phone sends it; its display reference. */
    private static String residentSends(String email) {
        Api.Reply sent = TestStack.api().post("/requests", Json.write(Reports.missedBin(email)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        return sent.json().path("displayReference").asText();
    }

    private void openRequest(String reference) {
        page.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
        assertThat(page).hasTitle("Request " + reference + " – Staff – " + SITE);
    }

    private Locator group(String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }

    /** Through the local sign-in page to the work queue, signed in as {@code name}. */
    private void save() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    }

    private Locator summaryValue(String key) {
        return page.locator(".summary-list__row").filter(new Locator.FilterOptions().setHas(page.getByText(key, new Page.GetByTextOptions().setExact(true))))
                .first().locator(".summary-list__value");
    }

}

package io.civicdesk.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An officer in the field on "My day" (docs/field.md): the test cuts the phone's network, the officer resolves two
 * requests without signal, the page is reloaded with no signal and still holds both changes, a colleague changes
 * one of them meanwhile through the API, and when the signal is back one lands and the other is shown with both
 * versions until the officer chooses to apply it on the new one.
 */
class FieldOfflineBrowserTest extends PhoneBrowserTest {
    private static final String SAM = "demo-officer-waste";
    private static final String ELLA = "demo-officer-waste-2";

    /** A resident's missed-bin report, assigned to Sam through the API; its reference. */
    private static String assignedToSam() {
        Api.Reply sent = TestStack.api().post("/requests", Json.write(Reports.missedBin("field+" + UUID.randomUUID() + "@example.com")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        String reference = sent.json().path("reference").asText();
        act(SAM, reference, Map.of("action", "assign", "officerId", SAM));
        return reference;
    }

    private static JsonNode request(String reference) {
        Api.Reply read = TestStack.api().get("/staff/requests/" + reference, Api.signedInAs(SAM));
        assertEquals(200, read.status(), read.body());
        return read.json();
    }

    private static void act(String staffId, String reference, Map<String, Object> action) {
        Map<String, Object> body = new java.util.HashMap<>(action);
        body.put("expectedVersion", request(reference).path("version").asLong());
        Api.Reply done = TestStack.api().post("/staff/requests/" + reference + "/actions", Json.write(body), Api.signedInAs(staffId));
        assertEquals(200, done.status(), done.body());
    }

    private Locator visit(String reference) {
        return page.locator("li.field-visit[data-reference='" + reference + "']");
    }

    private void resolveOffline(String reference, String resolution) {
        Locator visit = visit(reference);
        if (visit.locator("details[open]").count() == 0) {
            visit.locator("summary").click();
        }
        visit.getByLabel("Resolution (the resident sees this)").fill(resolution);
        visit.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve")).click();
        assertThat(page.locator("#change-list li[data-key]").filter(new Locator.FilterOptions().setHasText(resolution)))
                .containsText("Waiting to be sent.");
    }

    @Test
    void twoRequestsResolvedWithoutSignalLandWhenItIsBackAndTheOneChangedMeanwhileWaitsForTheOfficersChoice() {
        String first = assignedToSam();
        String second = assignedToSam();
        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/my-day.html");
        // The first visit reads every request of Sam's from the API (cold functions here): more time than a click's.
        assertThat(visit(first)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(visit(second)).isVisible();
        visit(first).locator("summary").click();
        assertThat(visit(first).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("OpenStreetMap"))))
                .hasAttribute("href", Pattern.compile("^https://www\\.openstreetmap\\.org/"));
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        assertAccessible("My day, online");

        context.setOffline(true);
        assertThat(page.locator("#connection")).containsText("No signal");
        resolveOffline(first, "Emptied the recycling bin on the second run.");
        resolveOffline(second, "Bin emptied; the driver was told about the verge.");
        assertAccessible("My day without signal, two changes waiting");

        page.reload();
        assertThat(page.locator("#change-list li[data-key]")).hasCount(2);
        assertThat(visit(first)).isVisible();
        assertThat(page.locator("#connection")).containsText("No signal");

        // A colleague adds a note to the second request while Sam has no signal: its version moves on.
        act(ELLA, second, Map.of("action", "note", "note", "Called the resident: the bin is still full."));

        context.setOffline(false);
        Locator conflict = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName(request(second).path("displayReference").asText() + " changed while you were working on it"));
        assertThat(conflict).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(page.locator("#change-list")).containsText("Called the resident: the bin is still full.");
        assertThat(page.locator("#change-list")).containsText("Bin emptied; the driver was told about the verge.");
        assertEquals("resolved", request(first).path("status").asText());
        assertEquals("received", request(second).path("status").asText(), "nothing overwritten before the officer chooses");
        assertAccessible("My day, a change that met a newer version");

        long now = request(second).path("version").asLong();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply my change on version " + now)).click();
        assertThat(page.locator("#change-list li[data-key]")).hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        JsonNode landed = request(second);
        assertEquals("resolved", landed.path("status").asText());
        assertEquals("Bin emptied; the driver was told about the verge.", landed.path("resolution").asText());
        assertThat(page.locator("#connection")).containsText("Everything is sent.");
    }

    @Test
    void aSupervisorPlansSamsDayAndMyDayOffersThatOrderFirstAndSignOutLeavesNothingOnThePhone() {
        String later = assignedToSam();
        String sooner = assignedToSam();
        signInAs("Jordan Lee");
        page.navigate(stack.baseUrl() + "/staff/plan-day.html");
        page.getByLabel("Unit").selectOption("waste");
        page.getByLabel("Officer").selectOption(SAM);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show their requests")).click();
        Locator plan = page.locator("#plan-list");
        String soonerDisplay = request(sooner).path("displayReference").asText();
        String laterDisplay = request(later).path("displayReference").asText();
        plan.getByLabel(Pattern.compile("^Visit " + laterDisplay)).check();
        plan.getByLabel(Pattern.compile("^Visit " + soonerDisplay)).check();
        // Sooner was reported last: it is below later in the list; moved up until it is first.
        while (!plan.locator("li").first().getAttribute("data-reference").equals(sooner)) {
            plan.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move " + soonerDisplay + " up")).click();
        }
        assertAccessible("Plan a day, two visits ticked");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the plan")).click();
        assertThat(page.locator("#announcer")).containsText("The plan for Sam Nguyen is saved: 2 visits.");

        signOut();
        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/my-day.html");
        assertThat(page.getByLabel("As planned by Jordan Lee")).isChecked(new LocatorAssertions.IsCheckedOptions().setTimeout(60_000));
        Locator visits = page.locator("li.field-visit");
        assertThat(visits.first()).hasAttribute("data-reference", sooner);
        assertThat(visits.nth(1)).hasAttribute("data-reference", later);

        // Signing out leaves nothing of Sam's on the phone: no database, no kept photos (the pages' own files may be
        // cached again by the sign-in page that follows: they are the same for everyone).
        signOut();
        assertEquals(Boolean.TRUE, page.evaluate("async () => !(await indexedDB.databases()).some(db => db.name === 'civicdesk-field')"
                + " && !(await caches.keys()).includes('civicdesk-staff-photos')"));
    }

    /** Signs out from the staff bar, and waits for the sign-in page it leads to. */
    private void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    }
}

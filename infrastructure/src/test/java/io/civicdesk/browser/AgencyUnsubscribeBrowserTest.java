package io.civicdesk.browser;

import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An agency's contact opens the unsubscribe link from a report mail on a phone: the reports stop, in one step, with no
 * sign-in; a link whose secret is wrong stops nothing and says what to do. Both pages pass axe-core's WCAG 2.2 AA rules.
 */
class AgencyUnsubscribeBrowserTest extends PhoneBrowserTest {

    @Test
    void aContactStopsTheReportsFromTheLinkInTheMail() {
        String id = "unsub-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = TestStack.api().post("/staff/agencies", Json.write(Map.of("id", id, "name", "Agency " + id,
                "accountManagerId", "demo-account-manager", "serviceIds", List.of("missed-bin"), "contacts", List.of(Map.of(
                        "role", "business-manager", "name", "Jo Contact", "email", id + "@agency.example")))),
                Api.signedInAs("demo-admin"));
        assertEquals(201, created.status(), created.body());
        AgencyStore store = new AgencyStore(TestStack.get().dynamoDb(), "CatalogTable");
        String token = store.agency(id).orElseThrow().contacts().get(0).unsubscribeToken();

        page.navigate(stack.baseUrl() + "/agency-unsubscribe.html?agency=" + id + "#token=guessed");
        assertThat(page.locator("h1")).hasText("This link no longer works");
        assertAccessible("an unsubscribe link that is not ours");
        assertEquals(1, store.agency(id).orElseThrow().mailed().size(), "a wrong secret stops nothing");

        page.navigate(stack.baseUrl() + "/agency-unsubscribe.html?agency=" + id + "#token=" + token);
        assertThat(page.locator("h1")).hasText("You will not get these reports any more");
        assertAccessible("the reports stopped");
        assertEquals(List.of(), store.agency(id).orElseThrow().mailed());
    }
}

package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open311 API keys, on a phone: the administrator issues a key for an app (shown once, then never again), sees it
 * listed as active, sees a report the app sent with it received "by open311 app", and revokes it (calls with it are
 * refused at once). The page passes axe-core's WCAG 2.2 AA
 * rules, with and without errors, with the key shown and after revoking.
 */
class Open311KeysBrowserTest extends PhoneBrowserTest {

    @Test
    void anAdministratorIssuesAKeySeenOnceAndRevokesIt() {
        String app = "Street fixer " + UUID.randomUUID().toString().substring(0, 8);
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open311 API keys")).click();
        assertThat(page).hasTitle("Open311 API keys – Staff – " + SITE);
        assertThat(page.locator("#endpoint")).containsText("/open311/v2/");
        assertAccessible("Open311 API keys");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the key")).click();
        assertThat(page.locator("#error-summary")).containsText("Enter the name of the app");
        assertAccessible("Open311 API keys, with errors");

        page.getByLabel("App", new Page.GetByLabelOptions().setExact(true)).fill(app);
        page.getByLabel("Organisation (optional)").fill("Street Fixers Ltd");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue the key")).click();
        Locator shown = page.locator("#issued-key");
        assertThat(shown).isVisible();
        String key = shown.textContent().strip();
        assertTrue(key.length() >= 20, key);
        assertThat(page.locator("#issued")).containsText("it is not shown again");
        Locator row = page.locator("#keys tr", new Page.LocatorOptions().setHasText(app));
        assertThat(row).containsText("Street Fixers Ltd");
        assertThat(row).containsText("Active");
        assertAccessible("a key just issued");
        String reference = report(key);
        page.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
        assertThat(page.locator("#main-content")).containsText("by open311 app");
        assertAccessible("a request received through Open311");

        page.navigate(stack.baseUrl() + "/staff/api-keys.html");

        assertThat(row).containsText("Active");
        assertFalse(page.content().contains(key), "shown once: not when the page is opened again");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the key for " + app)).click();
        assertThat(row).containsText("Revoked");
        assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
        assertAccessible("a key revoked");
        assertEquals(403, TestStack.api().get("/open311/v2/discovery.json?api_key=" + key).status(), "refused at once");
    }

    /** A missed-bin report sent by another app with the key, as FixMyStreet sends one; its service_request_id. */
    private static String report(String key) {
        String form = String.join("&", "api_key=" + URLEncoder.encode(key, StandardCharsets.UTF_8), "service_code=missed-bin",
                "address_string=3+Wattle+Street", "attribute%5Bbin-type%5D=Recycling+%28yellow+lid%29",
                "attribute%5Bcollection-day%5D=2026-11-23", "attribute%5Bout-by-6am%5D=Yes");
        try {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(stack.apiUrl() + "/open311/v2/requests.json"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, reply.statusCode(), reply.body());
            return Json.parseBody(reply.body()).get(0).path("service_request_id").asText();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

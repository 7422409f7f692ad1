package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The staff request page shows the reported spot on a map, under the Content-Security-Policy and axe-core, on a
 * phone: with no tile server reachable (as in the tests) it says so and the address, the coordinates and the
 * OpenStreetMap link still show the place; a request with no position loads no map at all.
 */
class StaffSpotMapBrowserTest extends PhoneBrowserTest {

    private static String report(Map<String, Object> location) {
        Map<String, Object> report = Reports.missedBin("spot+" + UUID.randomUUID() + "@example.com");
        report.put("location", location);
        Api.Reply reply = TestStack.api().post("/requests", report);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("reference").asText();
    }

    @Test
    void theSpotIsOnAMapAndWhenTilesCannotLoadTheAddressCoordinatesAndLinkStillShowIt() {
        String reference = report(new HashMap<>(Map.of("address", "14 Banksia Street, Melaleuca WA 6999",
                "latitude", -31.9505, "longitude", 115.8605)));
        page.route("https://tile.openstreetmap.org/**", route -> route.abort());
        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);

        assertThat(page.locator("#spot-map.leaflet-container")).isVisible();
        assertThat(page.locator("#spot-map .leaflet-marker-icon")).hasAttribute("alt", "The reported spot");
        assertThat(page.locator("#spot [role=status]")).hasText("The map's pictures could not load. The address, the coordinates"
                + " and the OpenStreetMap link above show the place.");
        assertThat(page.locator("main")).containsText("14 Banksia Street");
        assertThat(page.locator("main")).containsText("Latitude -31.9505, longitude 115.8605");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("View on OpenStreetMap (opens in a new tab)"))).isVisible();
        assertAccessible("the staff request page with its map and no tiles");
    }

    @Test
    void aRequestWithNoPositionLoadsNoMap() {
        String reference = report(new HashMap<>(Map.of("address", "Banksia Street park, by the bench")));
        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
        assertThat(page.locator("main")).containsText("Banksia Street park, by the bench");
        assertEquals(0, page.locator("#spot").count());
        assertFalse((Boolean) page.evaluate("() => !!document.querySelector('script[src*=\"leaflet\"]') || !!window.L"),
                "Leaflet is not loaded for a request with no position");
        assertAccessible("the staff request page with no position");
    }
}

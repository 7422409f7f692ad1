package io.civicdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.civicdesk.photos.PhotoFixtures;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Photos and the map on a phone: a report with a photo from the phone (a JPEG with EXIF GPS, made in code), seen at
 * once on the staff page and on the public tracking page only once an officer approves it; and the report form
 * with the map opened while its tiles cannot load (no network, as here), sent with the address alone.
 */
@DependsOnTheDate
class PhotosAndMapBrowserTest extends PhoneBrowserTest {
    private static final String ADDRESS = "21 Banksia Street, Melaleuca WA 6999";

    /** No tile server is reachable from the tests; say so at once rather than wait for the network to time out. */
    private void tilesFail(Page on) {
        on.route("https://tile.openstreetmap.org/**", route -> route.abort());
    }

    /** The missed-bin form's first step, answered. */
    private void problemStep() {
        page.navigate(stack.baseUrl() + "/report.html?service=missed-bin");
        page.getByLabel("General waste (red lid)").check();
        page.getByLabel("Which day should it have been emptied?").fill(TestStack.today().toString());
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Was the bin on the verge by 6am?")).getByLabel("Yes").check();
    }

    private Locator continueButton() {
        return page.locator("[data-step]:not([hidden])").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue"));
    }

    /** From the location step: the address, an email contact, and Send; the reference. */
    private String sendWithAddress() {
        page.getByLabel("Address or place").fill(ADDRESS);
        continueButton().click();
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Email address").fill("photos+" + UUID.randomUUID() + "@example.com");
        continueButton().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Request received"));
        return page.locator("#reference").textContent().trim().replace("-", "");
    }

    @Test
    void aReportWithAPhotoIsSeenByStaffAtOnceAndByThePublicOnceAnOfficerApprovesIt() {
        tilesFail(page);
        problemStep();
        page.locator("#photo-gallery").setInputFiles(new FilePayload("bin.jpg", "image/jpeg", PhotoFixtures.phoneJpeg(400, 300, 6)));
        assertThat(page.locator("#photo-list")).containsText("bin.jpg");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove bin.jpg"))).isVisible();
        assertAccessible("the first step with a photo chosen");
        continueButton().click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose the place on a map")).click();
        assertThat(page.locator("#map")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Put the pin at the centre of the map")).click();
        assertThat(page.locator("#location-text")).containsText("Place chosen on the map");
        String reference = sendWithAddress();
        assertThat(page.locator("#photo-uploads")).containsText("Photos sent: 1.");
        assertAccessible("the confirmation page, its photo sent");
        String privateLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("See your request with your details")).getAttribute("href");
        stack.deliverObjects();

        page.navigate(privateLink);
        Locator ownPhotos = page.locator("#track-photos");
        assertThat(ownPhotos.locator("img")).hasCount(1);
        assertThat(ownPhotos).containsText("Only you see your photos until an officer approves them");
        assertAccessible("the private tracking page with its photo");

        BrowserContext stranger = anotherPhone();
        Page publicPage = stranger.newPage();
        publicPage.navigate(stack.baseUrl() + "/track.html?ref=" + reference);
        assertThat(publicPage.locator("#result-heading")).isVisible();
        assertThat(publicPage.locator("#result img")).hasCount(0);

        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
        Locator photos = page.locator("#photos");
        assertThat(photos.locator("img")).hasCount(1);
        assertThat(photos).containsText("Not on the public page: waiting for approval");
        assertAccessible("the staff request page with a photo");
        photos.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show on the public page")).click();
        assertThat(page.locator("#photos-status")).hasText("Photo shown on the public page.");
        assertThat(photos.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hide from the public page"))).isVisible();

        publicPage.reload();
        assertThat(publicPage.locator("#track-photos img")).hasCount(1);
        byte[] shown = PhotoFixtures.download(publicPage.locator("#track-photos img").getAttribute("src"));
        assertFalse(new String(shown, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exif"), "no EXIF reaches the public");
        stranger.close();
    }

    @Test
    void theReportFormWithTheMapOpenWhileTilesFailIsSentWithTheAddressAlone() {
        tilesFail(page);
        problemStep();
        continueButton().click();
        Locator open = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose the place on a map"));
        assertThat(open).hasAttribute("aria-expanded", "false");
        open.click();
        assertThat(page.locator("#map-area")).containsText("The map's pictures could not load. You can still type the address.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the map"))).hasAttribute("aria-expanded", "true");
        assertAccessible("the location step with the map open and no tiles");
        // The map never traps the keyboard: Tab goes on from it (to its zoom buttons, then the form).
        page.locator("#map").focus();
        page.keyboard().press("Tab");
        assertTrue((Boolean) page.evaluate("() => !document.getElementById('map').contains(document.activeElement)"
                + " || document.activeElement.closest('.leaflet-control') !== null"), "Tab leaves the map");
        String reference = sendWithAddress();
        assertTrue(reference.matches("[2-9A-Z]{8}"), reference);
    }
}

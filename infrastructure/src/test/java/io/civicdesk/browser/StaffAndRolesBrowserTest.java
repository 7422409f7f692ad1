package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.SignInPage;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staff and roles, on a phone: an administrator adds an officer (who can sign in straight away), changes their
 * unit and disables them when they leave (they are kept on the list, disabled, and can no longer sign in). The page
 * passes axe-core's WCAG 2.2 AA rules, with and without errors.
 */
class StaffAndRolesBrowserTest extends PhoneBrowserTest {

    @Test
    void anAdministratorAddsChangesAndDisablesAMemberOfStaff() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Dale Moss " + suffix;
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Staff and roles")).click();
        assertThat(page).hasTitle("Staff and roles – Staff – " + SITE);
        Locator sam = page.locator("#members tr", new Page.LocatorOptions().setHasText("Sam Nguyen"));
        assertThat(sam).containsText("Waste Services");
        assertThat(sam).containsText("Can sign in");
        assertAccessible("staff and roles");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add and send the invitation")).click();
        assertThat(page.locator("#error-summary")).containsText("Enter their work email address");
        assertThat(page.locator("#error-summary")).containsText("Choose one or more roles");
        assertAccessible("staff and roles, with errors");

        page.getByLabel("Work email address").fill("dale.moss." + suffix + "@melaleuca.example");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Officer"))).check();
        page.getByLabel("Unit", new Page.GetByLabelOptions().setExact(true)).selectOption("Waste Services");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add and send the invitation")).click();
        Locator row = page.locator("#members tr", new Page.LocatorOptions().setHasText(name));
        assertThat(row).containsText("Officer");
        assertThat(row).containsText("Can sign in");
        assertTrue(SignInPage.open(stack).listed().containsKey(name), "they can sign in at once");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change " + name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Change " + name))).isFocused();
        page.getByLabel("Unit", new Page.GetByLabelOptions().setExact(true)).selectOption("Roads and Drainage");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(row).containsText("Roads and Drainage");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change " + name)).click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Has left"))).check();
        assertAccessible("changing a member of staff");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(row).containsText("Disabled: has left");
        assertFalse(SignInPage.open(stack).listed().containsKey(name), "no longer on the sign-in page");
        assertAccessible("staff and roles, after disabling someone");
    }
}

package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.Phones;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * On a phone, a resident books a room choosing "Text message" with no email address: a landline is refused beside
 * the field, a mobile goes through and the confirmation is texted. Every step passes axe-core.
 */
@DependsOnTheDate
class TextMessageChoiceBrowserTest extends PhoneBrowserTest {

    @Test
    void aResidentBooksByTextWithAMobileAndNoEmailAndTheConfirmationIsTexted() {
        LocalDate date = BookingFixtures.weekday("karri-meeting-room", DayOfWeek.THURSDAY, 6);
        String typed = Phones.mobile();
        page.navigate(stack.baseUrl() + "/facility.html?id=karri-meeting-room&from=" + date);
        assertThat(page.locator("#availability")).containsText("Free");

        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(date.toString());
        page.getByLabel("Start time").fill("10:00");
        page.getByLabel("End time").fill("11:00");
        page.getByLabel("What is the booking for?").fill("A residents' group meeting");
        page.getByLabel("How many people do you expect?").fill("8");
        page.getByLabel("Full name").fill("Alex Citizen");
        page.getByLabel("Text message (SMS)").check();
        page.getByLabel("Phone number (optional)").fill("(08) 9999 0000");
        page.getByLabel("I accept the conditions of hire").check();
        assertAccessible("the booking form with text messages chosen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        assertThat(page.locator("#error-summary")).containsText("Enter a mobile number for text messages");
        assertThat(page.locator("#phone")).hasAttribute("aria-invalid", "true");
        assertAccessible("the booking form refusing a landline for texts");

        page.getByLabel("Phone number (optional)").fill(typed);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#answers")).containsText("Text message (SMS)");
        assertThat(page.locator("#answers")).containsText(typed);
        assertAccessible("the check step of a booking by text");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm booking")).click();

        assertThat(page.locator("main")).containsText("We have texted the confirmation to");
        String reference = page.locator("#reference").textContent().trim().replace("-", "");
        assertAccessible("the confirmation of a booking by text");
        Phones.awaitText(Phones.e164(typed), text -> text.text().contains("/booking.html?ref=" + reference));
    }
}

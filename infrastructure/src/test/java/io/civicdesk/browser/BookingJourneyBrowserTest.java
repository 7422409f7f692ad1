package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.platform.Dates;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident on a phone books the Banksia Community Hall for a Saturday afternoon, then cancels it through the
 * private link; every page passes axe-core's WCAG 2.2 AA rules.
 */
@DependsOnTheDate
class BookingJourneyBrowserTest extends PhoneBrowserTest {

    /** A Saturday five weeks or more away, on which the hall is open (not in its Christmas break). */
    private static LocalDate saturday() {
        return BookingFixtures.weekday("banksia-hall", DayOfWeek.SATURDAY, 5);
    }

    @Test
    void aResidentBooksAHallForASaturdayAfternoonThenCancelsItThroughThePrivateLink() {
        String email = "hall+" + UUID.randomUUID() + "@example.com";
        LocalDate saturday = saturday();

        page.navigate(stack.baseUrl() + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book a facility").setExact(true)).first().click();
        assertThat(page).hasTitle("Book a facility – " + SITE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Banksia Community Hall")).click();
        assertThat(page).hasTitle("Book Banksia Community Hall – " + SITE);
        // The week from today (which may be the Christmas break, with no free times at all).
        assertThat(page.locator("#availability")).containsText(Dates.spoken(TestStack.today()));
        assertAccessible("the facility page");

        page.getByLabel("Show the week from").fill(saturday.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show availability")).click();
        assertThat(page.locator("#availability")).containsText("Saturday");
        assertThat(page.locator("#availability")).containsText("Free");

        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(saturday.toString());
        page.getByLabel("Start time").fill("13:00");
        page.getByLabel("End time").fill("17:00");
        page.getByLabel("What is the booking for?").fill("A 40th birthday party");
        page.getByLabel("How many people do you expect?").fill("60");
        page.getByLabel("Full name").fill("Alex Citizen");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("I accept the conditions of hire").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        assertThat(page).hasTitle("Check your booking – Banksia Community Hall – " + SITE);
        assertThat(page.locator("#answers")).containsText("13:00 to 17:00");
        assertAccessible("the check your booking step");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm booking")).click();

        assertThat(page).hasTitle("Booking confirmed – Banksia Community Hall – " + SITE);
        String reference = page.locator("#reference").textContent().trim();
        assertTrue(reference.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), reference);
        assertThat(page.locator("main")).containsText("1pm to 5pm");
        assertAccessible("the confirmation");
        String privateLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View, change or cancel your booking"))
                .getAttribute("href");
        assertTrue(privateLink.contains("/booking.html?ref=") && privateLink.contains("#key="), privateLink);

        page.navigate(privateLink);
        assertThat(page.locator("#heading")).hasText("Booking " + reference);
        assertThat(page.locator("#result")).containsText("Confirmed");
        assertThat(page.locator("#result")).containsText("Alex Citizen");
        assertAccessible("the private booking page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel booking")).click();
        assertAccessible("the cancel confirmation");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel booking")).click();
        assertThat(page.locator("#heading")).hasText("Booking cancelled");
        assertThat(page.locator("#result")).containsText("Cancelled");
        assertAccessible("the cancelled booking");

        // The time is free again.
        page.navigate(stack.baseUrl() + "/facility.html?id=banksia-hall&from=" + saturday);
        assertThat(page.locator("#availability")).containsText("Free: 08:00 to 23:00");
    }

}

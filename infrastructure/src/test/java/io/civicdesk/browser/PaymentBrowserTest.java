package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.PhoneBrowserTest;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A resident on a phone books the Jarrah Reserve BBQ Shelter (paid online, $10 an hour), pays on the stand-in for
 * Stripe's hosted page, comes back and sees the booking confirmed; every page of the council's passes axe-core.
 */
@DependsOnTheDate
class PaymentBrowserTest extends PhoneBrowserTest {

    @Test
    void aResidentBooksAShelterWithAFeePaysOnTheProvidersPageAndSeesItConfirmed() {
        LocalDate sunday = BookingFixtures.weekday("jarrah-bbq-shelter", DayOfWeek.SUNDAY, 2);
        page.navigate(stack.baseUrl() + "/facility.html?id=jarrah-bbq-shelter&from=" + sunday);
        assertThat(page).hasTitle("Book Jarrah Reserve BBQ Shelter – " + SITE);

        page.getByLabel("Date", new Page.GetByLabelOptions().setExact(true)).fill(sunday.toString());
        page.getByLabel("Start time").fill("10:00");
        page.getByLabel("End time").fill("12:00");
        page.getByLabel("What is the booking for?").fill("A family barbecue");
        page.getByLabel("How many people do you expect?").fill("12");
        page.getByLabel("Full name").fill("Alex Citizen");
        page.getByLabel("Email address").fill("shelter+" + UUID.randomUUID() + "@example.com");
        page.getByLabel("I accept the conditions of hire").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm booking")).click();

        assertThat(page).hasTitle("Pay to confirm your booking – Jarrah Reserve BBQ Shelter – " + SITE);
        assertThat(page.locator("main")).containsText("The time is held for you until");
        assertAccessible("the booking held for payment");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $20.00 now")).click();

        // The provider's page (here the local stand-in): the card never touches the council's site.
        page.waitForURL(stack.paymentPage().url() + "/pay/**");
        assertThat(page.locator("h1")).hasText("Pay $20.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $20.00")).click();

        page.waitForURL("**/booking.html?ref=*&paid=1");
        assertThat(page.locator("#result")).containsText("Thank you: your payment has been received.");
        assertThat(page.locator("#result")).containsText("Confirmed");
        assertThat(page.locator("#result")).containsText("Alex Citizen");
        assertAccessible("the booking, paid and confirmed");
    }
}

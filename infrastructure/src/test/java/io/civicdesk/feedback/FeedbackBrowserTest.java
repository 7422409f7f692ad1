package io.civicdesk.feedback;

import io.civicdesk.figures.SurveyFigures;
import io.civicdesk.figures.SatisfactionFiguresStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feedback pages in Debian's Chromium on a phone-sized screen, each checked by axe-core for WCAG 2.2 AA. */
class FeedbackBrowserTest extends PhoneBrowserTest {

    @Test
    void aResidentAnswersTheSurveyFromTheLinkInTheirMail() {
        FeedbackStack.Reported request = FeedbackStack.report("surveyed");
        FeedbackStack.inviteNow(request.reference());
        Message mail = FeedbackStack.awaitMail(request.email(), "Tell us how we did");
        Matcher link = Pattern.compile("href=\"([^\"]+/survey\\.html[^\"]+)\"").matcher(mail.html());
        assertTrue(link.find(), "the mail links to the survey: " + mail.html());

        page.navigate(link.group(1).replace("&amp;", "&"));
        assertThat(page.locator("#about")).containsText(request.reference().substring(0, 4) + "-" + request.reference().substring(4));
        assertThat(page.locator("#survey-form")).isVisible();
        assertAccessible("the survey");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answer")).click();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator("#error-summary")).containsText("Choose how satisfied you are");
        assertAccessible("the survey with an error");

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Happy").setExact(true)).check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("9").setExact(true)).check();
        page.getByLabel("Anything you would like to tell us? (optional)").fill("The crew came the next morning.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answer")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();
        assertAccessible("the thank-you page");
        Survey stored = FeedbackStack.surveys().find(Survey.Subject.REQUEST, request.reference()).orElseThrow();
        assertEquals(4, stored.answer().satisfaction());
        assertEquals(9, stored.answer().recommend());
        assertEquals("The crew came the next morning.", stored.answer().comment());

        // The link again: already answered, nothing more to send.
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You have already answered this survey"))).isVisible();
    }

    @Test
    void aCounterTabletRecordsThreeFacesInARowAndResetsForEachCustomer() {
        String unit = "counter-" + UUID.randomUUID();
        String key = new CounterDeviceStore(FeedbackStack.dynamo(), FeedbackStack.FEEDBACK)
                .register(unit, "Front counter tablet", "test", TestStack.clock().instant(), new SecureRandom());
        page.navigate(stack.baseUrl() + "/counter.html#device=" + key);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("How was your visit today?"))).isVisible();
        assertTrue(!page.url().contains(key), "the key leaves the address bar");
        assertAccessible("the counter tablet");

        for (String face : List.of("Very happy", "Neither", "Very unhappy")) {
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(face).setExact(true)).check();
            if (face.equals("Very unhappy")) {
                page.getByLabel("Why? (optional)").fill("Waited 40 minutes");
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();
            if (face.equals("Very happy")) {
                assertAccessible("the counter's thank-you");
            }
            // It resets by itself for the next customer: no face chosen, no reason left behind.
            assertThat(page.locator("#counter-form")).isVisible();
            assertThat(page.locator("input[name=satisfaction]:checked")).hasCount(0);
            assertThat(page.getByLabel("Why? (optional)")).hasValue("");
        }

        LocalDate today = TestStack.today();
        SurveyFigures figures = FeedbackStack.figures().figures(unit, today, today).get(SatisfactionFiguresStore.COUNTER_SERVICE);
        assertNotNull(figures, "the taps are counted for the tablet's unit");
        assertEquals(3, figures.counterTaps());
        assertEquals(1.0 / 3, figures.satisfaction(), 1e-9);
    }

    @Test
    void aResidentSendsAComplaintFromTheHomePageWithTheReasonItNeedsAnEmailAddress() {
        String email = "complainant+" + UUID.randomUUID() + "@example.com";
        page.navigate(stack.baseUrl() + "/index.html");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compliments, suggestions and complaints")).first().click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What would you like to send us?"))).isVisible();
        assertAccessible("the feedback form's first step");

        continueButton().click();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertThat(page.locator("#error-summary")).containsText("Choose a compliment, a suggestion or a complaint");
        assertAccessible("the first step with an error");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("A complaint")).check();
        continueButton().click();

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("A service")).check();
        page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).selectOption("missed-bin");
        assertAccessible("what it is about");
        continueButton().click();

        page.getByLabel("Your complaint").fill("My bin has been missed three weeks running.");
        continueButton().click();

        // No email address: refused, and the page says why a complaint needs one.
        assertThat(page.locator("#contact-why")).containsText("we send our acknowledgement, our answer and the reasons");
        continueButton().click();
        assertThat(page.locator("#error-summary")).containsText("Enter your email address");
        assertAccessible("the contact step with an error");
        page.getByLabel("Email address").fill(email);
        continueButton().click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your answers"))).isVisible();
        assertThat(page.locator("#answers")).containsText("Missed bin collection");
        assertAccessible("check your answers");
        // The first answer is lost on the way back: the server stored the complaint, the phone saw a failure.
        String[] firstAnswer = new String[1];
        page.route("**/api/feedback", route -> {
            firstAnswer[0] = route.fetch().text();
            route.abort("connectionreset");
        });
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send complaint")).click();
        assertThat(page.locator("#error-summary")).containsText("You will not send it twice");
        page.unrouteAll();
        // Sending again reuses the Idempotency-Key: the same complaint comes back, nothing is stored twice.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send complaint")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Complaint received"))).isVisible();
        String reference = page.locator("#reference").textContent();
        assertTrue(firstAnswer[0].contains("\"displayReference\":\"" + reference + "\""), firstAnswer[0]);
        String privateLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See your complaint and our answer"))
                .getAttribute("href");
        assertTrue(privateLink.contains("/complaint.html?ref=" + reference.replace("-", "") + "#key="), privateLink);
        assertAccessible("the complaint's confirmation");
        FeedbackStack.awaitMail(email, "We have received your complaint");
        assertEquals(1, Mailbox.to(email).size(), "one complaint, one acknowledgement of receipt");
    }

    @Test
    void aResidentSendsAComplimentWithoutAnyContactDetails() {
        page.navigate(stack.baseUrl() + "/feedback.html");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("A compliment")).check();
        continueButton().click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("A team at the council")).check();
        page.getByLabel("Team", new Page.GetByLabelOptions().setExact(true)).selectOption("parks");
        page.getByLabel("Name of a member of staff (optional)").fill("Sam Nguyen");
        continueButton().click();
        page.getByLabel("Your compliment").fill("Sam fixed the playground swing the same day.");
        continueButton().click();
        assertThat(page.getByLabel("Email address (optional)")).isVisible();
        continueButton().click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send compliment")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();
        assertThat(page.locator("[data-step=done]")).containsText("passed to the team concerned");
        assertAccessible("the compliment's thank-you");
    }

    @Test
    void aComplainantSeesTheAnswerAgainstItsTargetsAndAsksForAReviewFromTheirPrivateLink() {
        String email = "complainant+" + UUID.randomUUID() + "@example.com";
        JsonNode sent = TestStack.api().post("/feedback", Map.of("kind", "complaint", "about", Map.of("unitId", "waste"),
                "message", "The driver was rude to me.", "contact", Map.of("email", email))).json();
        String reference = sent.path("reference").asText();
        StaffCaller officer = new StaffCaller("officer-1", "Wes Waste", "wes@melaleuca.example", Set.of(StaffCaller.Role.OFFICER), "waste");
        FeedbackStack.complaints().answer(officer, reference,
                new ComplaintService.Finding("not-upheld", "The recording shows the driver was polite."));

        // Without its key (as in the later mails' links) the page says where the key is, and shows nothing.
        page.navigate(stack.baseUrl() + "/complaint.html?ref=" + reference);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Open your complaint from the link in your first email")))
                .isVisible();

        page.navigate(sent.path("privateLink").asText());
        assertThat(page.locator("#heading")).containsText(sent.path("displayReference").asText());
        assertThat(page.locator("#complaint")).containsText("Answered");
        assertThat(page.locator("#complaint")).containsText("0 business days after we received it: within our target");
        assertThat(page.locator("#complaint")).containsText("Not upheld");
        assertThat(page.locator("#complaint")).containsText("The recording shows the driver was polite.");
        assertAccessible("the complaint with our answer");

        Locator ask = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for a review"));
        ask.click();
        assertThat(page.locator("#error-summary")).containsText("Tell us why you are not satisfied with our answer");
        assertAccessible("the review request with an error");
        page.getByLabel("Why are you not satisfied with our answer?").fill("There was no recording on that day.");
        ask.click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your internal review"))).isVisible();
        assertThat(page.locator("#complaint")).containsText("Under review");
        assertThat(page.locator("#review-form")).isHidden();
        assertAccessible("the complaint under review");
        page.reload();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your internal review"))).isVisible();
        FeedbackStack.awaitMail(email, "We have received your request for a review");
    }

    private Locator continueButton() {
        return page.locator("[data-step]:not([hidden])").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue"));
    }

}

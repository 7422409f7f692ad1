package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once a confirmed booking has taken place, the booking schedule invites the resident to the survey, once, and
 * the survey's link answers that booking's survey alone.
 */
@DependsOnTheDate
class SurveyAfterBookingTest {
    private final Api api = TestStack.api();

    @Test
    void aBookingThatHasTakenPlaceInvitesToItsSurveyOnceAndItIsAnsweredOnceByItsLink() {
        String email = "surveyed+" + UUID.randomUUID() + "@example.com";
        // The nearest days no other test books, so the schedule run with its clock moved on touches little else.
        LocalDate date = TestStack.today().plusDays(2);
        Api.Reply booked = api.post("/bookings", Json.write(BookingFixtures.booking("lakeside-bbq-shelter", date, "15:00", "17:00", email)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, booked.status(), booked.body());
        JsonNode receipt = booked.json();
        String reference = receipt.path("reference").asText();
        Instant ends = Instant.parse(receipt.path("occurrences").get(0).path("endsAt").asText());

        BookingFixtures.servicesAt(Duration.ZERO).sweeps.sendReminders();
        assertTrue(surveyMails(email).isEmpty(), "not before it has taken place");

        BookingSweeps afterwards = BookingFixtures.servicesWhen(ends.plus(Duration.ofMinutes(5))).sweeps;
        assertTrue(afterwards.sendReminders().surveyed() >= 1);
        Message mail = awaitSurveyMail(email);
        afterwards.sendReminders();
        sleep(2000);
        assertEquals(1, surveyMails(email).size(), "a second run of the schedule sends no second invitation");

        Matcher link = Pattern.compile("http\\S+/survey\\.html\\?ref=" + reference + "&for=booking#key=([A-Za-z0-9_-]+)").matcher(mail.text());
        assertTrue(link.find(), "the invitation carries the booking's survey link: " + mail.text());
        String key = link.group(1);
        Map<String, String> headers = Map.of("X-Survey-Key", key);

        Api.Reply view = api.get("/surveys/" + reference + "?for=booking", headers);
        assertEquals(200, view.status(), view.body());
        assertEquals("booking", view.json().path("subject").asText());
        assertEquals("Lakeside BBQ Shelter", view.json().path("service").path("name").asText());
        assertTrue(view.json().path("open").asBoolean());
        // The same reference as a request has no survey: the link reads nothing but its booking's.
        assertEquals(404, api.get("/surveys/" + reference, headers).status());

        Api.Reply answered = api.post("/surveys/" + reference + "/answers?for=booking",
                Json.write(Map.of("satisfaction", 5, "recommend", 10, "comment", "Clean and ready")),
                Map.of("X-Survey-Key", key, "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, answered.status(), answered.body());
        Api.Reply again = api.post("/surveys/" + reference + "/answers?for=booking", Json.write(Map.of("satisfaction", 1)),
                Map.of("X-Survey-Key", key, "Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(409, again.status(), again.body());
        assertFalse(api.get("/surveys/" + reference + "?for=booking", headers).json().path("open").asBoolean());
    }

    private static List<Message> surveyMails(String email) {
        return Mailbox.to(email).stream().filter(m -> m.subject().startsWith("Tell us how we did")).toList();
    }

    private static Message awaitSurveyMail(String email) {
        for (int i = 0; i < 75; i++) {
            List<Message> mails = surveyMails(email);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            sleep(200);
        }
        throw new AssertionError("no survey invitation reached " + email + "; got " + Mailbox.to(email).stream().map(Message::subject).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

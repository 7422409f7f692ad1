package io.civicdesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.demo.DemoData;
import io.civicdesk.local.LocalStack;
import io.civicdesk.local.StaffTokens;
import io.civicdesk.local.TextsPage;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.local.template.TableDefinition;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Phones;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.StoredSubmissions;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident who chose text messages: every message of a request's journey and of a booking reaches their phone
 * (moto's SNS, which keeps what it is given) through the outbox, and no mail reaches their address; a phone number
 * that is not one is refused naming the field; a text whose send fails is sent again later, once.
 */
@DependsOnTheDate
class TextMessagesTest {
    private final Api api = TestStack.api();

    @Test
    void aRequestsJourneyReachesTheResidentsPhoneAndNoMailIsSent() {
        String email = "texts+" + UUID.randomUUID() + "@example.com";
        String typed = Phones.mobile();
        String phone = "+61" + typed.substring(1);
        Map<String, Object> report = Reports.missedBin(email);
        report.put("contact", new HashMap<>(Map.of("name", "Alex Citizen", "email", email, "phone", typed)));
        report.put("preferredChannel", "sms");
        Api.Reply submitted = api.post("/requests", Json.write(report), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, submitted.status(), submitted.body());
        String reference = submitted.json().path("reference").asText();
        String display = submitted.json().path("displayReference").asText(reference);

        TextsPage.Message confirmation = Phones.awaitText(phone, text -> text.text().contains("#key="));
        assertTrue(confirmation.text().contains(submitted.json().path("privateLink").asText()),
                "the confirmation carries the private link: " + confirmation.text());
        assertTrue(confirmation.text().length() < 320, "a text is short: " + confirmation.text());

        Map<String, String> officer = officer();
        act(reference, Map.of("action", "acknowledge", "publicMessage", "We will collect it tomorrow."), officer);
        Phones.awaitText(phone, text -> text.text().contains("/track.html?ref=" + reference) && !text.text().contains("#key="));
        act(reference, Map.of("action", "resolve", "resolution", "Emptied this morning."), officer);
        Phones.awaitText(phone, text -> text.text().toLowerCase().contains("resolved") && text.text().contains("/track.html?ref="));
        Phones.awaitText(phone, text -> text.text().contains("/survey.html?ref=" + reference));

        JsonNode view = api.get("/staff/requests/" + reference, officer).json();
        assertEquals("text", view.path("history").get(0).path("delivery").asText(), view.toString());
        assertEquals(4, TestStack.get().texts().to(phone).size(), "each message once: " + TestStack.get().texts().to(phone));
        assertTrue(TestStack.get().texts().to(phone).stream().allMatch(text -> text.text().contains(display)
                || text.text().contains(reference)), "every text names the reference");
        assertEquals(List.of(), Mailbox.to(email), "a resident who chose texts gets no mail");
    }

    @Test
    void aBookingIsConfirmedByTextAndNotByMail() {
        String email = "texts+" + UUID.randomUUID() + "@example.com";
        String typed = Phones.mobile();
        String phone = "+61" + typed.substring(1);
        LocalDate date = BookingFixtures.weekday("karri-meeting-room", DayOfWeek.TUESDAY, 5);
        Map<String, Object> booking = BookingFixtures.booking("karri-meeting-room", date, "14:00", "15:00", email);
        booking.put("contact", Map.of("name", "Alex Citizen", "email", email, "phone", typed));
        booking.put("preferredChannel", "sms");
        Api.Reply booked = api.post("/bookings", Json.write(booking), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, booked.status(), booked.body());

        TextsPage.Message text = Phones.awaitText(phone, t -> t.text().contains("/booking.html?ref=" + booked.json().path("reference").asText()));
        assertTrue(text.text().contains("confirmed"), text.text());
        assertTrue(text.text().contains("#key="), "the first text carries the private link: " + text.text());
        assertEquals(List.of(), Mailbox.to(email), "no mail for a resident who chose texts");
    }

    @Test
    void aPhoneNumberThatIsNotOneIsRefusedNamingTheFieldAndNothingIsStored() {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        Set<String> before = StoredSubmissions.of(dynamo);
        for (String bad : List.of("12345", "0412 345", "+61 0412 345 678 999", "call me")) {
            Map<String, Object> report = Reports.missedBin("bad-phone@example.com");
            report.put("contact", new HashMap<>(Map.of("name", "Alex Citizen", "phone", bad)));
            report.put("preferredChannel", "sms");
            Api.Reply reply = api.post("/requests", Json.write(report), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertTrue(reply.error("contact.phone").contains("phone number"), reply.body());
        }
        // A landline takes calls but no texts.
        Map<String, Object> landline = Reports.missedBin("bad-phone@example.com");
        landline.put("contact", new HashMap<>(Map.of("name", "Alex Citizen", "phone", "(08) 9999 0000")));
        landline.put("preferredChannel", "sms");
        Api.Reply reply = api.post("/requests", Json.write(landline), Map.of());
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.error("contact.phone").contains("mobile"), reply.body());
        assertEquals(before, StoredSubmissions.of(dynamo), "a refused report stores nothing");

        LocalDate date = BookingFixtures.weekday("karri-meeting-room", DayOfWeek.WEDNESDAY, 5);
        Map<String, Object> booking = BookingFixtures.booking("karri-meeting-room", date, "09:00", "10:00", "bad-phone@example.com");
        booking.put("contact", Map.of("name", "Alex Citizen", "email", "bad-phone@example.com", "phone", "0412"));
        Api.Reply refused = api.post("/bookings", Json.write(booking), Map.of());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.error("contact.phone").contains("phone number"), refused.body());
        // The slot was not taken: the same booking with a good number goes through.
        booking.put("contact", Map.of("name", "Alex Citizen", "email", "bad-phone@example.com", "phone", "+61 412 345 678"));
        assertEquals(201, api.post("/bookings", Json.write(booking), Map.of()).status());
    }

    @Test
    void aTextWhoseSendFailsIsSentAgainLaterAndOnlyOnce() {
        // An outbox of its own, declared as the template declares the outbox: the stack's own sender does not see it.
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        String table = "OutboxForFailingTexts" + UUID.randomUUID().toString().substring(0, 8);
        TableDefinition outboxTable = SamTemplate.read(LocalStack.findProjectRoot().resolve("template.yaml")).table("OutboxTable");
        dynamo.createTable(outboxTable.createTableRequest().toBuilder().tableName(table).build());
        OutboxStore outbox = new OutboxStore(dynamo, table);
        String phone = "+61" + Phones.mobile().substring(1);
        Clock clock = TestStack.clock();
        Text text = new Text(UUID.randomUUID().toString(), phone, "Melaleuca: report ABCD-1234 is now Resolved.", "request-update",
                "ABCD1234");
        new DynamoTransactions(dynamo).commit(List.of(outbox.pending("mail", text, clock.instant())));

        // SNS fails once (throttled, as it may be), then works: the fault a real local SNS cannot produce.
        AtomicInteger calls = new AtomicInteger();
        SnsTexter sns = new SnsTexter(AwsClients.sns(), null, null);
        Texter failingOnce = t -> {
            if (calls.getAndIncrement() == 0) {
                throw new Mailer.MailNotSent("SNS429", false, null);
            }
            return sns.send(t);
        };
        Mailer noMail = mail -> {
            throw new AssertionError("a text is never mailed");
        };
        MailSender now = new MailSender(outbox, noMail, failingOnce, clock, Metrics.NONE);
        assertEquals(new MailSender.Outcome(0, 1, 0, 0), now.send(List.of(text.id())));
        assertEquals(List.of(), TestStack.get().texts().to(phone));
        Map<String, AttributeValue> waiting = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("MAIL#" + text.id())))).item();
        assertEquals("SNS429", waiting.get("lastError").s());
        assertEquals("pending", waiting.get("queue").s(), "it waits in the retry queue");
        assertEquals(List.of(), outbox.due(clock.instant(), 10), "not due again at once");

        MailSender later = new MailSender(outbox, noMail, failingOnce, Clock.offset(clock, Duration.ofMinutes(2)), Metrics.NONE);
        assertEquals(new MailSender.Outcome(1, 0, 0, 0), later.sendDue());
        // The stream handing it over again, or another sweep, finds it sent and leaves it.
        assertEquals(new MailSender.Outcome(0, 0, 0, 1), later.send(List.of(text.id())));
        assertEquals(new MailSender.Outcome(0, 0, 0, 0), later.sendDue());
        List<TextsPage.Message> texts = TestStack.get().texts().to(phone);
        assertEquals(1, texts.size(), "sent once: " + texts);
        assertEquals(text.body(), texts.get(0).text());
        dynamo.deleteTable(r -> r.tableName(table));
    }

    private static Map<String, String> officer() {
        StaffTokens tokens = TestStack.get().staffTokens();
        return Map.of("Authorization", tokens.bearer(tokens.idToken(DemoData.staff().stream()
                .filter(member -> member.id().equals("demo-officer-waste")).findFirst().orElseThrow())));
    }

    private void act(String reference, Map<String, Object> fields, Map<String, String> staff) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("expectedVersion", api.get("/staff/requests/" + reference, staff).json().path("version").asLong());
        Api.Reply reply = api.post("/staff/requests/" + reference + "/actions", Json.write(body), staff);
        assertEquals(200, reply.status(), reply.body());
    }
}

package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.demo.DemoData;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.StoredSubmissions;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /requests} through the local gateway against the local DynamoDB (moto). */
@DependsOnTheDate
class SubmitRequestTest {
    private static Api api;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
        dynamo = TestStack.get().dynamoDb();
    }

    private static String email() {
        return "resident+" + UUID.randomUUID() + "@example.com";
    }

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static Set<String> storedSubmissions() {
        return StoredSubmissions.of(dynamo);
    }

    @Test
    void aValidReportGetsAReferenceLinksAndDatesFromTheCouncilsCalendar() {
        Api.Reply reply = api.post("/requests", Json.write(Reports.missedBin(email())), key(UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.body());
        JsonNode receipt = reply.json();
        String reference = receipt.path("reference").asText();
        assertTrue(reference.matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}"), reference);
        assertEquals(reference.substring(0, 4) + "-" + reference.substring(4), receipt.path("displayReference").asText());
        assertTrue(receipt.path("trackingLink").asText().endsWith("/track.html?ref=" + reference));
        assertTrue(receipt.path("privateLink").asText().matches(".*/track\\.html\\?ref=" + reference + "#key=[A-Za-z0-9_-]{22}"));
        assertEquals("received", receipt.path("status").asText());
        assertEquals("Missed bin collection", receipt.path("service").path("name").asText());
        assertEquals("Australia/Perth", receipt.path("timeZone").asText());

        // Missed bin: respond in 1 business day, resolve in 2 (days of the council's opening hours), on its own
        // calendar's business time from when it arrived: the dates are the days those due times fall on.
        Instant submitted = Instant.parse(receipt.path("submittedAt").asText());
        var calendar = DemoData.calendar(submitted.atZone(DemoData.PERTH).getYear());
        Duration day = calendar.ordinaryDay();
        assertEquals(calendar.localDate(calendar.addBusinessTime(submitted, day)).toString(),
                receipt.path("expected").path("response").asText());
        assertEquals(calendar.localDate(calendar.addBusinessTime(submitted, day.multipliedBy(2))).toString(),
                receipt.path("expected").path("resolution").asText());
        assertTrue(receipt.path("contact").isMissingNode() && !reply.body().contains("Alex Citizen"),
                "the receipt repeats no personal details");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndMakesNothingNew() {
        String body = Json.write(Reports.missedBin(email()));
        String idempotencyKey = UUID.randomUUID().toString();
        Api.Reply first = api.post("/requests", body, key(idempotencyKey));
        Set<String> afterFirst = storedSubmissions();
        Api.Reply retry = api.post("/requests", body, key(idempotencyKey));
        assertEquals(201, retry.status());
        assertEquals(first.body(), retry.body());
        assertEquals(afterFirst, storedSubmissions(), "a retry wrote something");
    }

    @Test
    void retriesRacingEachOtherStillMakeOneRequest() throws Exception {
        String body = Json.write(Reports.missedBin(email()));
        String idempotencyKey = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Api.Reply>> taps = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                taps.add(() -> api.post("/requests", body, key(idempotencyKey)));
            }
            Set<String> references = new HashSet<>();
            for (Future<Api.Reply> tap : pool.invokeAll(taps)) {
                Api.Reply reply = tap.get();
                assertEquals(201, reply.status(), reply.body());
                references.add(reply.json().path("reference").asText());
            }
            assertEquals(1, references.size(), "concurrent retries made more than one request: " + references);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theSameKeyWithADifferentReportIsRefused() {
        String idempotencyKey = UUID.randomUUID().toString();
        api.post("/requests", Json.write(Reports.missedBin(email())), key(idempotencyKey));
        Api.Reply reuse = api.post("/requests", Json.write(Reports.missedBin(email())), key(idempotencyKey));
        assertEquals(422, reuse.status());
        assertTrue(reuse.json().path("message").asText().contains("Idempotency-Key"));
    }

    @Test
    void aMalformedIdempotencyKeyIsNamed() {
        Api.Reply reply = api.post("/requests", Json.write(Reports.missedBin(email())), key("short"));
        assertEquals(400, reply.status());
        assertNotNull(reply.error("Idempotency-Key"));
    }

    @Test
    void malformedJsonIsA400ThatSaysSo() {
        Set<String> before = storedSubmissions();
        Api.Reply reply = api.post("/requests", "{\"serviceId\": \"missed-bin\",", Map.of());
        assertEquals(400, reply.status());
        assertEquals("The request body is not valid JSON.", reply.json().path("message").asText());
        assertEquals(before, storedSubmissions());
    }

    @Test
    void missingAndInvalidFieldsAreEachNamedAndNothingIsStored() {
        Map<String, Object> report = Reports.missedBin("not an email");
        report.remove("location");
        @SuppressWarnings("unchecked") Map<String, Object> answers = (Map<String, Object>) report.get("answers");
        answers.remove("bin-type");
        answers.put("collection-day", "2026-13-01");
        Set<String> before = storedSubmissions();
        Api.Reply reply = api.post("/requests", report);
        assertEquals(400, reply.status(), reply.body());
        assertEquals("Choose an answer to 'Which bin was missed?'.", reply.error("answers.bin-type"));
        assertNotNull(reply.error("answers.collection-day"));
        assertNotNull(reply.error("location"));
        assertEquals("Enter an email address in the correct format, like name@example.com.", reply.error("contact.email"));
        assertEquals(4, reply.json().path("errors").size(), reply.body());
        assertEquals(before, storedSubmissions(), "a refused report left something behind");
    }

    @Test
    void anUnknownServiceIsNamed() {
        Map<String, Object> report = Reports.missedBin(email());
        report.put("serviceId", "flying-saucer");
        Api.Reply reply = api.post("/requests", report);
        assertEquals(400, reply.status());
        assertTrue(reply.error("serviceId").contains("could not find that service"));
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        Map<String, Object> report = Reports.missedBin(email());
        report.put("description", "x".repeat(70_000));
        Api.Reply reply = api.post("/requests", report);
        assertEquals(413, reply.status());
        assertTrue(reply.json().path("message").asText().contains("too large"));
    }

    @Test
    void anAnonymousReportNeedsNoContactDetails() {
        Map<String, Object> report = Reports.missedBin(email());
        report.remove("contact");
        report.put("preferredChannel", "none");
        assertEquals(201, api.post("/requests", report).status());
    }
}

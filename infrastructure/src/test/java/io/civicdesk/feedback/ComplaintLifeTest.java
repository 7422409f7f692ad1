package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A complaint's life: received, acknowledged and answered by its unit within targets counted in business days,
 * a review asked for from the private link, refused to a supervisor of the same unit and answered by one of
 * another; every step's mail at the local SES.
 */
@DependsOnTheDate
class ComplaintLifeTest {
    private final Api api = TestStack.api();

    private static APIGatewayV2HTTPResponse asStaff(String groups, String unit, String method, String path, String reference, Object body) {
        return FeedbackStack.asStaff(groups, unit, method + " " + path, reference == null ? Map.of() : Map.of("reference", reference),
                Map.of(), body);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        return Json.parseBody(response.getBody());
    }

    @Test
    void aComplaintIsAcknowledgedAnsweredReviewedOutsideItsUnitWithEveryMailAndTargetsInBusinessDays() {
        String email = "complainant+" + UUID.randomUUID() + "@example.com";
        Api.Reply sent = api.post("/feedback", Json.write(Map.of("kind", "complaint",
                        "about", Map.of("serviceId", "missed-bin"),
                        "message", "My bin has been missed three weeks running.",
                        "contact", Map.of("name", "Robin Resident", "email", email))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        String reference = sent.json().path("reference").asText();
        String link = sent.json().path("privateLink").asText();
        String key = FeedbackStack.keyOf(link);

        CatalogStore catalog = FeedbackStack.catalog();
        BusinessCalendar calendar = catalog.calendar(catalog.council().calendarId()).orElseThrow();
        LocalDate today = TestStack.today();
        assertEquals(calendar.addBusinessDays(today, 5).toString(), sent.json().path("targets").path("acknowledgeBy").asText());
        assertEquals(calendar.addBusinessDays(today, 20).toString(), sent.json().path("targets").path("answerBy").asText());
        assertTrue(FeedbackStack.awaitMail(email, "We have received your complaint").text().contains(link), "the first mail carries the private link");

        // Roads cannot touch Waste's complaint; Waste's officer acknowledges it.
        assertEquals(403, asStaff("[officer]", "roads", "POST", "/staff/complaints/{reference}/acknowledge", reference, Map.of()).getStatusCode());
        APIGatewayV2HTTPResponse acknowledged = asStaff("[officer]", "waste", "POST", "/staff/complaints/{reference}/acknowledge",
                reference, Map.of("message", "We are speaking to the collection crew."));
        assertEquals(200, acknowledged.getStatusCode(), acknowledged.getBody());
        assertEquals(0, json(acknowledged).path("acknowledged").path("businessDays").asInt());
        assertTrue(json(acknowledged).path("acknowledged").path("withinTarget").asBoolean());
        FeedbackStack.awaitMail(email, "Your complaint " + FeedbackMails.display(reference) + " has been acknowledged");

        APIGatewayV2HTTPResponse bad = asStaff("[officer]", "waste", "POST", "/staff/complaints/{reference}/answer", reference,
                Map.of("outcome", "maybe"));
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("\"outcome\"") && bad.getBody().contains("\"reasons\""), bad.getBody());
        APIGatewayV2HTTPResponse answered = asStaff("[officer]", "waste", "POST", "/staff/complaints/{reference}/answer", reference,
                Map.of("outcome", "partly-upheld", "reasons", "The crew missed your street twice; the third week the bin was not out."));
        assertEquals(200, answered.getStatusCode(), answered.getBody());
        assertTrue(json(answered).path("answered").path("withinTarget").asBoolean());
        Message answerMail = FeedbackStack.awaitMail(email, "Our answer to your complaint");
        assertTrue(answerMail.text().contains("partly upheld") && answerMail.text().contains("the bin was not out"), answerMail.text());

        // The complainant sees the outcome and asks for a review from the private link; a stranger's key cannot.
        JsonNode view = api.get("/complaints/" + reference, Map.of("X-Private-Key", key)).json();
        assertEquals("answered", view.path("status").asText());
        assertTrue(view.path("reviewRequest").path("possible").asBoolean());
        assertEquals(calendar.addBusinessDays(today, 20).toString(), view.path("reviewRequest").path("by").asText());
        assertEquals(403, api.get("/complaints/" + reference, Map.of("X-Private-Key", key.substring(1) + "A")).status());
        Api.Reply noReason = api.post("/complaints/" + reference + "/review", Json.write(Map.of()), Map.of("X-Private-Key", key));
        assertEquals(400, noReason.status());
        assertNotNull(noReason.error("reason"));
        Api.Reply review = api.post("/complaints/" + reference + "/review",
                Json.write(Map.of("reason", "The bin was out every week; I have photos.")), Map.of("X-Private-Key", key));
        assertEquals(201, review.status(), review.body());
        String reviewReference = review.json().path("review").path("reference").asText();
        assertEquals(409, api.post("/complaints/" + reference + "/review", Json.write(Map.of("reason", "Again")),
                Map.of("X-Private-Key", key)).status(), "one review per complaint");
        FeedbackStack.awaitMail(email, "We have received your request for a review");

        // The review: not for Waste's own supervisor, nor an officer elsewhere; a Roads supervisor answers it.
        assertEquals(403, asStaff("[supervisor]", "waste", "POST", "/staff/complaints/{reference}/answer", reviewReference,
                Map.of("outcome", "not-upheld", "reasons", "Fine as it was.")).getStatusCode());
        assertEquals(403, asStaff("[officer]", "roads", "POST", "/staff/complaints/{reference}/answer", reviewReference,
                Map.of("outcome", "not-upheld", "reasons", "Fine as it was.")).getStatusCode());
        JsonNode openReviews = json(asStaff("[officer supervisor]", "roads", "GET", "/staff/complaints", null, null)).path("reviews");
        assertTrue(openReviews.toString().contains(reviewReference), "the Roads supervisor sees the open review");
        APIGatewayV2HTTPResponse reviewed = asStaff("[officer supervisor]", "roads", "POST", "/staff/complaints/{reference}/answer",
                reviewReference, Map.of("outcome", "upheld", "reasons", "The photos show the bin out each week. We apologise."));
        assertEquals(200, reviewed.getStatusCode(), reviewed.getBody());
        Message reviewMail = FeedbackStack.awaitMail(email, "The outcome of your review");
        assertTrue(reviewMail.text().contains("upheld") && reviewMail.text().contains("outside the unit"), reviewMail.text());

        JsonNode after = api.get("/complaints/" + reference, Map.of("X-Private-Key", key)).json();
        assertEquals("reviewed", after.path("status").asText());
        assertEquals("upheld", after.path("review").path("outcome").asText());
        assertEquals(5, Mailbox.to(email).size(), "received, acknowledged, answered, review received, review answered: "
                + Mailbox.to(email).stream().map(Message::subject).toList());
    }

    @Test
    void aComplaintWithNoWayToReplyOrAboutAnUnknownRequestIsRefusedByField() {
        Api.Reply noEmail = api.post("/feedback", Map.of("kind", "complaint", "about", Map.of("unitId", "waste"), "message", "Rude."));
        assertEquals(400, noEmail.status());
        assertNotNull(noEmail.error("contact.email"));
        Api.Reply unknown = api.post("/feedback", Map.of("kind", "compliment", "about", Map.of("requestReference", "2222-2222"),
                "message", "Thanks"));
        assertEquals(400, unknown.status());
        assertNotNull(unknown.error("about.requestReference"));
        Api.Reply tooLong = api.post("/feedback", Map.of("kind", "suggestion", "about", Map.of("unitId", "parks"),
                "message", "x".repeat(4001)));
        assertNotNull(tooLong.error("message"));
        Api.Reply nothing = api.post("/feedback", Map.of("kind", "praise", "message", "Hi"));
        assertNotNull(nothing.error("kind"));
        assertNotNull(nothing.error("about"));
    }

    @Test
    void aComplimentReachesTheUnitsInboxNamingTheOfficer() {
        String words = "Sam was wonderful " + UUID.randomUUID();
        Api.Reply sent = api.post("/feedback", Map.of("kind", "compliment",
                "about", Map.of("unitId", "parks", "officerName", "Sam Nguyen"), "message", words));
        assertEquals(201, sent.status(), sent.body());
        Message mail = unitMail(words);
        assertTrue(mail.subject().contains("Sam Nguyen"));
    }

    @Test
    void aComplimentNamingAnOfficerInTheDirectoryReachesThemTooWhateverTheCase() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String officerEmail = "officer-" + suffix + "@melaleuca.example";
        new StaffDirectory(FeedbackStack.dynamo(), "CatalogTable").put(new StaffMember("officer-" + suffix, "Robin Ash " + suffix,
                officerEmail, Set.of(StaffCaller.Role.OFFICER), "parks"));
        String words = "Robin was kind " + UUID.randomUUID();
        Api.Reply sent = api.post("/feedback", Map.of("kind", "compliment",
                "about", Map.of("unitId", "parks", "officerName", " robin ASH " + suffix.toUpperCase()), "message", words));
        assertEquals(201, sent.status(), sent.body());

        Message toOfficer = FeedbackStack.awaitMail(officerEmail, "A compliment for you");
        assertTrue(toOfficer.text().contains(words));
        assertNotNull(unitMail(words), "the unit's inbox has its copy as well");
    }

    @Test
    void aComplimentNamingNobodyInTheUnitReachesOnlyTheUnitsInbox() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String officerEmail = "elsewhere-" + suffix + "@melaleuca.example";
        // The same name, but in another unit: a compliment to Parks does not reach Roads' officer.
        new StaffDirectory(FeedbackStack.dynamo(), "CatalogTable").put(new StaffMember("elsewhere-" + suffix, "Kim Lee " + suffix,
                officerEmail, Set.of(StaffCaller.Role.OFFICER), "roads"));
        String words = "Kim was great " + UUID.randomUUID();
        Api.Reply sent = api.post("/feedback", Map.of("kind", "compliment",
                "about", Map.of("unitId", "parks", "officerName", "Kim Lee " + suffix), "message", words));
        assertEquals(201, sent.status(), sent.body());

        assertNotNull(unitMail(words), "the compliment reached the unit's inbox");
        assertTrue(Mailbox.to(officerEmail).isEmpty(), "written in the same transaction, an officer's mail would have gone too");
    }

    private static Message unitMail(String words) {
        return Mailbox.awaitMailTo("parks@melaleuca.example", m -> m.text().contains(words));
    }
}

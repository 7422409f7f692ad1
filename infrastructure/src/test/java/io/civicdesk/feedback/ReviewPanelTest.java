package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Reference;
import io.civicdesk.sla.BusinessCalendar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The complaints review panel on a known data set in May 2011 (a month no other test writes to, with no public
 * holiday in Western Australia): counts by unit, theme and outcome, each step in business days against its target,
 * the open reviews, survey comments newest first filtered by score, the CSV holding the same figures, and 403 for
 * anyone but a supervisor or an administrator.
 */
class ReviewPanelTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private static final Map<String, String> MAY = Map.of("from", "2011-05", "to", "2011-05");
    private static String reviewReference;

    @BeforeAll
    static void knownDataSet() {
        // unit, theme, received, acknowledged, answered, outcome: business days from receipt in the comments.
        complaint("waste", "Bins and waste", day(2), day(3), day(20), "upheld");              // 1 and 14: both in target
        complaint("waste", "Bins and waste", day(2), day(11), LocalDate.of(2011, 6, 1), "not-upheld"); // 7 and 22: both late
        Complaint reviewed = complaint("waste", "Street cleaning", day(5), day(6), day(6), "partly-upheld"); // 1 and 1
        complaint("roads", "Roads and footpaths", day(3), day(3), null, null);                // 0; the answer overdue
        complaint("roads", "Roads and footpaths", day(4), null, null, null);                  // both overdue
        complaint("roads", "Roads and footpaths", LocalDate.of(2011, 4, 28), null, null, null); // April: outside May
        reviewReference = reference();
        FeedbackStack.commit(store().create(new Complaint(reviewReference, reviewed.reference(), "waste", null,
                "Street cleaning", reviewed.about(), "The street is still dirty.", reviewed.contact(), reviewed.language(), false, at(day(9)), Complaint.RECEIVED,
                day(16), LocalDate.of(2011, 6, 6), null, null, null, null, null, null, null, null, "hash", 1)));

        SurveyStore surveys = FeedbackStack.surveys();
        String surveyed = reference();
        FeedbackStack.commit(List.of(
                surveys.invitation(new Survey(Survey.Subject.REQUEST, surveyed, "missed-bin", "Missed bin collection", "waste", at(day(9)),
                        "hash", "hash", null, null)),
                surveys.smiley(UUID.randomUUID().toString(), "waste", "Front counter", new SurveyAnswer(5, null, "Quick and kind"), at(day(12))).named("smiley-5"),
                surveys.smiley(UUID.randomUUID().toString(), "roads", "Front counter", new SurveyAnswer(1, null, "Waited an hour"), at(day(20))).named("smiley-1"),
                surveys.smiley(UUID.randomUUID().toString(), "roads", "Front counter", new SurveyAnswer(2, null, null), at(day(21))).named("smiley-silent")));
        FeedbackStack.commit(List.of(surveys.answer(Survey.Subject.REQUEST, surveyed, new SurveyAnswer(2, 3, "Took two weeks"), at(day(10))).named("answer")));
    }

    @Test
    void countsByUnitThemeAndOutcomeWithEachStepAgainstItsTarget() {
        JsonNode panel = panel("[supervisor]", MAY);
        JsonNode all = panel.path("all");
        assertEquals(5, all.path("received").asInt(), "April's complaint and the review are not counted");
        assertEquals(List.of(1, 1, 1, 2), List.of(all.path("upheld").asInt(), all.path("partlyUpheld").asInt(),
                all.path("notUpheld").asInt(), all.path("notAnswered").asInt()));
        assertTimeliness(all.path("acknowledge"), 4, 3, 2.25, 1);
        assertTimeliness(all.path("answer"), 3, 2, 37 / 3.0, 2);

        JsonNode waste = group(panel.path("byUnit"), "waste");
        assertEquals("Waste Services", waste.path("name").asText());
        assertEquals(List.of(3, 1, 1, 1, 0), List.of(waste.path("received").asInt(), waste.path("upheld").asInt(),
                waste.path("partlyUpheld").asInt(), waste.path("notUpheld").asInt(), waste.path("notAnswered").asInt()));
        assertTimeliness(waste.path("acknowledge"), 3, 2, 3.0, 0);
        JsonNode roads = group(panel.path("byUnit"), "roads");
        assertEquals(2, roads.path("notAnswered").asInt());
        assertTimeliness(roads.path("acknowledge"), 1, 1, 0.0, 1);
        assertTimeliness(roads.path("answer"), 0, 0, null, 2);

        assertEquals(2, group(panel.path("byTheme"), "Bins and waste").path("received").asInt());
        assertEquals(1, group(panel.path("byTheme"), "Street cleaning").path("partlyUpheld").asInt());
        assertEquals(2, group(panel.path("byTheme"), "Roads and footpaths").path("received").asInt());

        assertEquals(6, panel("[admin]", Map.of("from", "2011-04", "to", "2011-05")).path("all").path("received").asInt());
        assertTrue(panel.path("openReviews").toString().contains(reviewReference), "the open review is listed");
    }

    @Test
    void surveyCommentsNewestFirstFilteredByScore() {
        assertEquals(List.of("Waited an hour", "Quick and kind", "Took two weeks"), comments(panel("[supervisor]", MAY)));
        JsonNode unhappy = panel("[supervisor]", Map.of("from", "2011-05", "to", "2011-05", "score", "1,2"));
        assertEquals(List.of("Waited an hour", "Took two weeks"), comments(unhappy));
        assertEquals("online", unhappy.path("comments").get(1).path("channel").asText());
        assertEquals(3, unhappy.path("comments").get(1).path("recommend").asInt());
    }

    @Test
    void theCsvHoldsTheSameFiguresAsADownload() {
        APIGatewayV2HTTPResponse csv = FeedbackStack.asStaff("[supervisor]", "roads", "GET /staff/complaints/panel.csv", Map.of(), MAY, null);
        assertEquals(200, csv.getStatusCode(), csv.getBody());
        assertEquals("text/csv; charset=utf-8", csv.getHeaders().get("content-type"));
        assertEquals("attachment; filename=\"complaints-review-2011-05-to-2011-05.csv\"", csv.getHeaders().get("content-disposition"));
        List<String> lines = Arrays.asList(csv.getBody().split("\r\n"));
        assertTrue(lines.get(0).startsWith("period_start,period_end,group,name,received,upheld,partly_upheld,not_upheld,not_answered,"));
        assertTrue(lines.contains("2011-05,2011-05,all,All units,5,1,1,1,2,4,3,2.3,1,3,2,12.3,2,5,20"), csv.getBody());
        assertTrue(lines.contains("2011-05,2011-05,unit,Waste Services,3,1,1,1,0,3,2,3.0,0,3,2,12.3,0,5,20"), csv.getBody());
        assertTrue(lines.contains("2011-05,2011-05,theme,Roads and footpaths,2,0,0,0,2,1,1,0.0,1,0,0,,2,5,20"), csv.getBody());
        assertTrue(lines.stream().anyMatch(line -> line.contains(FeedbackMails.display(reviewReference))), "the open review");
        int comments = lines.indexOf("answered_at,channel,request_reference,service_or_counter,unit,satisfaction,recommend,comment");
        assertTrue(lines.get(comments + 1).endsWith(",counter,,Front counter,roads,1,,Waited an hour"), lines.get(comments + 1));
    }

    @Test
    void onlySupervisorsAndAdministratorsSeeThePanel() {
        for (String groups : List.of("[officer]", "[account-manager]")) {
            for (String route : List.of("GET /staff/complaints/panel", "GET /staff/complaints/panel.csv")) {
                assertEquals(403, FeedbackStack.asStaff(groups, "waste", route, Map.of(), MAY, null).getStatusCode(), groups + " " + route);
            }
        }
        APIGatewayV2HTTPResponse bad = FeedbackStack.asStaff("[admin]", null, "GET /staff/complaints/panel", Map.of(),
                Map.of("from", "2011-05", "to", "2012-05", "score", "6"), null);
        assertEquals(400, bad.getStatusCode());
        assertTrue(bad.getBody().contains("\"score\""), bad.getBody());
    }

    private static JsonNode panel(String groups, Map<String, String> query) {
        APIGatewayV2HTTPResponse response = FeedbackStack.asStaff(groups, "roads", "GET /staff/complaints/panel", Map.of(), query, null);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return Json.parseBody(response.getBody());
    }

    private static JsonNode group(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (group.path("key").asText().equals(key)) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + groups);
    }

    private static List<String> comments(JsonNode panel) {
        return panel.path("comments").findValuesAsText("comment");
    }

    private static void assertTimeliness(JsonNode step, int done, int withinTarget, Double average, int overdue) {
        assertEquals(done, step.path("done").asInt(), step.toString());
        assertEquals(withinTarget, step.path("withinTarget").asInt(), step.toString());
        if (average == null) {
            assertTrue(step.path("averageBusinessDays").isMissingNode(), step.toString());
        } else {
            assertEquals(average, step.path("averageBusinessDays").asDouble(), 1e-9, step.toString());
        }
        assertEquals(overdue, step.path("overdue").asInt(), step.toString());
    }

    private static LocalDate day(int dayOfMay) {
        return LocalDate.of(2011, 5, dayOfMay);
    }

    /** Ten in the morning in Perth: the same calendar day in UTC, so in the same month's index partition. */
    private static Instant at(LocalDate day) {
        return LocalDateTime.of(day, LocalTime.of(10, 0)).atZone(PERTH).toInstant();
    }

    private static String reference() {
        return Reference.random(new SecureRandom()).value();
    }

    private static ComplaintStore store() {
        return new ComplaintStore(FeedbackStack.dynamo(), FeedbackStack.FEEDBACK);
    }

    private static Complaint complaint(String unit, String theme, LocalDate received, LocalDate acknowledged, LocalDate answered,
                                       String outcome) {
        BusinessCalendar calendar = FeedbackStack.catalog().calendar(FeedbackStack.catalog().council().calendarId()).orElseThrow();
        String status = answered != null ? Complaint.ANSWERED : acknowledged != null ? Complaint.ACKNOWLEDGED : Complaint.RECEIVED;
        Complaint complaint = new Complaint(reference(), null,
                unit, null, theme, new Complaint.About(unit, null, null, null, null), "Complaint", new Contact(null, "c@example.com", null),
                null, false, at(received), status, ComplaintTargets.DEFAULTS.acknowledgeBy(calendar, received),
                ComplaintTargets.DEFAULTS.answerBy(calendar, received), acknowledged == null ? null : at(acknowledged),
                answered == null ? null : at(answered), outcome, outcome == null ? null : "Reasons", null, null, null, null, "hash", 1);
        FeedbackStack.commit(store().create(complaint));
        return complaint;
    }
}

package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resolving a request in the staff workspace opens its survey after service in the same transaction: the resident
 * gets the invitation mail with a working survey link, and a request resolved again after a reopen is not
 * invited twice.
 */
@DependsOnTheDate
class StaffResolveSurveyTest {
    private static final String SUBJECT = "Tell us how we did";

    @Test
    void resolvingARequestSendsTheSurveyInvitationOnce() throws InterruptedException {
        String email = StaffApi.email();
        String reference = StaffApi.residentReport(email);
        StaffApi sam = StaffApi.as(SAM);
        JsonNode resolved = sam.done(reference, Map.of("action", "resolve", "resolution", "Emptied this morning."));
        assertEquals("resolved", resolved.path("status").asText());

        List<Message> invitations = List.of();
        for (int i = 0; i < 75 && invitations.isEmpty(); i++) {
            invitations = surveyMails(email);
            Thread.sleep(200);
        }
        assertEquals(1, invitations.size(), "resolving sends one survey invitation to " + email);
        Matcher link = Pattern.compile("survey\\.html\\?ref=" + reference + "#key=([A-Za-z0-9_-]+)")
                .matcher(invitations.get(0).text());
        assertTrue(link.find(), "the invitation carries the survey link: " + invitations.get(0).text());
        Api.Reply survey = TestStack.api().get("/surveys/" + reference, Map.of("X-Survey-Key", link.group(1)));
        assertEquals(200, survey.status(), survey.body());
        assertTrue(survey.json().path("open").asBoolean(), "the survey is open");

        sam.done(reference, Map.of("action", "reopen"));
        sam.done(reference, Map.of("action", "resolve", "resolution", "Emptied again."));
        Thread.sleep(2000);
        assertEquals(1, surveyMails(email).size(), "a request resolved again is not invited twice");
    }

    private static List<Message> surveyMails(String email) {
        return Mailbox.to(email).stream().filter(m -> m.subject().startsWith(SUBJECT)).toList();
    }
}

package io.civicdesk.feedback;

import io.civicdesk.figures.SurveyFigures;
import io.civicdesk.requests.Contact;
import io.civicdesk.requests.Location;
import io.civicdesk.requests.PreferredChannel;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Satisfaction, NPS and response rate as the day items keep them: invitations and answers counted with ADDs in
 * the answers' own transactions, read back per unit and service over a period.
 */
@DependsOnTheDate
class SatisfactionFiguresTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ServiceRequest request(String unitId, String serviceId) {
        return new ServiceRequest(Reference.random(RANDOM), serviceId, "Test service", unitId, "resolved", TestStack.clock().instant(),
                "Australia/Perth", List.of(),
                new Location("1 Test Street", null, null), null, new Contact(null, null, null), null, PreferredChannel.NONE,
                "online", null, 1, null, null);
    }

    @Test
    void tenInvitedEightAnsweredGiveKnownSatisfactionNpsAndResponseRate() {
        String unit = "figures-" + UUID.randomUUID();
        int[] satisfied = {5, 5, 4, 4, 3, 2, 1, 5};
        int[] recommend = {10, 9, 9, 10, 7, 6, 5, 8};
        SurveyInvitations invitations = FeedbackStack.invitations();
        SurveyService service = FeedbackStack.surveyService();
        for (int i = 0; i < 10; i++) {
            ServiceRequest request = request(unit, "svc-a");
            SurveyInvitations.Invitation invitation = invitations.onResolved(request, TestStack.clock().instant());
            FeedbackStack.commit(invitation.writes());
            if (i < satisfied.length) {
                Map<String, Object> body = new HashMap<>(Map.of("satisfaction", satisfied[i], "recommend", recommend[i]));
                assertEquals(201, service.answer(Survey.Subject.REQUEST, request.reference().value(), FeedbackStack.keyOf(invitation.surveyLink()),
                        SurveyAnswerReader.answer(io.civicdesk.platform.Json.MAPPER.valueToTree(body)), Optional.empty()).status());
            }
        }
        LocalDate today = TestStack.today();
        Map<String, SurveyFigures> figures = FeedbackStack.figures().figures(unit, today.minusDays(1), today.plusDays(1));
        SurveyFigures a = figures.get("svc-a");
        assertEquals(10, a.invited());
        assertEquals(8, a.answered());
        assertEquals(0.625, a.satisfaction(), 1e-9, "5 of 8 gave 4 or 5");
        assertEquals(25.0, a.netPromoterScore(), 1e-9, "4 promoters, 2 detractors of 8");
        assertEquals(0.8, a.responseRate(), 1e-9);
        assertEquals(Map.of(), FeedbackStack.figures().figures(unit, today.plusDays(2), today.plusDays(9)), "other days are empty");
    }
}

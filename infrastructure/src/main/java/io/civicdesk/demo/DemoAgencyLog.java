package io.civicdesk.demo;

import io.civicdesk.agencyissues.AgencyIssue;
import io.civicdesk.agencyissues.AgencyIssueStore;
import io.civicdesk.agencyissues.EscalationTargets;
import io.civicdesk.agencyissues.MeetingNote;
import io.civicdesk.agencyissues.MeetingNoteStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Refused;
import io.civicdesk.sla.BusinessCalendar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The demo libraries' log: one open issue, raised by their business manager a week and a half ago and escalated to
 * the service director since, and the note of last week's service meeting. Seeded again, they stay as they are.
 */
final class DemoAgencyLog {
    private DemoAgencyLog() {
    }

    static void seed(DynamoDbClient dynamo, String catalogTable, LocalDate today) {
        BusinessCalendar weekdays = new BusinessCalendar("weekdays", DemoData.PERTH, BusinessCalendar.MONDAY_TO_FRIDAY, Map.of());
        LocalDate raised = today.minusDays(10);
        LocalDate escalated = today.minusDays(3);
        AgencyIssue issue = new AgencyIssue("libraries", raised.toString().replace("-", "") + "-demo01",
                "Graffiti reports at branch libraries closed late",
                "Graffiti at the Banksia and Wattle branches was reported three times this month and cleaned after the agreed time.",
                "ash.kumar@libraries.example", AgencyIssue.Level.SERVICE_DIRECTOR, false,
                weekdays.addBusinessDays(escalated, EscalationTargets.DEFAULT.days(AgencyIssue.Level.SERVICE_DIRECTOR)),
                List.of(new AgencyIssue.Step(at(raised, 10), "demo-account-manager", "Morgan Taylor", AgencyIssue.Action.RAISED,
                                AgencyIssue.Level.SERVICE_MANAGER, null),
                        new AgencyIssue.Step(at(escalated, 14), "demo-account-manager", "Morgan Taylor", AgencyIssue.Action.ESCALATED,
                                AgencyIssue.Level.SERVICE_DIRECTOR, "The service manager's crew roster does not cover weekends; "
                                + "the service director to decide on a weekend crew.")), 2);
        MeetingNote meeting = new MeetingNote("libraries", "demo01", today.minusDays(7), MeetingNote.Kind.SERVICE_MEETING,
                List.of("Ash Kumar", "Morgan Taylor"), "Reviewed the quarter's graffiti removals against the agreement: "
                + "most within target, weekends the exception.", "Morgan to raise the weekend cover with the service director.",
                "demo-account-manager", at(today.minusDays(7), 15));
        DynamoTransactions transactions = new DynamoTransactions(dynamo);
        for (var write : List.of(new AgencyIssueStore(dynamo, catalogTable).raised(issue),
                new MeetingNoteStore(dynamo, catalogTable).recorded(meeting))) {
            try {
                transactions.commit(List.of(write));
            } catch (Refused seededBefore) {
                // Seeded again onto the same table: kept as it is.
            }
        }
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(DemoData.PERTH).toInstant();
    }
}

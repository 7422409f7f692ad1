package io.civicdesk.reports;

import io.civicdesk.local.LocalStack;
import io.civicdesk.local.ScheduleExpression;
import io.civicdesk.local.template.FunctionDefinition;
import io.civicdesk.local.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The roll-up schedules of template.yaml, as the local stack (and EventBridge Scheduler) reads them: each names
 * its kind in its Input and fires at 07:00 Perth time on the day the period it reports on has just ended.
 */
class RollUpSchedulesTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    @Test
    void weeklyOnMondayMonthlyOnTheFirstQuarterlyOnTheFirstOfAQuarterAllAtSevenInPerth() {
        FunctionDefinition function = SamTemplate.read(LocalStack.findProjectRoot().resolve("template.yaml")).functions().stream()
                .filter(f -> f.logicalId().equals("ServiceLevelReportFunction")).findFirst().orElseThrow();
        Map<String, FunctionDefinition.ScheduleEvent> byInput = function.schedules().stream()
                .collect(Collectors.toMap(event -> event.input().orElseThrow(), event -> event));
        ZonedDateTime after = ZonedDateTime.of(2026, 11, 24, 0, 14, 0, 0, PERTH); // a Tuesday
        assertEquals(ZonedDateTime.of(2026, 11, 30, 7, 0, 0, 0, PERTH), next(byInput.get("{\"kind\":\"weekly\"}"), after));
        assertEquals(ZonedDateTime.of(2026, 12, 1, 7, 0, 0, 0, PERTH), next(byInput.get("{\"kind\":\"monthly\"}"), after));
        assertEquals(ZonedDateTime.of(2027, 1, 1, 7, 0, 0, 0, PERTH), next(byInput.get("{\"kind\":\"quarterly\"}"), after));
        assertEquals(3, byInput.size());
    }

    private static ZonedDateTime next(FunctionDefinition.ScheduleEvent event, ZonedDateTime after) {
        assertEquals("Australia/Perth", event.timeZone().orElseThrow());
        return ScheduleExpression.parse(event.expression(), PERTH).next(after).orElseThrow().withZoneSameInstant(PERTH);
    }
}

package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    /** A Wednesday. */
    private static final ZonedDateTime NOON = ZonedDateTime.of(2026, 11, 25, 12, 0, 30, 0, ZoneOffset.UTC);

    private static ZonedDateTime next(String expression, ZoneId zone, ZonedDateTime after) {
        return ScheduleExpression.parse(expression, zone).next(after).orElseThrow().withZoneSameInstant(zone);
    }

    @Test
    void rateRunsEveryIntervalFromTheLastRun() {
        assertEquals(NOON.plusMinutes(1), ScheduleExpression.parse("rate(1 minute)", ZoneOffset.UTC).next(NOON).orElseThrow());
        assertEquals(NOON.plusHours(6), ScheduleExpression.parse("rate(6 hours)", ZoneOffset.UTC).next(NOON).orElseThrow());
        assertEquals(NOON.plusDays(7), ScheduleExpression.parse("rate(7 days)", ZoneOffset.UTC).next(NOON).orElseThrow());
    }

    @Test
    void weeklyCronRunsOnItsDayAndHourInItsTimeZone() {
        ZonedDateTime run = next("cron(0 8 ? * MON *)", PERTH, NOON);

        assertEquals(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, PERTH), run);
    }

    @Test
    void dayOfWeekNumbersCountFromSunday() {
        assertEquals(next("cron(0 8 ? * MON *)", PERTH, NOON), next("cron(0 8 ? * 2 *)", PERTH, NOON));
    }

    @Test
    void quarterlyCronRunsOnTheFirstOfTheQuarter() {
        ZonedDateTime run = next("cron(0 1 1 JAN,APR,JUL,OCT ? *)", ZoneOffset.UTC, NOON);

        assertEquals(ZonedDateTime.of(2027, 1, 1, 1, 0, 0, 0, ZoneOffset.UTC), run);
    }

    @Test
    void stepsAndRangesSelectTheirValues() {
        assertEquals(ZonedDateTime.of(2026, 11, 25, 12, 15, 0, 0, ZoneOffset.UTC),
                next("cron(0/15 * * * ? *)", ZoneOffset.UTC, NOON));
        assertEquals(ZonedDateTime.of(2026, 11, 26, 9, 0, 0, 0, ZoneOffset.UTC),
                next("cron(0 9-17 ? * MON-FRI *)", ZoneOffset.UTC, NOON.withHour(18)));
    }

    @Test
    void cronForAYearGoneNeverRuns() {
        assertTrue(ScheduleExpression.parse("cron(0 0 1 1 ? 2020)", ZoneOffset.UTC).next(NOON).isEmpty());
    }

    @Test
    void unsupportedExpressionsFailWhenRead() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 L * ? *)", ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 0 ? * 2#1 *)", ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("at(2026-12-01T00:00:00)", ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("rate(0 minutes)", ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse("cron(0 25 * * ? *)", ZoneOffset.UTC));
    }
}

package io.civicdesk.demo;

import io.civicdesk.figures.FiguresStore;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.reports.ReportsWiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's report history, so the service levels dashboard means something on the first sign-in: day figures for
 * the eighteen weeks before this one (a few requests a week in five services, answered and resolved in time more
 * often as the weeks go on), and the weekly and monthly reports of the complete periods among them, made by the
 * real roll-up as its schedule would have made them. Run before the staff directory is written, so nobody is
 * mailed these past reports.
 */
public final class DemoReports {
    private static final ZoneId PERTH = DemoData.PERTH;
    private static final int WEEKS_OF_FIGURES = 18;
    private static final List<String[]> SERVICES = List.of(new String[] {"waste", "missed-bin"},
            new String[] {"waste", "damaged-bin"}, new String[] {"roads", "pothole"}, new String[] {"parks", "graffiti"},
            new String[] {"rangers", "barking-dog"});

    private DemoReports() {
    }

    /** Needs the functions' configuration in place (the stack applies it first): the roll-up is wired from it. */
    public static void seed(DynamoDbClient dynamo, String figuresTable, Clock clock) {
        LocalDate thisMonday = LocalDate.ofInstant(clock.instant(), PERTH).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        FiguresStore figures = new FiguresStore(dynamo, figuresTable);
        Random random = new Random(2026);
        for (int week = WEEKS_OF_FIGURES; week >= 1; week--) {
            LocalDate wednesday = thisMonday.minusWeeks(week).plusDays(2);
            double inTime = 0.95 - week * 0.02;
            for (String[] service : SERVICES) {
                int requests = 2 + random.nextInt(4);
                for (int i = 0; i < requests; i++) {
                    boolean respondedInTime = random.nextDouble() < inTime;
                    boolean resolvedInTime = random.nextDouble() < inTime - 0.1;
                    List<FiguresStore.Change> changes = new ArrayList<>(List.of(new FiguresStore.Received(i % 3 == 0 ? "phone" : "online"),
                            new FiguresStore.Responded(respondedInTime ? 120 : 700, respondedInTime),
                            new FiguresStore.Resolved(resolvedInTime ? 900 : 3000, resolvedInTime, i % 4 == 0)));
                    if (!respondedInTime) {
                        changes.add(new FiguresStore.ResponseBreached());
                    }
                    if (!resolvedInTime) {
                        changes.add(new FiguresStore.ResolutionBreached());
                    }
                    figures.record(service[0], service[1], wednesday, changes);
                }
            }
        }
        for (int week = 8; week >= 0; week--) {
            rollUp(dynamo, ReportPeriod.Kind.WEEKLY, thisMonday.minusWeeks(week));
        }
        LocalDate firstOfMonth = thisMonday.withDayOfMonth(1);
        for (int month = 2; month >= 0; month--) {
            rollUp(dynamo, ReportPeriod.Kind.MONTHLY, firstOfMonth.minusMonths(month));
        }
    }

    /** The roll-up as its schedule runs it at 07:00 on {@code day}: the last complete period before it. */
    private static void rollUp(DynamoDbClient dynamo, ReportPeriod.Kind kind, LocalDate day) {
        Clock morning = Clock.fixed(day.atTime(7, 0).atZone(PERTH).toInstant(), PERTH);
        ReportsWiring.serviceLevelReports(dynamo, morning).run(kind, false);
    }
}

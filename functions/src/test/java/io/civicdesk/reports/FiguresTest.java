package io.civicdesk.reports;

import io.civicdesk.figures.Figures;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FiguresTest {

    @Test
    void satisfactionIsTheShareOfFoursAndFivesAndNpsIsPromotersLessDetractors() {
        Figures figures = new Figures();
        // 10 answers: satisfaction 5,5,4,4,4,3,2,1,5,4 → 7 of 10 are 4 or 5.
        int[] satisfied = {5, 5, 4, 4, 4, 3, 2, 1, 5, 4};
        // recommend 10,9,9,8,7,7,6,3,0,10 → promoters 4, passives 3, detractors 3 → NPS = 40 − 30 = 10.
        int[] recommend = {10, 9, 9, 8, 7, 7, 6, 3, 0, 10};
        for (int i = 0; i < satisfied.length; i++) {
            figures.surveyed(satisfied[i], recommend[i]);
        }
        assertEquals(0.7, figures.satisfaction(), 1e-9);
        assertEquals(10.0, figures.netPromoterScore(), 1e-9);
        assertEquals(10, figures.surveyAnswers());
    }

    @Test
    void sharesAndMixAreOfWhatHappenedAndEmptyFiguresSayNothing() {
        Figures figures = new Figures();
        assertNull(figures.shareResolvedInTime());
        assertNull(figures.netPromoterScore());
        assertNull(figures.resolutionHours(0.5));
        figures.received("online");
        figures.received("online");
        figures.received("phone");
        figures.received("counter");
        figures.resolved(30, true, true);
        figures.resolved(600, false, false);
        figures.responseBreached();
        assertEquals(0.5, figures.shareResolvedInTime());
        assertEquals(0.5, figures.shareResolvedAtFirstContact());
        assertEquals(Map.of("counter", 0.25, "online", 0.5, "phone", 0.25), figures.channelMix());
        assertEquals(1, figures.breaches());
    }

    @Test
    void mergedDaysAreTheSumOfTheirDays() {
        Figures monday = new Figures();
        monday.received("online");
        monday.resolved(60, true, false);
        monday.surveyed(5, 10);
        Figures tuesday = new Figures();
        tuesday.received("phone");
        tuesday.resolved(120, false, true);
        tuesday.resolutionBreached();
        tuesday.surveyed(2, 3);
        Figures both = new Figures();
        both.merge(monday);
        both.merge(tuesday);
        assertEquals(2, both.received());
        assertEquals(2, both.resolved());
        assertEquals(0.5, both.shareResolvedInTime());
        assertEquals(0.5, both.satisfaction());
        assertEquals(0.0, both.netPromoterScore());
        assertEquals(1.0, both.resolutionHours(0.5), 0.01);
        assertEquals(1, both.breaches());
    }

    @Test
    void periodsAreWeeksFromMondayCalendarMonthsAndQuarters() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        assertEquals(new ReportPeriod(ReportPeriod.Kind.WEEKLY, LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)),
                ReportPeriod.lastCompleteBefore(ReportPeriod.Kind.WEEKLY, monday));
        assertEquals(new ReportPeriod(ReportPeriod.Kind.MONTHLY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                ReportPeriod.lastCompleteBefore(ReportPeriod.Kind.MONTHLY, monday));
        ReportPeriod quarter = ReportPeriod.lastCompleteBefore(ReportPeriod.Kind.QUARTERLY, monday);
        assertEquals(new ReportPeriod(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), quarter);
        assertEquals(new ReportPeriod(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)), quarter.previous());
        assertEquals("QUARTERLY-2026-07-01", quarter.key());
    }
}

package io.civicdesk.feedback;

import io.civicdesk.figures.SurveyFigures;
import io.civicdesk.figures.Figures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The survey arithmetic on a known data set: it is Figures', so roll-ups and the review panel agree. */
class SurveyFiguresTest {

    private static SurveyFigures known() {
        SurveyFigures figures = new SurveyFigures();
        figures.invited(20);
        int[] satisfied = {5, 4, 4, 3, 1, 5, 2, 4, 5, 3};
        Integer[] recommend = {10, 9, 8, 6, 0, 10, 3, 7, 9, null};
        for (int i = 0; i < satisfied.length; i++) {
            figures.answered(new SurveyAnswer(satisfied[i], recommend[i], null), false);
        }
        figures.answered(new SurveyAnswer(5, null, "Friendly"), true);
        return figures;
    }

    @Test
    void satisfactionIsTheShareOfFoursAndFives() {
        // Survey: 5,4,4,1,5,2,4,5,3,3 → six 4s and 5s of ten; the counter tap's 5 makes seven of eleven.
        assertEquals(7.0 / 11, known().satisfaction(), 1e-12);
    }

    @Test
    void npsIsPromotersMinusDetractorsOfThoseWhoAnsweredIt() {
        // Nine answered it: promoters 10,9,10,9 (4); detractors 6,0,3 (3); passives 8,7 → 100 × (4 − 3) / 9.
        assertEquals(100.0 / 9, known().netPromoterScore(), 1e-12);
    }

    @Test
    void responseRateCountsAnswersToInvitationsNotCounterTaps() {
        assertEquals(0.5, known().responseRate(), 1e-12);
        assertEquals(1, known().counterTaps());
    }

    @Test
    void mergedIntoARollUpsFiguresTheNumbersAreTheSame() {
        Figures rollUp = new Figures();
        known().addTo(rollUp);
        assertEquals(7.0 / 11, rollUp.satisfaction(), 1e-12);
        assertEquals(100.0 / 9, rollUp.netPromoterScore(), 1e-12);
        assertEquals(11, rollUp.surveyAnswers());
    }

    @Test
    void withoutAnswersThereIsNoFigure() {
        SurveyFigures none = new SurveyFigures();
        assertNull(none.satisfaction());
        assertNull(none.netPromoterScore());
        assertNull(none.responseRate());
    }
}

package io.civicdesk.figures;


import java.util.Map;
import java.util.TreeMap;

/**
 * Survey counts for one unit and service over some days, as the day items keep them: invitations, answers,
 * and how many gave each score. The arithmetic (satisfaction, NPS) is {@link Figures}', so a service-level
 * roll-up that merges these counts into its own figures shows the same numbers as the review panel.
 */
public final class SurveyFigures {
    long invited;
    long answered;
    long counterTaps;
    final Map<Integer, Long> satisfaction = new TreeMap<>();
    final Map<Integer, Long> recommend = new TreeMap<>();

    public void invited(long n) {
        invited += n;
    }

    /** An answer to an invitation, or ({@code atCounter}) a tap on the counter tablet, which had no invitation. */
    public void answered(Scored answer, boolean atCounter) {
        if (atCounter) {
            counterTaps++;
        } else {
            answered++;
        }
        satisfaction.merge(answer.satisfaction(), 1L, Long::sum);
        if (answer.recommend() != null) {
            recommend.merge(answer.recommend(), 1L, Long::sum);
        }
    }

    void add(long invited, long answered, long counterTaps, Map<Integer, Long> satisfaction, Map<Integer, Long> recommend) {
        this.invited += invited;
        this.answered += answered;
        this.counterTaps += counterTaps;
        satisfaction.forEach((score, n) -> this.satisfaction.merge(score, n, Long::sum));
        recommend.forEach((score, n) -> this.recommend.merge(score, n, Long::sum));
    }

    public void merge(SurveyFigures other) {
        add(other.invited, other.answered, other.counterTaps, other.satisfaction, other.recommend);
    }

    /** Adds these answers to a roll-up's figures. */
    public void addTo(Figures figures) {
        satisfaction.forEach((score, n) -> {
            for (long i = 0; i < n; i++) {
                figures.surveyed(score, null);
            }
        });
        recommend.forEach((score, n) -> {
            for (long i = 0; i < n; i++) {
                figures.surveyed(null, score);
            }
        });
    }

    private Figures figures() {
        Figures figures = new Figures();
        addTo(figures);
        return figures;
    }

    public long invited() {
        return invited;
    }

    public long answered() {
        return answered;
    }

    public long counterTaps() {
        return counterTaps;
    }

    /** Share of answers that were 4 or 5 out of 5, 0–1; null without answers. */
    public Double satisfaction() {
        return figures().satisfaction();
    }

    /** % scoring 9–10 minus % scoring 0–6, −100 to 100; null without answers. */
    public Double netPromoterScore() {
        return figures().netPromoterScore();
    }

    /** Answers per invitation, 0–1; null when nobody was invited (counter taps are not answers to invitations). */
    public Double responseRate() {
        return invited == 0 ? null : (double) answered / invited;
    }
}

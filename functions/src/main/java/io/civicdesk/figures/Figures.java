package io.civicdesk.figures;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts and durations for a set of requests — one service in one unit on one day as they are kept, or any
 * sum of those for a report. Everything here adds up: two days' figures merged are the figures of both days,
 * which is what lets a quarter be rolled up from a few hundred day items instead of every request.
 */
public final class Figures {
    long received;
    long responded;
    long respondedInTime;
    long resolved;
    long resolvedInTime;
    long responseBreaches;
    long resolutionBreaches;
    long firstContactResolutions;
    final Map<String, Long> channels = new TreeMap<>();
    final Map<Integer, Long> satisfaction = new TreeMap<>();
    final Map<Integer, Long> recommend = new TreeMap<>();
    final DurationSketch responseMinutes;
    final DurationSketch resolutionMinutes;

    public Figures() {
        this(new DurationSketch(), new DurationSketch());
    }

    Figures(DurationSketch responseMinutes, DurationSketch resolutionMinutes) {
        this.responseMinutes = responseMinutes;
        this.resolutionMinutes = resolutionMinutes;
    }

    public void received(String channel) {
        received++;
        channels.merge(channel, 1L, Long::sum);
    }

    public void responded(double businessMinutes, boolean inTime) {
        responded++;
        if (inTime) {
            respondedInTime++;
        }
        responseMinutes.add(businessMinutes);
    }

    public void resolved(double businessMinutes, boolean inTime, boolean atFirstContact) {
        resolved++;
        if (inTime) {
            resolvedInTime++;
        }
        if (atFirstContact) {
            firstContactResolutions++;
        }
        resolutionMinutes.add(businessMinutes);
    }

    public void responseBreached() {
        responseBreaches++;
    }

    public void resolutionBreached() {
        resolutionBreaches++;
    }

    /** A survey answer: satisfaction 1–5 and how likely to recommend 0–10, either may be missing (null). */
    public void surveyed(Integer satisfied, Integer likelyToRecommend) {
        if (satisfied != null) {
            satisfaction.merge(satisfied, 1L, Long::sum);
        }
        if (likelyToRecommend != null) {
            recommend.merge(likelyToRecommend, 1L, Long::sum);
        }
    }

    public void merge(Figures other) {
        received += other.received;
        responded += other.responded;
        respondedInTime += other.respondedInTime;
        resolved += other.resolved;
        resolvedInTime += other.resolvedInTime;
        responseBreaches += other.responseBreaches;
        resolutionBreaches += other.resolutionBreaches;
        firstContactResolutions += other.firstContactResolutions;
        other.channels.forEach((channel, n) -> channels.merge(channel, n, Long::sum));
        other.satisfaction.forEach((score, n) -> satisfaction.merge(score, n, Long::sum));
        other.recommend.forEach((score, n) -> recommend.merge(score, n, Long::sum));
        responseMinutes.merge(other.responseMinutes);
        resolutionMinutes.merge(other.resolutionMinutes);
    }

    public long received() {
        return received;
    }

    public long resolved() {
        return resolved;
    }

    public long breaches() {
        return responseBreaches + resolutionBreaches;
    }

    /** Share of first responses within target, 0–1; null when nothing was responded to. */
    public Double shareRespondedInTime() {
        return share(respondedInTime, responded);
    }

    public Double shareResolvedInTime() {
        return share(resolvedInTime, resolved);
    }

    public Double shareResolvedAtFirstContact() {
        return share(firstContactResolutions, resolved);
    }

    /** Resolution time percentile in business hours (within {@link DurationSketch#RELATIVE_ERROR}); null if none. */
    public Double resolutionHours(double quantile) {
        return hours(resolutionMinutes, quantile);
    }

    public Double responseHours(double quantile) {
        return hours(responseMinutes, quantile);
    }

    /** Share of survey answers that were 4 or 5 out of 5. */
    public Double satisfaction() {
        long answers = total(satisfaction);
        return share(satisfaction.getOrDefault(4, 0L) + satisfaction.getOrDefault(5, 0L), answers);
    }

    /** Net Promoter Score: % scoring 9–10 minus % scoring 0–6, from −100 to 100; null without answers. */
    public Double netPromoterScore() {
        long answers = total(recommend);
        if (answers == 0) {
            return null;
        }
        long promoters = recommend.getOrDefault(9, 0L) + recommend.getOrDefault(10, 0L);
        long detractors = recommend.entrySet().stream().filter(entry -> entry.getKey() <= 6).mapToLong(Map.Entry::getValue).sum();
        return 100.0 * (promoters - detractors) / answers;
    }

    public long surveyAnswers() {
        return Math.max(total(satisfaction), total(recommend));
    }

    /** The channels anything came in by. */
    public Set<String> channels() {
        return Collections.unmodifiableSet(channels.keySet());
    }

    /** Each channel's share of what was received, 0–1. */
    public Map<String, Double> channelMix() {
        Map<String, Double> mix = new TreeMap<>();
        channels.forEach((channel, n) -> mix.put(channel, (double) n / received));
        return mix;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static long total(Map<Integer, Long> scores) {
        return scores.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Double hours(DurationSketch sketch, double quantile) {
        return sketch.count() == 0 ? null : sketch.quantile(quantile) / 60;
    }
}

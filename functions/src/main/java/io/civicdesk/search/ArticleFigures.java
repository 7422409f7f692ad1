package io.civicdesk.search;

/** One article's outcomes over a period (or every article's together, {@code articleId} null). */
public record ArticleFigures(String articleId, String title, long helpful, long notHelpful, long read,
                             long reportedAfterReading) {

    public ArticleFigures plus(ArticleFigures other) {
        return new ArticleFigures(articleId, title, helpful + other.helpful, notHelpful + other.notHelpful,
                read + other.read, reportedAfterReading + other.reportedAfterReading);
    }

    public ArticleFigures titled(String name) {
        return new ArticleFigures(articleId, name, helpful, notHelpful, read, reportedAfterReading);
    }

    /**
     * The share of residents who read it and did not go on to report: 1 − reported-after-reading / read; null when
     * nobody read it. A report is counted once per article read in the tab, so it cannot exceed the reads but for
     * a read whose count was lost: the share never falls below 0.
     */
    public Double readWithoutReporting() {
        if (read == 0) {
            return null;
        }
        return Math.max(0, 1 - (double) reportedAfterReading / read);
    }
}

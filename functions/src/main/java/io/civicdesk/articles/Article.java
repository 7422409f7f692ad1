package io.civicdesk.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a knowledge-base article: how a process works, what a caller should be asked, or a unit's page
 * in the address book. The body is Markdown, shown only through {@link Markdown}. {@code serviceIds} are the
 * services it belongs to (none: it is about the council or the unit as a whole); {@code unitId} owns it.
 */
public record Article(String articleId, ArticleKind kind, Audience audience, String title, String summary,
                      String body, List<String> serviceIds, String unitId, LocalDate reviewBy, int version,
                      Instant changedAt, String changedBy) {
    public static final int TITLE_MAX = 120;
    public static final int SUMMARY_MAX = 300;
    public static final int BODY_MAX = 20_000;
    public static final int MOST_SERVICES = 20;

    public Article {
        serviceIds = List.copyOf(serviceIds);
    }

    /** Whether a resident may read it; a staff-only article never leaves through a resident route. */
    public boolean forResidents() {
        return audience == Audience.RESIDENTS;
    }

    /** The same words, services, unit and dates as another version: saving it again would change nothing. */
    public boolean sameContent(Article other) {
        return kind == other.kind && audience == other.audience && title.equals(other.title)
                && summary.equals(other.summary) && body.equals(other.body) && serviceIds.equals(other.serviceIds)
                && unitId.equals(other.unitId) && java.util.Objects.equals(reviewBy, other.reviewBy);
    }
}

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

    public Article {
        serviceIds = List.copyOf(serviceIds);
    }

    /** Whether a resident may read it; a staff-only article never leaves through a resident route. */
    public boolean forResidents() {
        return audience == Audience.RESIDENTS;
    }

    /** Past the date its unit promised to look at it again. */
    public boolean dueForReview(LocalDate today) {
        return reviewBy != null && reviewBy.isBefore(today);
    }
}

package io.civicdesk.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an article stands: its latest version (a draft when it is newer than the published one), the version
 * residents and staff read, and who last changed it. {@code revision} moves on with every change, so two editors
 * cannot overwrite each other. The title, unit, audience and services are the latest version's, for the lists.
 */
public record ArticleState(String articleId, String title, ArticleKind kind, Audience audience, String unitId,
                           List<String> serviceIds, Status status, int latestVersion, Integer publishedVersion,
                           LocalDate reviewBy, int revision, Instant changedAt, String changedBy) {

    public enum Status {
        /** Never published: only staff of its unit see it. */
        DRAFT("draft"),
        /** Readable at its published version; a newer draft may be waiting. */
        PUBLISHED("published"),
        /** Taken down: nobody reads it until it is published again. */
        RETIRED("retired");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Status fromCode(String code) {
            for (Status status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("No article status " + code);
        }
    }

    public ArticleState {
        serviceIds = List.copyOf(serviceIds);
    }

    /** A version newer than the published one is waiting to be published. */
    public boolean hasDraft() {
        return publishedVersion == null || latestVersion > publishedVersion;
    }

    /** Past the date its unit promised to look at it again, and still read by someone. */
    public boolean dueForReview(LocalDate today) {
        return status == Status.PUBLISHED && reviewBy != null && reviewBy.isBefore(today);
    }
}

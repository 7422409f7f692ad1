package io.civicdesk.responses;

import io.civicdesk.languages.Language;

/** A template as an editor sent it ({@link ResponseReader#draft}), shape checked; {@code version} is the one they read. */
public record ResponseDraft(String title, ResponseUse use, String serviceId, String status, Language language, String text,
                            int version) {
}

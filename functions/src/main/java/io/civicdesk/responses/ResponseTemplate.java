package io.civicdesk.responses;

import io.civicdesk.languages.Language;

import java.time.Instant;

/**
 * Words an officer starts from when writing to a resident, with placeholders ({@link Placeholders}) for what
 * differs each time. {@code serviceId} and {@code status} narrow where it is offered (null: any service, any
 * status; a status only for {@link ResponseUse#REQUEST}). Version 0 is a product default never saved by the council.
 */
public record ResponseTemplate(String templateId, String title, ResponseUse use, String serviceId, String status,
                               Language language, String text, boolean retired, int version, Instant changedAt,
                               String changedBy) {
    public static final int MAX_TITLE = 120;
    public static final int MAX_TEXT = 2000;

    public ResponseTemplate saved(int newVersion, Instant at, String by) {
        return new ResponseTemplate(templateId, title, use, serviceId, status, language, text, false, newVersion, at, by);
    }

    public ResponseTemplate retiredBy(Instant at, String by) {
        return new ResponseTemplate(templateId, title, use, serviceId, status, language, text, true, version + 1, at, by);
    }

    /** Whether it is offered for this use, service and status. */
    boolean fits(ResponseUse wanted, String forService, String forStatus) {
        return !retired && use == wanted && (serviceId == null || serviceId.equals(forService))
                && (status == null || status.equals(forStatus));
    }
}

package io.civicdesk.feedback;

import io.civicdesk.platform.Config;
import io.civicdesk.sla.BusinessCalendar;

import java.time.LocalDate;

/**
 * A complaint's own standard, in business days of the council's calendar: acknowledged within
 * {@code acknowledgeDays}, answered within {@code answerDays}, and a review may be asked for within
 * {@code reviewWindowDays} of the answer. Configured by COMPLAINT_ACKNOWLEDGE_DAYS, COMPLAINT_ANSWER_DAYS and
 * COMPLAINT_REVIEW_WINDOW_DAYS; 5, 20 and 20 when unset.
 */
public record ComplaintTargets(int acknowledgeDays, int answerDays, int reviewWindowDays) {
    public static final ComplaintTargets DEFAULTS = new ComplaintTargets(5, 20, 20);

    public ComplaintTargets {
        if (acknowledgeDays < 0 || answerDays < acknowledgeDays || reviewWindowDays < 1) {
            throw new IllegalArgumentException("Complaint targets must be 0 ≤ acknowledge ≤ answer, and a review window of a day or more");
        }
    }

    public static ComplaintTargets fromConfig() {
        return new ComplaintTargets(days("COMPLAINT_ACKNOWLEDGE_DAYS", DEFAULTS.acknowledgeDays),
                days("COMPLAINT_ANSWER_DAYS", DEFAULTS.answerDays), days("COMPLAINT_REVIEW_WINDOW_DAYS", DEFAULTS.reviewWindowDays));
    }

    private static int days(String name, int fallback) {
        String value = Config.optional(name);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    public LocalDate acknowledgeBy(BusinessCalendar calendar, LocalDate received) {
        return calendar.addBusinessDays(received, acknowledgeDays);
    }

    public LocalDate answerBy(BusinessCalendar calendar, LocalDate received) {
        return calendar.addBusinessDays(received, answerDays);
    }

    public LocalDate reviewRequestBy(BusinessCalendar calendar, LocalDate answered) {
        return calendar.addBusinessDays(answered, reviewWindowDays);
    }
}

package io.civicdesk.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;

/** Reads which roll-up to run, {@code {kind, resend}}: from a schedule's Input, or an administrator's "run now". */
public final class ReportRunReader {
    private ReportRunReader() {
    }

    /** A roll-up to run: its kind of period, and whether to mail those who have had it again. */
    public record Run(ReportPeriod.Kind kind, boolean resend) {
    }

    /** The schedule's Input, e.g. {@code {"kind":"weekly"}}; a schedule naming no kind is a deployment mistake. */
    public static Run fromSchedule(JsonNode event) {
        ReportPeriod.Kind kind = kind(event);
        if (kind == null) {
            throw new IllegalArgumentException("The schedule's Input names no report kind (weekly, monthly or quarterly)");
        }
        return new Run(kind, event.path("resend").asBoolean(false));
    }

    /** An administrator's request: a 400 naming the field when the kind or resend is wrong. */
    public static Run fromRequest(JsonNode body) {
        ReportPeriod.Kind kind = kind(body);
        if (kind == null) {
            throw Refusal.invalid("kind", "Choose weekly, monthly or quarterly.");
        }
        JsonNode resend = body.path("resend");
        if (!resend.isMissingNode() && !resend.isNull() && !resend.isBoolean()) {
            throw Refusal.invalid("resend", "resend is true or false.");
        }
        return new Run(kind, resend.booleanValue());
    }

    private static ReportPeriod.Kind kind(JsonNode body) {
        return ReportPeriod.Kind.named(body.path("kind").asText("")).orElse(null);
    }
}

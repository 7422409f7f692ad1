package io.civicdesk.agencyreports;

import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;
import io.civicdesk.reports.ReportPeriod;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code GET /staff/agency-benchmarks?kind=&from=&serviceId=}: the kind of period (quarterly when absent),
 * a day in it (the last complete one when absent) and one service (every service when absent).
 */
public final class AgencyBenchmarkReader {
    private AgencyBenchmarkReader() {
    }

    public static AgencyBenchmarks.Query query(String kind, String from, String serviceId) {
        List<FieldError> errors = new ArrayList<>();
        ReportPeriod.Kind read = blank(kind) ? ReportPeriod.Kind.QUARTERLY : ReportPeriod.Kind.named(kind).orElse(null);
        if (read == null) {
            errors.add(new FieldError("kind", "Choose weekly, monthly or quarterly."));
        }
        LocalDate day = null;
        if (!blank(from)) {
            try {
                day = LocalDate.parse(from.strip());
            } catch (DateTimeParseException notADay) {
                errors.add(new FieldError("from", "Give a day of the period as YYYY-MM-DD, or none for the last complete one."));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new AgencyBenchmarks.Query(read, day, blank(serviceId) ? null : serviceId.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

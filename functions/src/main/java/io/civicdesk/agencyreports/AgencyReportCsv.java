package io.civicdesk.agencyreports;

import io.civicdesk.figures.Figures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * An agency's report as CSV, one row per service: its own rows only. Shares are percentages, times business
 * hours, charges dollars. Written by Commons CSV (RFC 4180 quoting), with the cells a spreadsheet would run as a
 * formula made plain text first.
 */
public final class AgencyReportCsv {
    static final String[] HEADER = {"agency", "period_start", "period_end", "agreement_version", "service", "received",
            "received_previous", "received_change_pct", "resolved", "open", "response_in_target_pct",
            "resolution_in_target_pct", "p50_resolution_hours", "p90_resolution_hours", "p50_response_hours",
            "p90_response_hours", "breaches", "charged_dollars"};

    private AgencyReportCsv() {
    }

    public static String write(AgencyReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (AgencyReport.Line line : report.lines()) {
                Figures now = line.current();
                csv.printRecord(plain(report.agencyName()), report.period().first(), report.period().last(),
                        report.agreementVersion(), plain(line.serviceName()), now.received(), line.previous().received(),
                        percent(line.receivedChange()), now.resolved(), line.open(), percent(now.shareRespondedInTime()),
                        percent(now.shareResolvedInTime()), number(now.resolutionHours(0.5)), number(now.resolutionHours(0.9)),
                        number(now.responseHours(0.5)), number(now.responseHours(0.9)), now.breaches(),
                        report.priceCents() == null ? "" : String.format(Locale.ROOT, "%.2f", report.priceCents() * now.resolved() / 100.0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A name a spreadsheet would read as a formula (=, +, -, @) is made text with a leading apostrophe. */
    private static String plain(String text) {
        return text != null && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static String percent(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.1f", share * 100);
    }

    static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}

package io.civicdesk.agencyreports;

import io.civicdesk.agencies.Agency;
import io.civicdesk.platform.Dates;

import java.time.LocalDate;
import java.util.Locale;

import static io.civicdesk.platform.Html.escape;

/**
 * A stored report sent again: its headline figures as stored and the CSV as it was first mailed, so a resend never
 * tells a different story from the first mail, however the day figures changed since.
 */
final class StoredReportMail {
    private StoredReportMail() {
    }

    static String subject(Agency agency, AgencyReportStore.Stored report) {
        return agency.name() + ": service levels, " + Dates.spoken(report.period().first()) + " to "
                + Dates.spoken(report.period().last()) + " (sent again)";
    }

    private static String headline(AgencyReportStore.Stored report) {
        StringBuilder text = new StringBuilder().append(report.received()).append(" requests received, ")
                .append(percent(report.resolutionInTime())).append(" resolved within target, ")
                .append(percent(report.responseInTime())).append(" answered within target; ")
                .append(report.open()).append(" open when the report was made.");
        if (report.chargedCents() != null) {
            text.append(String.format(Locale.ROOT, " Work charged: $%.2f.", report.chargedCents() / 100.0));
        }
        return text.toString();
    }

    private static String attached(AgencyReportStore.Stored report, LocalDate firstSent) {
        return "The figures by service are attached as a CSV file, as first sent on " + Dates.spoken(firstSent) + ", against version "
                + report.agreementVersion() + " of the agreement.";
    }

    static String text(Agency agency, AgencyReportStore.Stored report, LocalDate firstSent, String unsubscribeLink) {
        return subject(agency, report) + "\n\n" + headline(report) + "\n\n" + attached(report, firstSent) + "\n"
                + (unsubscribeLink == null ? "" : "\nTo stop these reports: " + unsubscribeLink + "\n");
    }

    static String html(Agency agency, AgencyReportStore.Stored report, LocalDate firstSent, String unsubscribeLink) {
        return "<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;font-size:16px;"
                + "line-height:1.4;color:#0b0c0c\"><h1 style=\"font-size:22px\">" + escape(subject(agency, report))
                + "</h1><p>" + escape(headline(report)) + "</p><p>" + escape(attached(report, firstSent)) + "</p>"
                + (unsubscribeLink == null ? "" : "<p><a href=\"" + escape(unsubscribeLink) + "\">Stop these reports</a></p>")
                + "</body></html>";
    }

    private static String percent(Double share) {
        return share == null ? "none counted" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}

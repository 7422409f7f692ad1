package io.civicdesk.agencyreports;

import io.civicdesk.figures.Figures;
import io.civicdesk.platform.Dates;

import java.util.Locale;

import static io.civicdesk.platform.Html.escape;

/**
 * An agency's report as a mail: a sentence of the whole, then a table of its services — plain HTML tables that every
 * mail program draws alike and a screen reader reads as a table. A contact's mail ends with their unsubscribe link.
 */
public final class AgencyReportMail {
    private AgencyReportMail() {
    }

    public static String subject(AgencyReport report) {
        return report.agencyName() + ": service levels, " + period(report);
    }

    private static String period(AgencyReport report) {
        return Dates.spoken(report.period().first()) + " to " + Dates.spoken(report.period().last());
    }

    private static String headline(AgencyReport report) {
        Figures total = report.total();
        StringBuilder text = new StringBuilder().append(report.received()).append(" requests received, ")
                .append(total.resolved()).append(" resolved, ").append(percent(total.shareResolvedInTime()))
                .append(" resolved within target; ").append(report.open()).append(" open now.");
        if (report.chargedCents() != null) {
            text.append(String.format(Locale.ROOT, " Work charged: $%.2f.", report.chargedCents() / 100.0));
        }
        return text.toString();
    }

    public static String text(AgencyReport report, String unsubscribeLink) {
        StringBuilder text = new StringBuilder(subject(report)).append("\n\n").append(headline(report)).append("\n\n");
        for (AgencyReport.Line line : report.lines()) {
            Figures now = line.current();
            text.append(line.serviceName()).append(": ").append(now.received()).append(" received (")
                    .append(change(line.receivedChange())).append("), ").append(percent(now.shareResolvedInTime()))
                    .append(" resolved within target, median ").append(hours(now.resolutionHours(0.5))).append(", 90% within ")
                    .append(hours(now.resolutionHours(0.9))).append(", ").append(line.open()).append(" open\n");
        }
        text.append("\nThe figures are attached as a CSV file, against version ").append(report.agreementVersion())
                .append(" of the agreement.\n");
        if (unsubscribeLink != null) {
            text.append("\nTo stop these reports: ").append(unsubscribeLink).append('\n');
        }
        return text.toString();
    }

    public static String html(AgencyReport report, String unsubscribeLink) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;"
                + "font-size:16px;line-height:1.4;color:#0b0c0c\"><h1 style=\"font-size:22px\">").append(escape(subject(report)))
                .append("</h1><p>").append(escape(headline(report))).append("</p>")
                .append("<table style=\"border-collapse:collapse\"><caption style=\"text-align:left;font-weight:bold\">By service</caption><tr>");
        for (String heading : new String[] {"Service", "Received", "Change", "Within target", "Median", "90% within", "Open"}) {
            html.append("<th scope=\"col\" style=\"text-align:left;padding:4px 8px;border-bottom:1px solid #b1b4b6\">").append(heading).append("</th>");
        }
        html.append("</tr>");
        for (AgencyReport.Line line : report.lines()) {
            Figures now = line.current();
            html.append("<tr><th scope=\"row\" style=\"text-align:left;padding:4px 8px\">").append(escape(line.serviceName())).append("</th>");
            for (String cell : new String[] {Long.toString(now.received()), change(line.receivedChange()),
                    percent(now.shareResolvedInTime()), hours(now.resolutionHours(0.5)), hours(now.resolutionHours(0.9)),
                    Long.toString(line.open())}) {
                html.append("<td style=\"padding:4px 8px\">").append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table><p>The figures are attached as a CSV file, against version ").append(report.agreementVersion())
                .append(" of the agreement.</p>");
        if (unsubscribeLink != null) {
            html.append("<p><a href=\"").append(escape(unsubscribeLink)).append("\">Stop these reports</a></p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String percent(Double share) {
        return share == null ? "none counted" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String change(Double share) {
        return share == null ? "none last period" : String.format(Locale.ROOT, "%+.1f%% on last period", share * 100);
    }

    private static String hours(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f business hours", value);
    }
}

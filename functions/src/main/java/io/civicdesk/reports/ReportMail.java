package io.civicdesk.reports;

import io.civicdesk.platform.Dates;

import java.util.List;
import java.util.Locale;

import static io.civicdesk.platform.Html.escape;

/**
 * The report as a mail: a chart of the share resolved within target per unit, and the figures per unit and
 * service. The chart is table cells with background colours and the value written beside each bar — what
 * Outlook, Gmail and Apple Mail all draw the same way (no SVG, no images to block, no scripts), and it still
 * reads as text to a screen reader or with colours off.
 */
public final class ReportMail {
    private static final String INK = "#0b0c0c";
    private static final String BAR = "#1d70b8";
    private static final String TRACK = "#f3f2f1";
    private static final int BAR_WIDTH = 240;

    private ReportMail() {
    }

    public static String subject(ServiceLevelReport report) {
        return report.councilName() + " service levels, " + period(report.period());
    }

    public static String html(ServiceLevelReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en-AU\"><body style=\"margin:0;padding:16px;font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:")
                .append(INK).append("\">");
        html.append("<h1 style=\"font-size:22px;margin:0 0 4px\">").append(escape(subject(report))).append("</h1>");
        Figures all = report.allUnits().current();
        html.append("<p style=\"margin:0 0 16px\">").append(all.received()).append(" requests received, ")
                .append(all.resolved()).append(" resolved, ").append(report.allUnits().backlog().open())
                .append(" still open. ").append(percent(all.shareResolvedInTime())).append(" resolved within target.</p>");

        html.append("<h2 style=\"font-size:18px;margin:16px 0 8px\">Resolved within target, by unit</h2>");
        html.append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\">");
        for (ServiceLevelReport.Line unit : report.units()) {
            Double share = unit.current().shareResolvedInTime();
            int filled = share == null ? 0 : (int) Math.round(share * BAR_WIDTH);
            html.append("<tr><td style=\"padding:4px 12px 4px 0;white-space:nowrap\">").append(escape(unit.unitName())).append("</td>")
                    .append("<td style=\"padding:4px 0\"><table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" width=\"")
                    .append(BAR_WIDTH).append("\"><tr>");
            if (filled > 0) {
                html.append("<td width=\"").append(filled).append("\" height=\"16\" bgcolor=\"").append(BAR)
                        .append("\" style=\"background:").append(BAR).append("\"></td>");
            }
            if (filled < BAR_WIDTH) {
                html.append("<td width=\"").append(BAR_WIDTH - filled).append("\" height=\"16\" bgcolor=\"").append(TRACK)
                        .append("\" style=\"background:").append(TRACK).append("\"></td>");
            }
            html.append("</tr></table></td><td style=\"padding:4px 0 4px 12px;font-weight:bold\">").append(percent(share))
                    .append("</td></tr>");
        }
        html.append("</table>");

        html.append("<h2 style=\"font-size:18px;margin:24px 0 8px\">Figures</h2>");
        html.append("<table cellpadding=\"6\" cellspacing=\"0\" style=\"border-collapse:collapse;font-size:14px\">");
        html.append("<tr>");
        for (String heading : List.of("Unit", "Service", "Received", "Change", "Resolved", "Open", "Response in target",
                "Resolution in target", "Median hours", "90th percentile hours", "Breaches", "Satisfaction", "NPS")) {
            html.append("<th scope=\"col\" style=\"text-align:left;border-bottom:2px solid ").append(INK).append("\">")
                    .append(heading).append("</th>");
        }
        html.append("</tr>");
        for (ServiceLevelReport.Line line : report.services()) {
            row(html, line, false);
        }
        for (ServiceLevelReport.Line line : report.units()) {
            row(html, line, true);
        }
        row(html, report.allUnits(), true);
        html.append("</table>");
        html.append("<p style=\"font-size:14px;margin-top:16px\">Times are business hours, counted only while the council is open. ")
                .append("Percentiles are within ").append(Math.round(DurationSketch.RELATIVE_ERROR * 100))
                .append("%. The figures are attached as a CSV file.</p>");
        return html.append("</body></html>").toString();
    }

    public static String text(ServiceLevelReport report) {
        StringBuilder text = new StringBuilder(subject(report)).append("\n\n");
        for (ServiceLevelReport.Line unit : report.units()) {
            Figures figures = unit.current();
            text.append(unit.unitName()).append(": ").append(figures.received()).append(" received, ")
                    .append(figures.resolved()).append(" resolved, ").append(percent(figures.shareResolvedInTime()))
                    .append(" within target, ").append(unit.backlog().open()).append(" open\n");
        }
        return text.append("\nThe figures are attached as a CSV file.\n").toString();
    }

    private static void row(StringBuilder html, ServiceLevelReport.Line line, boolean total) {
        Figures now = line.current();
        String weight = total ? "font-weight:bold;" : "";
        html.append("<tr>");
        for (String cell : List.of(line.unitName(), line.serviceName() == null ? "All services" : line.serviceName(),
                Long.toString(now.received()), signed(line.receivedChange()), Long.toString(now.resolved()),
                Long.toString(line.backlog().open()), percent(now.shareRespondedInTime()), percent(now.shareResolvedInTime()),
                hours(now.resolutionHours(0.5)), hours(now.resolutionHours(0.9)), Long.toString(now.breaches()),
                percent(now.satisfaction()), now.netPromoterScore() == null ? "–" : String.format(Locale.ROOT, "%+.0f", now.netPromoterScore()))) {
            html.append("<td style=\"").append(weight).append("border-bottom:1px solid #b1b4b6\">").append(escape(cell)).append("</td>");
        }
        html.append("</tr>");
    }

    private static String period(ReportPeriod period) {
        return Dates.spoken(period.first()) + " to " + Dates.spoken(period.last());
    }

    private static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }

    private static String signed(Double change) {
        return change == null ? "–" : String.format(Locale.ROOT, "%+d%%", Math.round(change * 100));
    }

    private static String hours(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}

package io.civicdesk.reports;

import io.civicdesk.figures.Backlog;
import io.civicdesk.figures.DurationSketch;
import io.civicdesk.figures.Figures;
import io.civicdesk.platform.Dates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.civicdesk.platform.Html.escape;

/**
 * The report as a mail: a chart of the share resolved within target per unit, a chart of each unit's open
 * requests by how long they have waited, and the figures per unit and service. The charts are table cells with
 * background colours and the values written beside each bar — what Outlook, Gmail and Apple Mail all draw the
 * same way (no SVG, no images to block, no scripts), and they still read as text to a screen reader or with
 * colours off.
 */
public final class ReportMail {
    private static final String INK = "#0b0c0c";
    private static final String BAR = "#1d70b8";
    private static final String TRACK = "#f3f2f1";
    /** Open requests waiting under 5, 5 to 20 and over 20 business days. */
    private static final List<String> WAITED = List.of("#1d70b8", "#4c2c92", "#d4351c");
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
        ServiceLevelReport.Line total = report.allUnits();
        html.append("<p style=\"margin:0 0 16px\">").append(headline(total)).append("</p>");

        html.append("<h2 style=\"font-size:18px;margin:16px 0 8px\">Resolved within target, by unit</h2>");
        html.append(CHART);
        for (ServiceLevelReport.Line unit : report.units()) {
            Double share = unit.current().shareResolvedInTime();
            int filled = share == null ? 0 : (int) Math.round(share * BAR_WIDTH);
            bar(html, unit.unitName(), List.of(filled), List.of(BAR), percent(share));
        }
        html.append("</table>");

        html.append("<h2 style=\"font-size:18px;margin:24px 0 8px\">Open requests by business days waited, by unit</h2>");
        html.append(CHART).append("<tr>");
        List<String> bands = List.of("under 5", "5 to 20", "over 20 business days");
        for (int i = 0; i < bands.size(); i++) {
            cell(html, 12, WAITED.get(i));
            html.append("<td style=\"padding:0 12px 0 4px;font-size:14px\">").append(bands.get(i)).append("</td>");
        }
        html.append("</tr></table>");
        html.append(CHART);
        long most = Math.max(1, report.units().stream().mapToLong(unit -> unit.backlog().open()).max().orElse(0));
        for (ServiceLevelReport.Line unit : report.units()) {
            Backlog open = unit.backlog();
            // Each segment ends where its running total falls, so the rounded segments never outgrow the bar.
            List<Integer> widths = new ArrayList<>();
            long upTo = 0;
            int drawn = 0;
            for (long n : List.of(open.underFiveDays(), open.fiveToTwentyDays(), open.overTwentyDays())) {
                upTo += n;
                int end = (int) Math.round((double) upTo * BAR_WIDTH / most);
                widths.add(end - drawn);
                drawn = end;
            }
            bar(html, unit.unitName(), widths, WAITED, open.open() + " open: " + open.underFiveDays() + " under 5, "
                    + open.fiveToTwentyDays() + " 5 to 20, " + open.overTwentyDays() + " over 20"
                    + (open.oldestDays() == null ? "" : "; oldest " + open.oldestDays()));
        }
        html.append("</table>");

        html.append("<h2 style=\"font-size:18px;margin:24px 0 8px\">Figures</h2>");
        html.append("<table cellpadding=\"6\" cellspacing=\"0\" style=\"border-collapse:collapse;font-size:14px\">");
        html.append("<tr>");
        for (String heading : List.of("Unit", "Service", "Received", "Change", "Resolved", "Open", "Open over 20 days",
                "Oldest open (days)", "Response in target", "Resolution in target", "Median hours", "90th percentile hours",
                "Breaches", "Survey answers", "Satisfaction", "NPS")) {
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
        referrals(html, report);
        html.append("<p style=\"font-size:14px;margin-top:16px\">Times are business hours, counted only while the council is open. ")
                .append("Percentiles are within ").append(Math.round(DurationSketch.RELATIVE_ERROR * 100))
                .append("%. Open requests are as at this report's first run; days waited are business days. Satisfaction ")
                .append("is the share of survey answers scoring 4 or 5 out of 5; NPS is the share scoring 9 or 10 for how ")
                .append("likely they are to recommend, less the share scoring 0 to 6. The figures are attached as a CSV file.</p>");
        return html.append("</body></html>").toString();
    }

    public static String text(ServiceLevelReport report) {
        StringBuilder text = new StringBuilder(subject(report)).append("\n\n");
        for (ServiceLevelReport.Line unit : report.units()) {
            Figures figures = unit.current();
            text.append(unit.unitName()).append(": ").append(figures.received()).append(" received, ")
                    .append(figures.resolved()).append(" resolved, ").append(percent(figures.shareResolvedInTime()))
                    .append(" within target, ").append(unit.backlog().open()).append(" open (")
                    .append(unit.backlog().overTwentyDays()).append(" over 20 business days), satisfaction ")
                    .append(percent(figures.satisfaction())).append(", NPS ").append(nps(figures.netPromoterScore())).append("\n");
        }
        if (!report.referrals().isEmpty()) {
            text.append("\nReferrals between units:\n");
            for (ServiceLevelReport.Referrals pair : report.referrals()) {
                text.append(pair.fromUnitName()).append(" to ").append(pair.toUnitName()).append(": ")
                        .append(pair.referred()).append(" referred, ").append(pair.accepted()).append(" accepted, ")
                        .append(pair.sentBack()).append(" sent back as wrongly referred, ")
                        .append(percent(pair.shareAnsweredInTime())).append(" answered within target\n");
            }
        }
        return text.append("\nThe figures are attached as a CSV file.\n").toString();
    }

    /** Referrals per pair of units: fewer is better (seed 004), and each answered within the pair's target. */
    private static void referrals(StringBuilder html, ServiceLevelReport report) {
        if (report.referrals().isEmpty()) {
            return;
        }
        html.append("<h2 style=\"font-size:18px;margin:24px 0 8px\">Referrals between units</h2>");
        html.append("<table role=\"table\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse;font-size:14px\"><tr>");
        for (String heading : List.of("From", "To", "Referred", "Accepted", "Sent back (wrongly referred)", "Answered within target")) {
            html.append("<th scope=\"col\" style=\"text-align:left;border-bottom:2px solid ").append(INK).append("\">")
                    .append(heading).append("</th>");
        }
        html.append("</tr>");
        for (ServiceLevelReport.Referrals pair : report.referrals()) {
            html.append("<tr>");
            for (String cell : List.of(pair.fromUnitName(), pair.toUnitName(), Long.toString(pair.referred()),
                    Long.toString(pair.accepted()), Long.toString(pair.sentBack()), percent(pair.shareAnsweredInTime()))) {
                html.append("<td style=\"border-bottom:1px solid #b1b4b6\">").append(escape(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static void row(StringBuilder html, ServiceLevelReport.Line line, boolean total) {
        Figures now = line.current();
        String weight = total ? "font-weight:bold;" : "";
        html.append("<tr>");
        for (String cell : List.of(line.unitName(), line.serviceName() == null ? "All services" : line.serviceName(),
                Long.toString(now.received()), signed(line.receivedChange()), Long.toString(now.resolved()),
                Long.toString(line.backlog().open()), Long.toString(line.backlog().overTwentyDays()),
                line.backlog().oldestDays() == null ? "–" : line.backlog().oldestDays().toString(),
                percent(now.shareRespondedInTime()), percent(now.shareResolvedInTime()),
                hours(now.resolutionHours(0.5)), hours(now.resolutionHours(0.9)), Long.toString(now.breaches()),
                Long.toString(now.surveyAnswers()), percent(now.satisfaction()), nps(now.netPromoterScore()))) {
            html.append("<td style=\"").append(weight).append("border-bottom:1px solid #b1b4b6\">").append(escape(cell)).append("</td>");
        }
        html.append("</tr>");
    }

    private static final String CHART = "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\">";

    private static String headline(ServiceLevelReport.Line total) {
        Figures all = total.current();
        return all.received() + " requests received, " + all.resolved() + " resolved, " + total.backlog().open()
                + " still open (" + total.backlog().overTwentyDays() + " waiting over 20 business days). "
                + percent(all.shareResolvedInTime()) + " resolved within target. Satisfaction "
                + percent(all.satisfaction()) + " from " + all.surveyAnswers() + " survey answers, NPS "
                + nps(all.netPromoterScore()) + ".";
    }

    /** One row of a chart: the name, a bar of coloured segments (widths in pixels) on a track, and its value. */
    private static void bar(StringBuilder html, String name, List<Integer> widths, List<String> colours, String value) {
        html.append("<tr><td style=\"padding:4px 12px 4px 0;white-space:nowrap\">").append(escape(name)).append("</td>")
                .append("<td style=\"padding:4px 0\"><table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" width=\"")
                .append(BAR_WIDTH).append("\"><tr>");
        int filled = 0;
        for (int i = 0; i < widths.size(); i++) {
            if (widths.get(i) > 0) {
                cell(html, widths.get(i), colours.get(i));
                filled += widths.get(i);
            }
        }
        if (filled < BAR_WIDTH) {
            cell(html, BAR_WIDTH - filled, TRACK);
        }
        html.append("</tr></table></td><td style=\"padding:4px 0 4px 12px;font-weight:bold\">").append(escape(value))
                .append("</td></tr>");
    }

    private static void cell(StringBuilder html, int width, String colour) {
        html.append("<td width=\"").append(width).append("\" height=\"16\" bgcolor=\"").append(colour)
                .append("\" style=\"background:").append(colour).append("\"></td>");
    }

    private static String nps(Double score) {
        return score == null ? "–" : String.format(Locale.ROOT, "%+.0f", score);
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

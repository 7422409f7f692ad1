package io.civicdesk.agencyissues;

import io.civicdesk.platform.Dates;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static io.civicdesk.platform.Html.escape;

/** The weekly status of an account manager's agencies as a mail: one plain table row per agency, hers only. */
public final class StatusMail {
    private static final List<String> HEADINGS = List.of("Agency", "Within target, last 7 days", "Within target, quarter so far",
            "Open issues", "Last contact", "Next review");

    private StatusMail() {
    }

    public static String subject(AgencyStatus.Status status) {
        return "Status of your client agencies, " + Dates.spoken(status.today());
    }

    private static List<String> cells(AgencyStatus.Row row) {
        return List.of(row.agency().name(), percent(row.withinWeek()), percent(row.withinQuarter()),
                row.openIssues() + (row.overdueIssues() > 0 ? " (" + row.overdueIssues() + " overdue)" : ""),
                date(row.lastContact()), date(row.nextReview()));
    }

    public static String text(AgencyStatus.Status status) {
        StringBuilder text = new StringBuilder(subject(status)).append("\n\nThe last 7 days are ")
                .append(Dates.spoken(status.weekFrom())).append(" to ").append(Dates.spoken(status.today()))
                .append("; the quarter began ").append(Dates.spoken(status.quarterFrom())).append(".\n\n");
        for (AgencyStatus.Row row : status.rows()) {
            List<String> cells = cells(row);
            text.append(cells.get(0)).append('\n');
            for (int i = 1; i < cells.size(); i++) {
                text.append("  ").append(HEADINGS.get(i)).append(": ").append(cells.get(i)).append('\n');
            }
        }
        return text.toString();
    }

    public static String html(AgencyStatus.Status status) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;"
                + "font-size:16px;line-height:1.4;color:#0b0c0c\"><h1 style=\"font-size:22px\">").append(escape(subject(status)))
                .append("</h1><table style=\"border-collapse:collapse\"><caption style=\"text-align:left;font-weight:bold\">")
                .append("Your client agencies</caption><tr>");
        HEADINGS.forEach(heading -> html.append("<th scope=\"col\" style=\"text-align:left;padding:4px 8px;border-bottom:1px solid #b1b4b6\">")
                .append(escape(heading)).append("</th>"));
        html.append("</tr>");
        for (AgencyStatus.Row row : status.rows()) {
            List<String> cells = cells(row);
            html.append("<tr><th scope=\"row\" style=\"text-align:left;padding:4px 8px\">").append(escape(cells.get(0))).append("</th>");
            cells.subList(1, cells.size()).forEach(cell -> html.append("<td style=\"padding:4px 8px\">").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static String percent(Double share) {
        return share == null ? "none resolved" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String date(LocalDate date) {
        return date == null ? "none" : Dates.spoken(date);
    }
}

package io.civicdesk.feedback;

import io.civicdesk.platform.Csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The review panel as CSV, in the shape of the other exports (snake_case headers, CRLF): the complaint figures, a
 * row per unit, per theme and for all; then the open reviews; then the survey comments. Each table has its own
 * header row and a blank line before the next, so a spreadsheet shows them one under another.
 */
public final class ReviewPanelCsv {
    private ReviewPanelCsv() {
    }

    public static String fileName(ReviewPanel panel) {
        return "complaints-review-" + panel.from() + "-to-" + panel.to() + ".csv";
    }

    public static String write(ReviewPanel panel) {
        List<List<String>> figures = new ArrayList<>();
        figures.add(List.of("period_start", "period_end", "group", "name", "received", "upheld", "partly_upheld", "not_upheld",
                "not_answered", "acknowledged", "acknowledged_in_target", "acknowledge_avg_business_days", "acknowledge_overdue",
                "answered", "answered_in_target", "answer_avg_business_days", "answer_overdue",
                "acknowledge_target_business_days", "answer_target_business_days"));
        panel.byUnit().forEach(f -> figures.add(figures(panel, "unit", f)));
        panel.byTheme().forEach(f -> figures.add(figures(panel, "theme", f)));
        figures.add(figures(panel, "all", panel.all()));

        List<List<String>> reviews = new ArrayList<>();
        reviews.add(List.of("review_reference", "complaint_reference", "unit", "theme", "status", "received_at", "acknowledge_by", "answer_by"));
        panel.openReviews().forEach(r -> reviews.add(List.of(r.displayReference(), FeedbackMails.display(r.parentReference()),
                text(r.unitId()), text(r.theme()), r.status(), r.receivedAt(), r.targets().acknowledgeBy().toString(),
                r.targets().answerBy().toString())));

        List<List<String>> comments = new ArrayList<>();
        comments.add(List.of("answered_at", "channel", "request_reference", "service_or_counter", "unit", "satisfaction", "recommend", "comment"));
        panel.comments().forEach(c -> comments.add(List.of(c.at().toString(), c.channel(),
                c.reference() == null ? "" : FeedbackMails.display(c.reference()), text(c.serviceName()), text(c.unitId()),
                Integer.toString(c.satisfaction()), c.recommend() == null ? "" : c.recommend().toString(), text(c.comment()))));

        return Stream.of(figures, reviews, comments)
                .map(table -> table.stream().map(row -> String.join(",", row) + "\r\n").collect(Collectors.joining()))
                .collect(Collectors.joining("\r\n"));
    }

    private static List<String> figures(ReviewPanel panel, String group, ReviewPanel.Figures f) {
        return List.of(panel.from().toString(), panel.to().toString(), group, text(f.name()), n(f.received()), n(f.upheld()),
                n(f.partlyUpheld()), n(f.notUpheld()), n(f.notAnswered()), n(f.acknowledge().done()), n(f.acknowledge().withinTarget()),
                average(f.acknowledge().averageBusinessDays()), n(f.acknowledge().overdue()), n(f.answer().done()),
                n(f.answer().withinTarget()), average(f.answer().averageBusinessDays()), n(f.answer().overdue()),
                n(panel.targets().acknowledgeDays()), n(panel.targets().answerDays()));
    }

    private static String n(int value) {
        return Integer.toString(value);
    }

    private static String average(Double days) {
        return days == null ? "" : String.format(Locale.ROOT, "%.1f", days);
    }

    private static String text(String value) {
        return Csv.text(value);
    }
}

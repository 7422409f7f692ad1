package io.civicdesk.feedback;

import io.civicdesk.sla.BusinessCalendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the complaints review panel looks at for a period of whole months: the complaints received, counted by
 * unit, by theme and in all, by outcome and against their targets; the reviews open now; and the comments
 * residents left in surveys, newest first.
 */
public record ReviewPanel(YearMonth from, YearMonth to, ComplaintTargets targets, Figures all, List<Figures> byUnit,
                          List<Figures> byTheme, List<ComplaintView> openReviews, List<Surveys.Comment> comments) {

    /** The complaints of one group (a unit, a theme, or all): outcomes, and each step against its target. */
    public record Figures(String key, String name, int received, int upheld, int partlyUpheld, int notUpheld, int notAnswered,
                          Timeliness acknowledge, Timeliness answer) {
    }

    /**
     * One step against its target: how many were done, how many of those within target, their mean business days,
     * and how many are not done yet although their target date has passed.
     */
    public record Timeliness(int done, int withinTarget, Double averageBusinessDays, int overdue) {
    }

    static ReviewPanel of(YearMonth from, YearMonth to, ComplaintTargets targets, List<Complaint> received,
                          Map<String, String> unitNames, List<Complaint> openReviews, List<Surveys.Comment> comments,
                          BusinessCalendar calendar, LocalDate today) {
        List<ComplaintView> views = received.stream().map(c -> ComplaintView.staff(c, calendar, today)).toList();
        return new ReviewPanel(from, to, targets, figures("all", "All units", views, today),
                grouped(views, ComplaintView::unitId, id -> unitNames.getOrDefault(id, id == null ? "No unit" : id), today),
                grouped(views, ComplaintView::theme, Function.identity(), today),
                openReviews.stream().map(c -> ComplaintView.staff(c, calendar, today)).toList(), comments);
    }

    private static List<Figures> grouped(List<ComplaintView> views, Function<ComplaintView, String> key,
                                         Function<String, String> name, LocalDate today) {
        Map<String, List<ComplaintView>> groups = new LinkedHashMap<>();
        for (ComplaintView view : views) {
            groups.computeIfAbsent(key.apply(view), k -> new ArrayList<>()).add(view);
        }
        return groups.entrySet().stream().map(group -> figures(group.getKey(), name.apply(group.getKey()), group.getValue(), today))
                .sorted(Comparator.comparing(Figures::name)).toList();
    }

    private static Figures figures(String key, String name, List<ComplaintView> views, LocalDate today) {
        return new Figures(key, name, views.size(), count(views, "upheld"), count(views, "partly-upheld"),
                count(views, "not-upheld"), count(views, null),
                timeliness(views, ComplaintView::acknowledged, view -> view.targets().acknowledgeBy(), today),
                timeliness(views, ComplaintView::answered, view -> view.targets().answerBy(), today));
    }

    private static int count(List<ComplaintView> views, String outcome) {
        return (int) views.stream().filter(view -> outcome == null ? view.outcome() == null : outcome.equals(view.outcome())).count();
    }

    private static Timeliness timeliness(List<ComplaintView> views, Function<ComplaintView, ComplaintView.Step> step,
                                         Function<ComplaintView, LocalDate> target, LocalDate today) {
        List<ComplaintView.Step> done = views.stream().map(step).filter(Objects::nonNull).toList();
        int overdue = (int) views.stream().filter(view -> step.apply(view) == null && today.isAfter(target.apply(view))).count();
        return new Timeliness(done.size(), (int) done.stream().filter(ComplaintView.Step::withinTarget).count(),
                done.isEmpty() ? null : done.stream().mapToInt(ComplaintView.Step::businessDays).average().orElseThrow(), overdue);
    }
}

package io.civicdesk.feedback;

import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.sla.BusinessCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The complaints review panel, for supervisors and administrators: a period of whole months (one Query a month on
 * each sparse index, never a Scan), the reviews open now, and survey comments filtered by satisfaction score.
 */
public final class ReviewPanelService {
    /** A year at most: the panel meets monthly or quarterly, and each month is a Query of its own. */
    static final int MAX_MONTHS = 12;

    private final Complaints complaints;
    private final Surveys surveys;
    /** The unit of this id in the catalogue, for the names the panel shows. */
    private final Function<String, Optional<Unit>> units;
    private final ComplaintTargets targets;
    private final CouncilCalendar council;
    private final Clock clock;

    public ReviewPanelService(Complaints complaints, Surveys surveys, Function<String, Optional<Unit>> units,
                              ComplaintTargets targets, CouncilCalendar council, Clock clock) {
        this.complaints = complaints;
        this.surveys = surveys;
        this.units = units;
        this.targets = targets;
        this.council = council;
        this.clock = clock;
    }

    /** from and to as yyyy-mm (both default to this month); scores as "1,2" (satisfaction 1–5; all when absent). */
    public ReviewPanel panel(StaffCaller caller, String from, String to, String scores) {
        caller.requireAny(Role.SUPERVISOR, Role.ADMIN);
        BusinessCalendar calendar = council.calendar();
        LocalDate today = calendar.localDate(clock.instant());
        List<FieldError> errors = new ArrayList<>();
        YearMonth last = month(to, "to", YearMonth.from(today), errors);
        YearMonth first = month(from, "from", last, errors);
        Set<Integer> wanted = scores(scores, errors);
        if (errors.isEmpty() && (first.isAfter(last) || first.plusMonths(MAX_MONTHS - 1).isBefore(last))) {
            errors.add(new FieldError("from", "Choose a period of 1 to " + MAX_MONTHS + " months, the first month not after the last."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        List<Complaint> received = new ArrayList<>();
        List<Surveys.Comment> comments = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            received.addAll(complaints.received(month));
        }
        // Newest month first, each already newest first: the comments come out newest first without sorting.
        for (YearMonth month = last; !month.isBefore(first); month = month.minusMonths(1)) {
            surveys.comments(month).stream().filter(c -> wanted.isEmpty() || wanted.contains(c.satisfaction())).forEach(comments::add);
        }
        Map<String, String> unitNames = new HashMap<>();
        received.stream().map(Complaint::unitId).filter(Objects::nonNull).distinct()
                .forEach(id -> unitNames.put(id, units.apply(id).map(Unit::name).orElse(id)));
        return ReviewPanel.of(first, last, targets, received, unitNames, complaints.open("reviews"), comments, calendar, today);
    }

    private static YearMonth month(String text, String field, YearMonth fallback, List<FieldError> errors) {
        YearMonth month = DateInput.month(text, field, "Give the month as year and month " + DateInput.YEARS + ", like 2026-03.", errors);
        return month == null ? fallback : month;
    }

    private static Set<Integer> scores(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        List<String> parts = Arrays.stream(text.split(",")).map(String::strip).toList();
        if (parts.stream().anyMatch(part -> !part.matches("[1-5]"))) {
            errors.add(new FieldError("score", "Choose satisfaction scores from 1 to 5."));
            return Set.of();
        }
        return parts.stream().map(Integer::valueOf).collect(Collectors.toSet());
    }
}

package io.civicdesk.agencyissues;

import io.civicdesk.agencyissues.AgencyIssue.Level;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The agency log's and the status page's JSON (staff only: they carry the contacts' names and the notes). */
public final class AgencyIssueViews {
    private AgencyIssueViews() {
    }

    public record StepView(String at, String staffId, String staffName, String action, String level, String note) {
    }

    public record IssueView(String id, String title, String detail, String raisedBy, String level, String levelName,
                            boolean resolved, String due, boolean overdue, String raisedAt, long version, List<StepView> steps) {
    }

    public record MeetingView(String id, String held, String kind, List<String> attendees, String notes, String actions,
                              String recordedBy, String recordedAt) {
    }

    public record ContactView(String name, String email, String role) {
    }

    public record LevelView(String id, String name, int targetDays) {
    }

    public record LogView(String agencyId, String agencyName, List<ContactView> contacts, List<LevelView> levels,
                          int openIssues, int overdueIssues, List<IssueView> issues, List<MeetingView> meetings) {
    }

    public record RowView(String id, String name, String accountManagerId, Double withinWeek, Double withinQuarter,
                          int openIssues, int overdueIssues, String lastContact, String nextReview) {
    }

    public record StatusView(String today, String weekFrom, String quarterFrom, List<RowView> agencies) {
    }

    public static IssueView of(AgencyIssue issue, LocalDate today) {
        return new IssueView(issue.id(), issue.title(), issue.detail(), issue.raisedBy(), issue.level().wireName(),
                issue.level().spoken(), issue.resolved(), issue.due().toString(), issue.overdue(today),
                issue.raisedAt().toString(), issue.version(), issue.steps().stream().map(step -> new StepView(step.at().toString(),
                        step.staffId(), step.staffName(), step.action().wireName(), step.level().wireName(), step.note())).toList());
    }

    static MeetingView of(MeetingNote note) {
        return new MeetingView(note.id(), note.held().toString(), note.kind().wireName(), note.attendees(), note.notes(),
                note.actions(), note.recordedBy(), note.recordedAt().toString());
    }

    public static LogView of(AgencyIssues.IssueLog log) {
        List<AgencyIssue> open = log.issues().stream().filter(issue -> !issue.resolved()).toList();
        return new LogView(log.agency().id(), log.agency().name(),
                log.agency().contacts().stream().map(c -> new ContactView(c.name(), c.email(), c.role().wireName())).toList(),
                Arrays.stream(Level.values()).map(l -> new LevelView(l.wireName(), l.spoken(), log.targets().days(l))).toList(),
                open.size(), (int) open.stream().filter(issue -> issue.overdue(log.today())).count(),
                log.issues().stream().map(issue -> of(issue, log.today())).toList(),
                log.meetings().stream().map(AgencyIssueViews::of).toList());
    }

    public static StatusView of(AgencyStatus.Status status) {
        return new StatusView(status.today().toString(), status.weekFrom().toString(), status.quarterFrom().toString(),
                status.rows().stream().map(row -> new RowView(row.agency().id(), row.agency().name(),
                        row.agency().accountManagerId(), row.withinWeek(), row.withinQuarter(), row.openIssues(),
                        row.overdueIssues(), row.lastContact() == null ? null : row.lastContact().toString(),
                        row.nextReview() == null ? null : row.nextReview().toString())).toList());
    }

    static Idempotency.Answer raised(AgencyIssue issue, LocalDate today) {
        return new Idempotency.Answer(201, Json.write(of(issue, today)));
    }

    static Idempotency.Answer recorded(MeetingNote note) {
        return new Idempotency.Answer(201, Json.write(of(note)));
    }
}

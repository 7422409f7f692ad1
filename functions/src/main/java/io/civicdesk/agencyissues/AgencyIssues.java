package io.civicdesk.agencyissues;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyAdmin;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencyissues.AgencyIssue.Action;
import io.civicdesk.agencyissues.AgencyIssue.Level;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.sla.BusinessCalendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An agency's issue log and meeting notes, kept by its account manager (administrators see every agency's; another
 * manager's agency answers as if it did not exist). An issue is raised at the service manager's level, escalated up
 * to the executive director, noted and resolved; each step is recorded with who and when, and the agency's contact
 * who raised it is mailed through the outbox in the same transaction.
 */
public final class AgencyIssues {
    private static final String ID_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";

    private final AgencyStore agencies;
    private final AgencyIssueStore issues;
    private final MeetingNoteStore meetings;
    private final Catalog catalog;
    private final OutboxStore outbox;
    private final Transactions transactions;
    private final IdempotentCommand command;
    private final EscalationTargets targets;
    private final Clock clock;
    private final SecureRandom random;
    private final String portalUrl;

    public AgencyIssues(AgencyStore agencies, AgencyIssueStore issues, MeetingNoteStore meetings, Catalog catalog,
                        OutboxStore outbox, Transactions transactions, IdempotentCommand command, EscalationTargets targets,
                        Clock clock, SecureRandom random, String portalUrl) {
        this.agencies = agencies;
        this.issues = issues;
        this.meetings = meetings;
        this.catalog = catalog;
        this.outbox = outbox;
        this.transactions = transactions;
        this.command = command;
        this.targets = targets;
        this.clock = clock;
        this.random = random;
        this.portalUrl = portalUrl;
    }

    /** The agency's log as its page shows it: issues newest first (overdue ones as of {@code today}), then meetings. */
    public record IssueLog(Agency agency, List<AgencyIssue> issues, List<MeetingNote> meetings, LocalDate today,
                      EscalationTargets targets) {
    }

    public IssueLog log(StaffCaller caller, String agencyId) {
        Agency agency = visible(caller, agencyId);
        return new IssueLog(agency, issues.issues(agencyId), meetings.notes(agencyId), today(clock.instant()), targets);
    }

    /** A new issue at the service manager's level, mailed to the contact who raised it; once per Idempotency-Key. */
    public Idempotency.Answer raise(StaffCaller caller, String agencyId, AgencyIssueReader.IssueForm form,
                                    Optional<Idempotency.Key> key) {
        Agency agency = visible(caller, agencyId);
        String raisedBy = form.raisedBy() == null ? null : agency.contacts().stream()
                .map(Agency.Contact::email).filter(email -> email.equalsIgnoreCase(form.raisedBy())).findFirst()
                .orElseThrow(() -> Refusal.invalid("raisedBy", "Choose one of the agency's contacts, or that you raised it yourself."));
        return command.run(key, now -> {
            LocalDate today = today(now);
            Level first = Level.SERVICE_MANAGER;
            AgencyIssue issue = new AgencyIssue(agencyId, today.toString().replace("-", "") + "-" + newId(), form.title(),
                    form.detail(), raisedBy, first, false, calendar().addBusinessDays(today, targets.days(first)),
                    List.of(new AgencyIssue.Step(now, caller.id(), caller.name(), Action.RAISED, first, null)), 1);
            List<Write> writes = new ArrayList<>(List.of(issues.raised(issue)));
            mail(agency, issue).ifPresent(mail -> writes.add(outbox.pending("mail", mail, now)));
            return IdempotentCommand.Prepared.of(AgencyIssueViews.raised(issue, today), writes).drawnAfresh("issue")
                    .afterCommit(() -> Log.info("agency-issue", Map.of("agency", agencyId,
                            "issue", issue.id(), "action", "raised")));
        });
    }

    /** A step on an open issue read at {@code form.version()}: escalated a level, a note, or resolved. */
    public AgencyIssue step(StaffCaller caller, String agencyId, String issueId, AgencyIssueReader.StepForm form) {
        Agency agency = visible(caller, agencyId);
        AgencyIssue current = issues.issue(agencyId, issueId)
                .orElseThrow(() -> Refusal.notFound("There is no issue " + issueId + " in this agency's log."));
        if (current.resolved()) {
            throw Refusal.conflict("This issue was resolved already. Raise a new issue if it has come back.");
        }
        if (current.version() != form.version()) {
            throw Refusal.conflict("Someone added a step to this issue since you opened it. Reload it to see theirs.");
        }
        Instant now = clock.instant();
        LocalDate today = today(now);
        Level level = current.level();
        LocalDate due = current.due();
        if (form.action() == Action.ESCALATED) {
            level = level.next().orElseThrow(() -> Refusal.invalid("action", "The issue is with the "
                    + Level.EXECUTIVE_DIRECTOR.spoken() + " already, the last level: add a note or resolve it."));
            due = calendar().addBusinessDays(today, targets.days(level));
        }
        AgencyIssue after = current.after(new AgencyIssue.Step(now, caller.id(), caller.name(), form.action(), level,
                form.note()), due);
        List<Write> writes = new ArrayList<>(List.of(issues.stepped(after, current.version())));
        mail(agency, after).ifPresent(mail -> writes.add(outbox.pending("mail", mail, now)));
        try {
            transactions.commit(writes);
        } catch (Refused changed) {
            throw Refusal.conflict("Someone added a step to this issue at the same moment. Reload it to see theirs.");
        }
        Log.info("agency-issue", Map.of("agency", agencyId, "issue", issueId, "action", form.action().wireName()));
        return after;
    }

    /** A note of a meeting held with the agency, on or before today; once per Idempotency-Key. */
    public Idempotency.Answer recordMeeting(StaffCaller caller, String agencyId, AgencyIssueReader.MeetingForm form,
                                            Optional<Idempotency.Key> key) {
        visible(caller, agencyId);
        return command.run(key, now -> {
            if (form.held().isAfter(today(now))) {
                throw Refusal.invalid("held", "Record a meeting once it has been held: the date is after today.");
            }
            MeetingNote note = new MeetingNote(agencyId, newId(), form.held(), form.kind(), form.attendees(), form.notes(),
                    form.actions(), caller.id(), now);
            return IdempotentCommand.Prepared.of(AgencyIssueViews.recorded(note), List.of(meetings.recorded(note)))
                    .drawnAfresh("meeting");
        });
    }

    /** The contact who raised the issue, if they still take the agency's mail, told of its latest step. */
    private Optional<Mail> mail(Agency agency, AgencyIssue issue) {
        return agency.mailed().stream().filter(contact -> contact.email().equalsIgnoreCase(
                        issue.raisedBy() == null ? "" : issue.raisedBy())).findFirst()
                .map(contact -> {
                    String link = agency.unsubscribeLink(portalUrl, contact);
                    return new Mail("agency-issue-" + agency.id() + "-" + issue.id() + "-" + issue.steps().size(), contact.email(),
                            IssueMail.subject(agency, issue), IssueMail.text(agency, issue, link), IssueMail.html(agency, issue, link),
                            "agency-issue", issue.id());
                });
    }

    private Agency visible(StaffCaller caller, String agencyId) {
        caller.requireAny(Role.ADMIN, Role.ACCOUNT_MANAGER);
        // Another manager's agency answers as one that does not exist: it is not hers to know of.
        return agencies.agency(agencyId).filter(agency -> AgencyAdmin.sees(caller, agency))
                .orElseThrow(() -> Refusal.notFound("There is no agency " + agencyId + "."));
    }

    /** Today in the council's time zone, which decides what is overdue. */
    public LocalDate today() {
        return today(clock.instant());
    }

    private LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneId.of(catalog.council().timeZone()));
    }

    /** The council's business calendar; Monday to Friday, without holidays, before it has one. */
    private BusinessCalendar calendar() {
        return catalog.calendar(catalog.council().calendarId()).orElseGet(() -> new BusinessCalendar("weekdays",
                ZoneId.of(catalog.council().timeZone()), BusinessCalendar.MONDAY_TO_FRIDAY, Map.of()));
    }

    private String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(ID_LETTERS.charAt(random.nextInt(ID_LETTERS.length())));
        }
        return id.toString();
    }
}

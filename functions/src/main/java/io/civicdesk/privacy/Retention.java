package io.civicdesk.privacy;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The retention schedule and its runs. A run reads the tables a page at a time from where the last run stopped,
 * anonymises each record past its kind's period, and stops when its batch is spent (pages or time, on the
 * injected clock); what it did, and whether more remains, is recorded with the place the next run resumes.
 */
public final class Retention {
    /** The daily run: pages of 100 items, and stopping well inside the function's 15 minutes. */
    public static final Batch SCHEDULED = new Batch(100, 100_000, Duration.ofMinutes(12));
    /** "Run now" from the privacy page: the scheduled run's pages, inside the API's 30 seconds. */
    public static final Batch RUN_NOW = new Batch(100, 100_000, Duration.ofSeconds(20));

    /** How much one run may do: items per page (one Scan call), pages in all, and time. */
    public record Batch(int pageSize, int maxPages, Duration timeBudget) {
    }

    /** The schedule with its latest runs, for the privacy page. */
    public record Overview(RetentionSchedule schedule, List<RetentionRun> runs) {
    }

    private final Schedules schedules;
    private final Runs runs;
    private final List<PersonalRecords> tables;
    private final Clock clock;

    public Retention(Schedules schedules, Runs runs, List<PersonalRecords> tables, Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.tables = List.copyOf(tables);
        this.clock = clock;
    }

    public Overview overview(StaffCaller caller) {
        caller.requireAny(StaffCaller.Role.ADMIN);
        return new Overview(schedules.current(), runs.latest(10));
    }

    public RetentionSchedule save(StaffCaller caller, RetentionScheduleReader.Change change) {
        caller.requireAny(StaffCaller.Role.ADMIN);
        Map<RecordKind, Integer> days = new EnumMap<>(schedules.current().days());
        days.putAll(change.days());
        return schedules.save(days, change.expectedVersion(), caller.id(), clock.instant())
                .orElseThrow(() -> new Refusal(Refusal.Kind.CONFLICT, "Someone else changed the retention schedule since you "
                        + "opened it. Their periods are shown; make your change again.", List.of(),
                        Map.of("current", PrivacyViews.schedule(schedules.current()))));
    }

    public RetentionRun run(Batch batch, String by) {
        Instant started = clock.instant();
        Instant deadline = started.plus(batch.timeBudget());
        Cutoffs cutoffs = schedules.current().cutoffs(started);
        Runs.Cursors cursors = runs.cursors();
        // The backfill of lookup items first, with at most half the batch, until it has been through every table.
        Runs.Cursor lookups = cursors.lookups();
        Instant backfillDeadline = started.plus(batch.timeBudget().dividedBy(2));
        int backfilled = 0;
        int pages = 0;
        while (lookups.tableIndex() < tables.size() && pages < batch.maxPages() / 2 && clock.instant().isBefore(backfillDeadline)) {
            PersonalRecords.Backfill page = tables.get(lookups.tableIndex()).backfill(lookups.after(), batch.pageSize());
            pages++;
            backfilled += page.written();
            lookups = page.next() == null ? new Runs.Cursor(lookups.tableIndex() + 1, null)
                    : new Runs.Cursor(lookups.tableIndex(), page.next());
        }
        Runs.Cursor cursor = cursors.retention();
        if (cursor.tableIndex() >= tables.size()) {
            cursor = Runs.Cursor.START;
        }
        Map<RecordKind, Integer> anonymised = new EnumMap<>(RecordKind.class);
        int afterChange = 0;
        int leftAsChanged = 0;
        int answers = 0;
        while (cursor.tableIndex() < tables.size() && pages < batch.maxPages() && clock.instant().isBefore(deadline)) {
            PersonalRecords table = tables.get(cursor.tableIndex());
            PersonalRecords.Page page = table.due(cutoffs, cursor.after(), batch.pageSize());
            pages++;
            answers += page.answersDeleted();
            for (PersonalRecords.Held record : page.due()) {
                PersonalRecords.Outcome outcome = table.anonymise(record, cutoffs);
                if (outcome == PersonalRecords.Outcome.NO_LONGER_DUE) {
                    leftAsChanged++;
                } else {
                    anonymised.merge(record.kind(), 1, Integer::sum);
                    afterChange += outcome == PersonalRecords.Outcome.ANONYMISED_AFTER_CHANGE ? 1 : 0;
                }
            }
            cursor = page.next() == null ? new Runs.Cursor(cursor.tableIndex() + 1, null)
                    : new Runs.Cursor(cursor.tableIndex(), page.next());
        }
        boolean more = cursor.tableIndex() < tables.size();
        RetentionRun run = new RetentionRun(started, clock.instant(), by, anonymised, afterChange, leftAsChanged, answers,
                pages, more, backfilled);
        runs.record(run, new Runs.Cursors(more ? cursor : Runs.Cursor.START, lookups));
        return run;
    }
}

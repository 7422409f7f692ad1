package io.civicdesk.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the privacy page reads: the schedule by kind, the runs, what a search found, an export, an erasure. */
final class PrivacyViews {
    private PrivacyViews() {
    }

    record KindView(String kind, String label, String countedFrom, int days, int defaultDays) {
    }

    record ScheduleView(long version, String changedAt, String changedBy, List<KindView> kinds) {
    }

    record RunView(String startedAt, String endedAt, String by, Map<String, Integer> anonymised, int total,
                   int anonymisedAfterChange, int leftAsChanged, int answersDeleted, int pages, boolean moreRemain,
                   int lookupsBackfilled) {
    }

    static ScheduleView schedule(RetentionSchedule schedule) {
        return new ScheduleView(schedule.version(), schedule.changedAt() == null ? null : schedule.changedAt().toString(),
                schedule.changedBy(), java.util.Arrays.stream(RecordKind.values()).map(kind -> new KindView(kind.wireName(),
                        kind.label(), kind.countedFrom(), schedule.daysFor(kind), kind.defaultDays())).toList());
    }

    static RunView run(RetentionRun run) {
        return new RunView(run.startedAt().toString(), run.endedAt().toString(), run.by(), byKind(run.anonymised()),
                run.total(), run.anonymisedAfterChange(), run.leftAsChanged(), run.answersDeleted(), run.pages(), run.moreRemain(),
                run.lookupsBackfilled());
    }

    static Map<String, Object> overview(Retention.Overview overview) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schedule", schedule(overview.schedule()));
        view.put("runs", overview.runs().stream().map(PrivacyViews::run).toList());
        view.put("personalData", PersonalData.MAP.stream().map(entry -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("table", entry.table());
            row.put("item", entry.item());
            row.put("attribute", entry.attribute());
            row.put("holds", entry.holds());
            row.put("kind", entry.kind() == null ? null : entry.kind().wireName());
            row.put("then", entry.then());
            return row;
        }).toList());
        return view;
    }

    /** A search's summary: how many of each kind, and each record's kind and reference (the details are in the export). */
    static Map<String, Object> found(SubjectAccess.Found found) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("counts", byKind(found.counts()));
        view.put("total", found.records().size());
        view.put("records", found.records().stream().map(record -> Map.of("kind", record.kind().wireName(),
                "label", record.kind().label(), "reference", record.reference())).toList());
        return view;
    }

    /** The export a resident is given: who it is about, when it was made, and every record's details by kind. */
    static Map<String, Object> export(SubjectAccess.Found found) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("email", found.subject().email());
        subject.put("phone", found.subject().phone());
        Map<String, Object> records = new LinkedHashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            List<Map<String, Object>> ofKind = found.records().stream().filter(record -> record.kind() == kind)
                    .map(PersonalRecords.Held::details).toList();
            if (!ofKind.isEmpty()) {
                records.put(kind.wireName(), ofKind);
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("subject", subject);
        view.put("exportedAt", found.at().toString());
        view.put("counts", byKind(found.counts()));
        view.put("records", records);
        return view;
    }

    static Map<String, Object> erasure(SubjectAccess.Erasure erasure) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("erasedAt", erasure.at().toString());
        view.put("erased", byKind(erasure.erased()));
        view.put("total", erasure.erased().values().stream().mapToInt(Integer::intValue).sum());
        view.put("left", erasure.left());
        return view;
    }

    private static Map<String, Integer> byKind(Map<RecordKind, Integer> counts) {
        Map<String, Integer> view = new LinkedHashMap<>();
        counts.forEach((kind, n) -> view.put(kind.wireName(), n));
        return view;
    }
}

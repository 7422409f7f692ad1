package io.civicdesk.reports;

import io.civicdesk.figures.UnitService;
import io.civicdesk.figures.Backlog;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.requests.QueueStore;
import io.civicdesk.sla.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backlog for a roll-up: each unit's open requests, read from its queue — the OPEN# range of the UnitQueue
 * index, which projects the service and when the request arrived — so a roll-up reads the work open now, never
 * the requests already finished, however many years of them there are. A period's first run keeps what it
 * measured ({@link FiguresStore#keepBacklog}); later runs and resends of that period report the same backlog.
 */
public final class Backlogs {
    private final QueueStore queues;
    private final FiguresStore figures;

    public Backlogs(QueueStore queues, FiguresStore figures) {
        this.queues = queues;
        this.figures = figures;
    }

    /** The backlog per unit and service, and how many request items were read to measure it. */
    public record Reading(Map<UnitService, Backlog> backlog, int itemsRead) {
    }

    /** The backlog a period's report holds: as kept by its first run, or measured now and kept if this is it. */
    Reading forPeriod(String periodKey, Collection<String> unitIds, BusinessCalendar calendar, Instant now) {
        Map<UnitService, Backlog> backlog = new LinkedHashMap<>();
        int itemsRead = 0;
        for (String unitId : unitIds) {
            Map<String, Backlog> byService = figures.keptBacklog(unitId, periodKey).orElse(null);
            if (byService == null) {
                Reading measured = measure(List.of(unitId), calendar, now);
                itemsRead += measured.itemsRead();
                Map<String, Backlog> measuredByService = new LinkedHashMap<>();
                measured.backlog().forEach((key, open) -> measuredByService.put(key.serviceId(), open));
                byService = figures.keepBacklog(unitId, periodKey, measuredByService, now);
            }
            byService.forEach((serviceId, open) -> backlog.put(new UnitService(unitId, serviceId), open));
        }
        return new Reading(backlog, itemsRead);
    }

    /**
     * Each unit's requests open at {@code asAt}, per service, by business days waited in the council's calendar.
     * A request that arrived after {@code asAt} (a run for a moment already past) is not in that backlog.
     */
    public Reading measure(Collection<String> unitIds, BusinessCalendar calendar, Instant asAt) {
        LocalDate today = calendar.localDate(asAt);
        Map<LocalDate, Integer> waitedSince = new HashMap<>();
        Map<UnitService, List<Integer>> ages = new LinkedHashMap<>();
        int itemsRead = 0;
        for (String unitId : unitIds) {
            List<QueueStore.QueueEntry> open = queues.openInUnit(unitId);
            itemsRead += open.size();
            for (QueueStore.QueueEntry request : open) {
                if (request.submittedAt().isAfter(asAt)) {
                    continue;
                }
                int age = waitedSince.computeIfAbsent(calendar.localDate(request.submittedAt()),
                        arrived -> calendar.businessDaysBetween(arrived, today));
                ages.computeIfAbsent(new UnitService(unitId, request.serviceId()), key -> new ArrayList<>()).add(age);
            }
        }
        Map<UnitService, Backlog> backlog = new LinkedHashMap<>();
        ages.forEach((key, waited) -> backlog.put(key, Backlog.of(waited)));
        return new Reading(backlog, itemsRead);
    }
}

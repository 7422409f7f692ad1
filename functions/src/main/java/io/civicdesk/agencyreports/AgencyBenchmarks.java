package io.civicdesk.agencyreports;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyAdmin;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.figures.Backlog;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.figures.UnitService;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.reports.Accounts;
import io.civicdesk.reports.ReportPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Agencies side by side on their reports' measures for one period, and — for a council — its units side by side,
 * read from the day figures alone: at most (agencies + units) × services × days items, however many requests.
 * Administrators see every agency and unit. An account manager sees her own agencies and the units of her report
 * account, and nothing of anyone else's: other agencies are left out, not anonymised, since with a handful of
 * agencies an unnamed row is easily named, and its figures are not hers to see.
 */
public final class AgencyBenchmarks {
    private final AgencyStore agencies;
    private final FiguresStore figures;
    private final Catalog catalog;
    private final Accounts accounts;
    private final Clock clock;

    public AgencyBenchmarks(AgencyStore agencies, FiguresStore figures, Catalog catalog, Accounts accounts, Clock clock) {
        this.agencies = agencies;
        this.figures = figures;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What to compare: the kind of period, a day in it (null: the last complete one), one service (null: all). */
    public record Query(ReportPeriod.Kind kind, LocalDate day, String serviceId) {
    }

    /**
     * One agency's or unit's measures. {@code open} is an agency's open requests now, or a unit's as its report of
     * the period measured them (null when no report of that period has been made).
     */
    public record Row(String id, String name, Figures figures, Long open) {
    }

    /** {@code complete} is false for a period still running: its figures are so far. */
    public record Benchmark(ReportPeriod period, boolean complete, String serviceId, List<Row> agencies, List<Row> units,
                            List<Service> services, int itemsRead) {
    }

    public Benchmark compare(StaffCaller caller, Query query) {
        caller.requireAny(Role.ADMIN, Role.ACCOUNT_MANAGER);
        CatalogStore.Catalogue catalogue = catalog.catalogue();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(catalogue.council().timeZone())));
        ReportPeriod period = query.day() == null ? ReportPeriod.lastCompleteBefore(query.kind(), today)
                : ReportPeriod.containing(query.kind(), query.day());
        if (period.first().isAfter(today)) {
            throw Refusal.invalid("from", "That period has not begun. Choose a day no later than " + today + ".");
        }
        String serviceId = query.serviceId();
        if (serviceId != null && catalogue.services().stream().noneMatch(service -> service.id().equals(serviceId))) {
            throw Refusal.invalid("serviceId", "There is no service " + serviceId + ". Choose one from the list, or all services.");
        }
        AgencyStore.Book book = agencies.all();
        int itemsRead = book.agencies().size() + book.agreements().values().stream().mapToInt(List::size).sum();
        List<Agency> visible = book.agencies().stream().filter(agency -> AgencyAdmin.sees(caller, agency))
                .sorted(Comparator.comparing(Agency::name)).toList();
        FiguresStore.PeriodFigures agencyFigures = figures.agencyPeriodFigures(visible.stream().map(Agency::id).toList(),
                period.first(), period.last());
        itemsRead += agencyFigures.itemsRead();
        List<Row> agencyRows = new ArrayList<>();
        for (Agency agency : visible) {
            Map<String, Long> open = figures.agencyOpen(agency.id());
            itemsRead += open.size();
            long openNow = open.entrySet().stream().filter(e -> serviceId == null || e.getKey().equals(serviceId))
                    .mapToLong(e -> Math.max(0, e.getValue())).sum();
            agencyRows.add(new Row(agency.id(), agency.name(), total(agencyFigures, agency.id(), serviceId), openNow));
        }
        List<Unit> units = unitsOf(caller, catalogue);
        FiguresStore.PeriodFigures unitFigures = figures.periodFigures(units.stream().map(Unit::id).toList(),
                period.first(), period.last());
        itemsRead += unitFigures.itemsRead();
        List<Row> unitRows = new ArrayList<>();
        for (Unit unit : units) {
            Optional<Map<String, Backlog>> kept = figures.keptBacklog(unit.id(), period.key());
            itemsRead++;
            Long open = kept.map(byService -> byService.entrySet().stream()
                    .filter(e -> serviceId == null || e.getKey().equals(serviceId))
                    .mapToLong(e -> e.getValue().open()).sum()).orElse(null);
            unitRows.add(new Row(unit.id(), unit.name(), total(unitFigures, unit.id(), serviceId), open));
        }
        return new Benchmark(period, period.last().isBefore(today), serviceId, agencyRows, unitRows,
                catalogue.services(), itemsRead);
    }

    /** An administrator sees every unit; an account manager the units of her report account; others none. */
    private List<Unit> unitsOf(StaffCaller caller, CatalogStore.Catalogue catalogue) {
        Set<String> ids = caller.has(Role.ADMIN) ? catalogue.units().keySet()
                : accounts.account(caller.id()).map(account -> Set.copyOf(account.unitIds())).orElse(Set.of());
        return catalogue.units().values().stream().filter(unit -> ids.contains(unit.id()))
                .sorted(Comparator.comparing(Unit::name)).toList();
    }

    /** Whose figures summed over its services, or the one service asked for. */
    private static Figures total(FiguresStore.PeriodFigures period, String ownerId, String serviceId) {
        Figures total = new Figures();
        period.figures().forEach((UnitService key, Figures day) -> {
            if (key.unitId().equals(ownerId) && (serviceId == null || key.serviceId().equals(serviceId))) {
                total.merge(day);
            }
        });
        return total;
    }
}

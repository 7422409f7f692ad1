package io.civicdesk.catalog;

import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue in maps, for handler and service tests. */
public final class InMemoryCatalog implements ServiceLevelSettings {
    private final Council council;
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, ServiceLevelPolicy> policies = new LinkedHashMap<>();
    private final Map<String, BusinessCalendar> calendars = new HashMap<>();

    public InMemoryCatalog(Council council) {
        this.council = council;
    }

    /** A council with two units, Waste and Roads, and no services yet. */
    public static InMemoryCatalog twoUnits() {
        return new InMemoryCatalog(new Council("Melaleuca Shire", "Australia/Perth", "wa"))
                .with(new Unit("waste", "Waste Services", null))
                .with(new Unit("roads", "Roads and Drainage", null));
    }

    public InMemoryCatalog with(Unit unit) {
        units.put(unit.id(), unit);
        return this;
    }

    public InMemoryCatalog with(Service service) {
        services.put(service.id(), service);
        return this;
    }

    @Override
    public CatalogStore.Catalogue catalogue() {
        return new CatalogStore.Catalogue(council, new LinkedHashMap<>(units), new ArrayList<>(services.values()), policies());
    }

    @Override
    public List<ServiceLevelPolicy> policies() {
        return policies.values().stream().sorted(Comparator.comparingInt(ServiceLevelPolicy::order)).toList();
    }

    @Override
    public Optional<Service> service(String serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    @Override
    public Map<String, Unit> units() {
        return new LinkedHashMap<>(units);
    }

    @Override
    public Optional<Unit> unit(String unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public Council council() {
        return council;
    }

    @Override
    public Optional<BusinessCalendar> calendar(String calendarId) {
        return Optional.ofNullable(calendars.get(calendarId));
    }

    @Override
    public void putCalendar(BusinessCalendar calendar) {
        calendars.put(calendar.id(), calendar);
    }

    @Override
    public Optional<BusinessCalendar> addHoliday(String calendarId, LocalDate date, String name) {
        return calendar(calendarId).map(calendar -> {
            Map<LocalDate, String> holidays = new HashMap<>(calendar.holidays());
            holidays.put(date, name);
            BusinessCalendar changed = new BusinessCalendar(calendarId, calendar.zone(), calendar.openingHours(), holidays);
            calendars.put(calendarId, changed);
            return changed;
        });
    }

    @Override
    public Optional<BusinessCalendar> removeHoliday(String calendarId, LocalDate date) {
        return calendar(calendarId).filter(calendar -> calendar.holidays().containsKey(date)).map(calendar -> {
            Map<LocalDate, String> holidays = new HashMap<>(calendar.holidays());
            holidays.remove(date);
            BusinessCalendar changed = new BusinessCalendar(calendarId, calendar.zone(), calendar.openingHours(), holidays);
            calendars.put(calendarId, changed);
            return changed;
        });
    }

    @Override
    public boolean savePolicy(ServiceLevelPolicy policy, Integer previousOrder) {
        ServiceLevelPolicy stored = policies.get(policy.id());
        boolean asRead = previousOrder == null ? stored == null : stored != null && stored.order() == previousOrder;
        boolean placeFree = policies.values().stream().noneMatch(other -> other.order() == policy.order()
                && !other.id().equals(policy.id()));
        if (!asRead || !placeFree) {
            return false;
        }
        policies.put(policy.id(), policy);
        return true;
    }

    @Override
    public boolean deletePolicy(String policyId, int order) {
        ServiceLevelPolicy stored = policies.get(policyId);
        return stored != null && stored.order() == order && policies.remove(policyId) != null;
    }
}

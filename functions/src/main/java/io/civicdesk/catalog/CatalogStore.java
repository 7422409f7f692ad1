package io.civicdesk.catalog;

import io.civicdesk.platform.Items;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service catalogue and the council's business calendars.
 *
 * <pre>
 * pk                 sk                  item
 * CATALOG            COUNCIL             the council: name, timeZone, calendarId
 * CATALOG            UNIT#{unitId}       a business unit: name, email (its shared inbox, optional)
 * CATALOG            SERVICE#{serviceId} a service with its questions embedded (a few KB at most)
 * CATALOG            POLICY#{policyId}   a service-level policy: order, serviceId and priority (absent: any),
 *                                        targets in business minutes, warning percents, calendarId (absent: the council's)
 * CATALOG            POLICY-ORDER#{n}    policyId: the policy holding place n in the order, written in the same
 *                                        transaction as the policy, so two administrators cannot both take n
 * CALENDAR#{id}      CALENDAR            a business calendar: zone, opening hours as weekday → ["08:30-12:30", ..],
 *                                        holidays as a date → name map (the state's, and those an administrator adds)
 * </pre>
 *
 * The whole catalogue is one partition read by one Query: it is small, read far more than written, and a
 * resident's first page needs all of it. A service is one GetItem; a calendar is one GetItem; the policies are
 * one Query of their part of the catalogue. A holiday is added or removed by one conditional UpdateItem of the
 * calendar's holidays map, so it never overwrites a change made meanwhile to the rest of the calendar.
 *
 * <p>The calendars are kept by {@link CalendarStore}, the policies by {@link PolicyStore}, the item mapping of the
 * council, units and services by {@link CatalogItems}; this class is the one door to all of them.
 */
public final class CatalogStore implements ServiceLevelSettings {
    private final CatalogTable table;
    private final CalendarStore calendars;
    private final PolicyStore policies;

    public CatalogStore(DynamoDbClient dynamo, String table) {
        this.table = new CatalogTable(dynamo, table);
        this.calendars = new CalendarStore(this.table);
        this.policies = new PolicyStore(this.table);
    }

    public record Catalogue(Council council, Map<String, Unit> units, List<Service> services,
                            List<ServiceLevelPolicy> policies) {
    }

    @Override
    public Catalogue catalogue() {
        Council council = null;
        Map<String, Unit> units = new LinkedHashMap<>();
        List<Service> services = new ArrayList<>();
        List<ServiceLevelPolicy> policies = new ArrayList<>();
        for (Map<String, AttributeValue> item : table.query("")) {
            String sk = Items.string(item, "sk");
            if (sk.equals("COUNCIL")) {
                council = CatalogItems.council(item);
            } else if (sk.startsWith("UNIT#")) {
                Unit unit = CatalogItems.unit(item);
                units.put(unit.id(), unit);
            } else if (sk.startsWith("SERVICE#")) {
                services.add(CatalogItems.service(item));
            } else if (sk.startsWith(PolicyStore.POLICY)) {
                policies.add(PolicyStore.policy(item));
            }
        }
        if (council == null) {
            throw new IllegalStateException("The catalogue has no council item");
        }
        return new Catalogue(council, units, services, policies);
    }

    @Override
    public List<ServiceLevelPolicy> policies() {
        return policies.policies();
    }

    @Override
    public Optional<Service> service(String serviceId) {
        return table.get(CatalogTable.CATALOG, "SERVICE#" + serviceId).map(CatalogItems::service);
    }

    @Override
    public Map<String, Unit> units() {
        Map<String, Unit> units = new LinkedHashMap<>();
        table.query("UNIT#").stream().map(CatalogItems::unit).forEach(unit -> units.put(unit.id(), unit));
        return units;
    }

    @Override
    public Optional<Unit> unit(String unitId) {
        return table.get(CatalogTable.CATALOG, "UNIT#" + unitId).map(CatalogItems::unit);
    }

    @Override
    public Council council() {
        return table.get(CatalogTable.CATALOG, "COUNCIL").map(CatalogItems::council)
                .orElseThrow(() -> new IllegalStateException("The catalogue has no council item"));
    }

    @Override
    public Optional<BusinessCalendar> calendar(String calendarId) {
        return calendars.calendar(calendarId);
    }

    @Override
    public Optional<BusinessCalendar> addHoliday(String calendarId, LocalDate date, String name) {
        return calendars.addHoliday(calendarId, date, name);
    }

    @Override
    public Optional<BusinessCalendar> removeHoliday(String calendarId, LocalDate date) {
        return calendars.removeHoliday(calendarId, date);
    }

    public void putCouncil(Council council) {
        table.put(CatalogItems.councilItem(council));
    }

    public void putUnit(Unit unit) {
        table.put(CatalogItems.unitItem(unit));
    }

    public void putService(Service service) {
        table.put(CatalogItems.serviceItem(service));
    }

    @Override
    public void putCalendar(BusinessCalendar calendar) {
        calendars.put(calendar);
    }

    @Override
    public boolean savePolicy(ServiceLevelPolicy policy, Integer previousOrder) {
        return policies.save(policy, previousOrder);
    }

    @Override
    public boolean deletePolicy(String policyId, int order) {
        return policies.delete(policyId, order);
    }

    /** A policy's attributes, as stored in the catalogue and copied onto each request it is applied to. */
    public static Map<String, AttributeValue> policyItem(ServiceLevelPolicy policy) {
        return PolicyStore.policyItem(policy);
    }

    /** A policy as stored, in the catalogue or copied onto a request. */
    public static ServiceLevelPolicy policy(Map<String, AttributeValue> item) {
        return PolicyStore.policy(item);
    }
}

package io.civicdesk.catalog;

import io.civicdesk.platform.Items;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.OpeningSpan;
import io.civicdesk.sla.ServiceLevelPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

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
 */
public final class CatalogStore {
    private static final String CATALOG = "CATALOG";
    private static final String POLICY = "POLICY#";
    private static final String POLICY_ORDER = "POLICY-ORDER#";
    /** A place in the order that is free, or already held by this policy. */
    private static final String HELD_BY_NOBODY_ELSE = "attribute_not_exists(pk) OR policyId = :id";

    private final DynamoDbClient dynamo;
    private final String table;

    public CatalogStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public record Catalogue(Council council, Map<String, Unit> units, List<Service> services,
                            List<ServiceLevelPolicy> policies) {
    }

    public Catalogue catalogue() {
        Council council = null;
        Map<String, Unit> units = new LinkedHashMap<>();
        List<Service> services = new ArrayList<>();
        List<ServiceLevelPolicy> policies = new ArrayList<>();
        for (Map<String, AttributeValue> item : query("")) {
            String sk = Items.string(item, "sk");
            if (sk.equals("COUNCIL")) {
                council = council(item);
            } else if (sk.startsWith("UNIT#")) {
                Unit unit = unit(item);
                units.put(unit.id(), unit);
            } else if (sk.startsWith("SERVICE#")) {
                services.add(service(item));
            } else if (sk.startsWith(POLICY)) {
                policies.add(policy(item));
            }
        }
        if (council == null) {
            throw new IllegalStateException("The catalogue has no council item");
        }
        return new Catalogue(council, units, services, policies);
    }

    /** The service-level policies, in their order. */
    public List<ServiceLevelPolicy> policies() {
        return query(POLICY).stream().map(CatalogStore::policy)
                .sorted(Comparator.comparingInt(ServiceLevelPolicy::order)).toList();
    }

    /** The catalogue's items whose sort key starts with {@code skPrefix}; all of them for "". */
    private List<Map<String, AttributeValue>> query(String skPrefix) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table);
        if (skPrefix.isEmpty()) {
            query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(CATALOG)));
        } else {
            query.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(CATALOG), ":prefix", s(skPrefix)));
        }
        return dynamo.queryPaginator(query.build()).items().stream().toList();
    }

    public Optional<Service> service(String serviceId) {
        return get(CATALOG, "SERVICE#" + serviceId).map(CatalogStore::service);
    }

    /** The units, by id; none before the catalogue is seeded (a new stack's first administrator comes first). */
    public Map<String, Unit> units() {
        Map<String, Unit> units = new LinkedHashMap<>();
        query("UNIT#").stream().map(CatalogStore::unit).forEach(unit -> units.put(unit.id(), unit));
        return units;
    }

    public Optional<Unit> unit(String unitId) {
        return get(CATALOG, "UNIT#" + unitId).map(CatalogStore::unit);
    }

    public Council council() {
        return get(CATALOG, "COUNCIL").map(CatalogStore::council)
                .orElseThrow(() -> new IllegalStateException("The catalogue has no council item"));
    }

    public Optional<BusinessCalendar> calendar(String calendarId) {
        return get(calendarPk(calendarId), "CALENDAR").map(item -> calendar(calendarId, item));
    }

    private static BusinessCalendar calendar(String calendarId, Map<String, AttributeValue> item) {
        return new BusinessCalendar(
                calendarId,
                ZoneId.of(Items.string(item, "timeZone")),
                Items.map(item, "openingHours").entrySet().stream().collect(Collectors.toMap(
                        entry -> DayOfWeek.valueOf(entry.getKey()),
                        entry -> entry.getValue().l().stream().map(span -> OpeningSpan.parse(span.s())).toList())),
                Items.map(item, "holidays").entrySet().stream().collect(Collectors.toMap(
                        entry -> LocalDate.parse(entry.getKey()), entry -> entry.getValue().s())));
    }

    private static String calendarPk(String calendarId) {
        return "CALENDAR#" + calendarId;
    }

    /** Adds a holiday (or renames the one on that date); empty when there is no such calendar. */
    public Optional<BusinessCalendar> addHoliday(String calendarId, LocalDate date, String name) {
        return updateHolidays(calendarId, "SET holidays.#date = :name", "attribute_exists(pk)",
                Map.of(":name", s(name)), date);
    }

    /** Removes a holiday; empty when the calendar has none on that date (or there is no such calendar). */
    public Optional<BusinessCalendar> removeHoliday(String calendarId, LocalDate date) {
        return updateHolidays(calendarId, "REMOVE holidays.#date", "attribute_exists(holidays.#date)", null, date);
    }

    private Optional<BusinessCalendar> updateHolidays(String calendarId, String update, String condition,
                                                      Map<String, AttributeValue> values, LocalDate date) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(request -> request.tableName(table)
                    .key(Items.key(calendarPk(calendarId), "CALENDAR"))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#date", date.toString()))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(calendar(calendarId, item));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    public void putCouncil(Council council) {
        put(Map.of("pk", s(CATALOG), "sk", s("COUNCIL"), "name", s(council.name()),
                "timeZone", s(council.timeZone()), "calendarId", s(council.calendarId())));
    }

    public void putUnit(Unit unit) {
        put(unitItem(unit));
    }

    public void putService(Service service) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(CATALOG));
        item.put("sk", s("SERVICE#" + service.id()));
        item.put("id", s(service.id()));
        item.put("name", s(service.name()));
        item.put("theme", s(service.theme()));
        item.put("unitId", s(service.unitId()));
        item.put("description", s(service.description()));
        item.put("whatHappensNext", s(service.whatHappensNext()));
        item.put("timeframe", s(service.timeframe()));
        item.put("notice", s(service.notice()));
        item.put("responseDays", n(service.responseDays()));
        item.put("resolutionDays", n(service.resolutionDays()));
        item.put("keywords", Items.strings(service.keywords()));
        item.put("order", n(service.order()));
        item.put("questions", AttributeValue.fromL(service.questions().stream()
                .map(question -> AttributeValue.fromM(questionItem(question))).toList()));
        put(Items.compact(item));
    }

    public void putCalendar(BusinessCalendar calendar) {
        put(Map.of("pk", s(calendarPk(calendar.id())), "sk", s("CALENDAR"),
                "timeZone", s(calendar.zone().getId()),
                "openingHours", AttributeValue.fromM(calendar.openingHours().entrySet().stream().collect(Collectors.toMap(
                        entry -> entry.getKey().name(),
                        entry -> Items.strings(entry.getValue().stream().map(OpeningSpan::toString).toList())))),
                "holidays", AttributeValue.fromM(calendar.holidays().entrySet().stream().collect(Collectors.toMap(
                        entry -> entry.getKey().toString(), entry -> s(entry.getValue()))))));
    }

    /**
     * Stores a policy (as an administrator changed it, or seeded), taking its place in the order in the same transaction.
     * {@code previousOrder} is the order it was read with (null: a new policy); false when another save got
     * there first (the policy changed, or the place was taken), and nothing is written.
     */
    public boolean savePolicy(ServiceLevelPolicy policy, Integer previousOrder) {
        Map<String, AttributeValue> item = new HashMap<>(policyItem(policy));
        item.put("pk", s(CATALOG));
        item.put("sk", s(POLICY + policy.id()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(item)
                .conditionExpression(previousOrder == null ? "attribute_not_exists(pk)" : "#order = :previous")
                .expressionAttributeNames(previousOrder == null ? null : Map.of("#order", "order"))
                .expressionAttributeValues(previousOrder == null ? null : Map.of(":previous", n(previousOrder)))).build());
        writes.add(TransactWriteItem.builder().put(put -> put.tableName(table)
                .item(Map.of("pk", s(CATALOG), "sk", s(POLICY_ORDER + policy.order()), "policyId", s(policy.id())))
                .conditionExpression(HELD_BY_NOBODY_ELSE).expressionAttributeValues(Map.of(":id", s(policy.id())))).build());
        if (previousOrder != null && previousOrder != policy.order()) {
            writes.add(releaseOrder(policy.id(), previousOrder));
        }
        return transact(writes);
    }

    /** Deletes a policy read with {@code order}, giving up its place; false when it changed or went meanwhile. */
    public boolean deletePolicy(String policyId, int order) {
        return transact(List.of(
                TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(Items.key(CATALOG, POLICY + policyId))
                        .conditionExpression("#order = :order").expressionAttributeNames(Map.of("#order", "order"))
                        .expressionAttributeValues(Map.of(":order", n(order)))).build(),
                releaseOrder(policyId, order)));
    }

    private TransactWriteItem releaseOrder(String policyId, int order) {
        return TransactWriteItem.builder().delete(delete -> delete.tableName(table).key(Items.key(CATALOG, POLICY_ORDER + order))
                .conditionExpression(HELD_BY_NOBODY_ELSE).expressionAttributeValues(Map.of(":id", s(policyId)))).build();
    }

    private boolean transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(request -> request.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** A policy's attributes, as stored in the catalogue and copied onto each request it is applied to. */
    public static Map<String, AttributeValue> policyItem(ServiceLevelPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(policy.id()));
        item.put("order", n(policy.order()));
        item.put("serviceId", s(policy.serviceId()));
        item.put("priority", s(policy.priority()));
        item.put("firstResponseMinutes", n(policy.firstResponse().toMinutes()));
        item.put("resolutionMinutes", n(policy.resolution().toMinutes()));
        item.put("keepInformedMinutes", policy.keepInformed() == null ? null : n(policy.keepInformed().toMinutes()));
        item.put("warningPercents", AttributeValue.fromL(policy.warningPercents().stream().map(percent -> n(percent)).toList()));
        item.put("calendarId", s(policy.calendarId()));
        return Items.compact(item);
    }

    /** A policy as stored, in the catalogue or copied onto a request. */
    public static ServiceLevelPolicy policy(Map<String, AttributeValue> item) {
        Long keepInformed = Items.number(item, "keepInformedMinutes");
        return new ServiceLevelPolicy(Items.string(item, "id"), Items.integer(item, "order"),
                Items.string(item, "serviceId"), Items.string(item, "priority"),
                Duration.ofMinutes(Items.number(item, "firstResponseMinutes")),
                Duration.ofMinutes(Items.number(item, "resolutionMinutes")),
                keepInformed == null ? null : Duration.ofMinutes(keepInformed),
                item.get("warningPercents").l().stream().map(percent -> Integer.valueOf(percent.n())).toList(),
                Items.string(item, "calendarId"));
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table).key(Items.key(pk, sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    private static Council council(Map<String, AttributeValue> item) {
        return new Council(Items.string(item, "name"), Items.string(item, "timeZone"), Items.string(item, "calendarId"));
    }

    private static Map<String, AttributeValue> unitItem(Unit unit) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(CATALOG));
        item.put("sk", s("UNIT#" + unit.id()));
        item.put("id", s(unit.id()));
        item.put("name", s(unit.name()));
        item.put("email", s(unit.email()));
        return Items.compact(item);
    }

    private static Unit unit(Map<String, AttributeValue> item) {
        return new Unit(Items.string(item, "id"), Items.string(item, "name"), Items.string(item, "email"));
    }

    private static Service service(Map<String, AttributeValue> item) {
        return new Service(Items.string(item, "id"), Items.string(item, "name"), Items.string(item, "theme"),
                Items.string(item, "unitId"), Items.string(item, "description"),
                Items.string(item, "whatHappensNext"), Items.string(item, "timeframe"),
                Items.string(item, "notice"), Items.integer(item, "responseDays"),
                Items.integer(item, "resolutionDays"), Items.stringList(item, "keywords"),
                Items.integer(item, "order"),
                Items.mapList(item, "questions").stream().map(CatalogStore::question).toList());
    }

    private static Map<String, AttributeValue> questionItem(Question question) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(question.id()));
        item.put("label", s(question.label()));
        item.put("type", s(question.type().wireName()));
        item.put("required", Items.bool(question.required()));
        item.put("help", s(question.help()));
        item.put("options", question.options().isEmpty() ? null : Items.strings(question.options()));
        item.put("order", n(question.order()));
        item.put("maxLength", question.maxLength() == null ? null : n(question.maxLength()));
        item.put("min", question.min() == null ? null : n(question.min()));
        item.put("max", question.max() == null ? null : n(question.max()));
        return Items.compact(item);
    }

    private static Question question(Map<String, AttributeValue> item) {
        return new Question(Items.string(item, "id"), Items.string(item, "label"),
                QuestionType.fromWireName(Items.string(item, "type")), Items.flag(item, "required"),
                Items.string(item, "help"), Items.stringList(item, "options"), Items.integer(item, "order"),
                Items.integer(item, "maxLength"), Items.decimal(item, "min"), Items.decimal(item, "max"));
    }
}

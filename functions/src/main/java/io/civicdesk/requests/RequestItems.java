package io.civicdesk.requests;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.languages.Language;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.platform.Write;
import io.civicdesk.sla.ServiceClock;
import io.civicdesk.sla.ServiceLevel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The items of the requests table and the requests they hold, both ways: the one place that knows each
 * attribute's name and type. The key design is {@link RequestStore}'s.
 */
final class RequestItems {
    /** The one partition of the Alerts index: only requests with an alert to come are in it. */
    static final String ALERTS = "ALERTS";
    /** The one partition of the Submitted index: every request, by when it was submitted. */
    static final String SUBMITTED = "SUBMITTED";
    static final String OPEN = "OPEN#";
    static final String DONE = "DONE#";
    /** Fixed-width milliseconds, so an index's string order is time order (ISO_INSTANT drops trailing zeros). */
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The request item's attributes its store writes; a change sets those present and removes the rest. */
    static final Set<String> OWNED = Set.of("reference", "serviceId", "serviceName", "unitId", "status",
            "submittedAt", "timeZone", "answers", "location", "description", "contact", "language",
            "preferredChannel", "channel", "secretHash", "version", "priority", "assigneeId", "assigneeName",
            "acknowledgedAt", "finishedAt", "paused", "resolvedAt", "closedAt", "resolution", "duplicateOf",
            "followers", "resolvedAtFirstContact", "loggedById", "loggedByName", "queueUnit", "queueKey", "dueKind",
            "dueDate", "dueAt", "serviceLevel", "alertShard", "nextAlertAt", "slaFlag", "submittedShard", "submittedKey",
            "agencyId");

    private RequestItems() {
    }

    static String partition(Reference reference) {
        return "REQUEST#" + reference.value();
    }

    /** The reference of the partition an item (or an index's item) belongs to. */
    static Reference reference(Map<String, AttributeValue> item) {
        return new Reference(Items.string(item, "pk").substring("REQUEST#".length()));
    }

    static Map<String, AttributeValue> requestKey(Reference reference) {
        return Items.key(partition(reference), "REQUEST");
    }

    /** An item that must not exist yet: a new request, and the history and updates, which are only ever added to. */
    static Write putNew(String part, String table, Map<String, AttributeValue> item) {
        return Write.put(part, Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build());
    }

    static String keyTime(Instant at) {
        return KEY_TIME.format(at);
    }

    /** Where requests submitted at {@code at} begin in the Submitted index (their keys add {@code #{ref}}). */
    static String submittedKey(Instant at) {
        return keyTime(at);
    }

    static String openKey(Instant dueAt) {
        return OPEN + keyTime(dueAt);
    }

    private static String queueKey(ServiceRequest request, Due due) {
        String prefix = due == null ? DONE + keyTime(request.handling().finishedAt()) : openKey(due.at());
        return prefix + "#" + request.reference().value();
    }

    static Map<String, AttributeValue> requestItem(ServiceRequest request) {
        Handling handling = request.handling();
        Due due = Due.of(request);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(request.reference())));
        item.put("sk", s("REQUEST"));
        item.put("reference", s(request.reference().value()));
        item.put("serviceId", s(request.serviceId()));
        item.put("serviceName", s(request.serviceName()));
        item.put("unitId", s(request.unitId()));
        item.put("status", s(request.status()));
        item.put("submittedAt", s(request.submittedAt().toString()));
        item.put("timeZone", s(request.timeZone()));
        item.put("answers", AttributeValue.fromL(request.answers().stream().map(answer -> AttributeValue.fromM(Map.of(
                "questionId", s(answer.questionId()), "question", s(answer.question()),
                "values", Items.strings(answer.values())))).toList()));
        item.put("location", AttributeValue.fromM(Items.compact(locationItem(request.location()))));
        item.put("description", s(request.description()));
        item.put("contact", AttributeValue.fromM(Items.compact(contactItem(request.contact()))));
        item.put("language", s(request.language().tag()));
        item.put("preferredChannel", s(request.preferredChannel().wireName()));
        item.put("channel", s(request.channel()));
        item.put("agencyId", s(request.agencyId()));
        item.put("secretHash", s(request.secretHash()));
        item.put("version", n(request.version()));
        item.put("priority", s(handling.priority().wireName()));
        item.put("assigneeId", handling.assignee() == null ? null : s(handling.assignee().id()));
        item.put("assigneeName", handling.assignee() == null ? null : s(handling.assignee().name()));
        item.put("acknowledgedAt", instant(handling.acknowledgedAt()));
        item.put("finishedAt", instant(handling.finishedAt()));
        item.put("paused", handling.paused() ? Items.bool(true) : null);
        item.put("resolvedAt", instant(handling.resolvedAt()));
        item.put("closedAt", instant(handling.closedAt()));
        item.put("resolution", s(handling.resolution()));
        item.put("duplicateOf", handling.duplicateOf() == null ? null : s(handling.duplicateOf().value()));
        item.put("followers", handling.followers().isEmpty() ? null : AttributeValue.fromL(handling.followers().stream()
                .map(follower -> AttributeValue.fromM(Items.compact(followerItem(follower)))).toList()));
        item.put("resolvedAtFirstContact", handling.resolvedAtFirstContact() ? Items.bool(true) : null);
        item.put("loggedById", handling.loggedBy() == null ? null : s(handling.loggedBy().id()));
        item.put("loggedByName", handling.loggedBy() == null ? null : s(handling.loggedBy().name()));
        item.put("queueUnit", s(request.unitId()));
        item.put("queueKey", s(queueKey(request, due)));
        item.put("dueKind", due == null ? null : s(due.kind()));
        item.put("dueDate", due == null ? null : s(due.date().toString()));
        item.put("dueAt", due == null ? null : s(due.at().toString()));
        ServiceLevel level = request.serviceLevel();
        item.put("serviceLevel", AttributeValue.fromM(serviceLevelItem(level)));
        item.put("alertShard", level.nextAlertAt() == null ? null : s(ALERTS));
        item.put("nextAlertAt", level.nextAlertAt() == null ? null : s(keyTime(level.nextAlertAt())));
        item.put("slaFlag", s(level.flag()));
        item.put("submittedShard", s(SUBMITTED));
        item.put("submittedKey", s(submittedKey(request.submittedAt()) + "#" + request.reference().value()));
        return Items.compact(item);
    }

    private static Map<String, AttributeValue> serviceLevelItem(ServiceLevel level) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("policy", AttributeValue.fromM(CatalogStore.policyItem(level.policy())));
        item.put("calendarId", s(level.calendarId()));
        item.put("clock", AttributeValue.fromL(level.clock().runs().stream().map(RequestItems::runItem).toList()));
        item.put("respondedAt", instant(level.respondedAt()));
        item.put("responseMinutes", level.responseMinutes() == null ? null : n(level.responseMinutes()));
        item.put("responseMet", level.responseMet() == null ? null : Items.bool(level.responseMet()));
        item.put("resolutionMinutes", level.resolutionMinutes() == null ? null : n(level.resolutionMinutes()));
        item.put("resolutionMet", level.resolutionMet() == null ? null : Items.bool(level.resolutionMet()));
        item.put("lastNewsAt", instant(level.lastNewsAt()));
        item.put("responseDueAt", instant(level.responseDueAt()));
        item.put("resolutionDueAt", instant(level.resolutionDueAt()));
        return Items.compact(item);
    }

    private static AttributeValue runItem(ServiceClock.Run run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("from", instant(run.from()));
        item.put("to", instant(run.to()));
        return AttributeValue.fromM(Items.compact(item));
    }

    /** {@code warned} is the warnings' own attribute (a string set they ADD to), never part of a staff change. */
    private static ServiceLevel serviceLevel(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> level = Items.map(item, "serviceLevel");
        Double responseMinutes = Items.decimal(level, "responseMinutes");
        Double resolutionMinutes = Items.decimal(level, "resolutionMinutes");
        AttributeValue warned = item.get("warned");
        return new ServiceLevel(CatalogStore.policy(Items.map(level, "policy")), Items.string(level, "calendarId"),
                new ServiceClock(Items.mapList(level, "clock").stream()
                        .map(run -> new ServiceClock.Run(instant(run, "from"), instant(run, "to"))).toList()),
                instant(level, "respondedAt"), taken(responseMinutes), taken(resolutionMinutes), instant(level, "lastNewsAt"),
                warned == null || !warned.hasSs() ? Set.of() : Set.copyOf(warned.ss()),
                instant(level, "responseDueAt"), instant(level, "resolutionDueAt"), instant(item, "nextAlertAt"));
    }

    private static Duration taken(Double minutes) {
        return minutes == null ? null : Duration.ofSeconds(Math.round(minutes * 60));
    }

    private static AttributeValue instant(Instant instant) {
        return instant == null ? null : s(instant.toString());
    }

    private static Map<String, AttributeValue> followerItem(Follower follower) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("reference", follower.reference() == null ? null : s(follower.reference().value()));
        item.put("email", s(follower.email()));
        item.put("phone", s(follower.phone()));
        item.put("preferredChannel", s(follower.preferredChannel().wireName()));
        item.put("language", s(follower.language().tag()));
        // Only a follower still to confirm says so: a duplicate's resident (every follower before) never had to.
        item.put("unconfirmed", follower.confirmed() ? null : Items.bool(true));
        item.put("token", s(follower.token()));
        return item;
    }

    private static Follower follower(Map<String, AttributeValue> item) {
        String reference = Items.string(item, "reference");
        return new Follower(reference == null ? null : new Reference(reference), Items.string(item, "email"),
                Items.string(item, "phone"), PreferredChannel.fromWireName(Items.string(item, "preferredChannel")).orElse(PreferredChannel.NONE),
                Language.stored(Items.string(item, "language")), !Items.flag(item, "unconfirmed"),
                Items.string(item, "token"));
    }

    private static Map<String, AttributeValue> locationItem(Location location) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("address", s(location.address()));
        item.put("latitude", location.latitude() == null ? null : n(location.latitude()));
        item.put("longitude", location.longitude() == null ? null : n(location.longitude()));
        return item;
    }

    private static Map<String, AttributeValue> contactItem(Contact contact) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("name", s(contact.name()));
        item.put("email", s(contact.email()));
        item.put("phone", s(contact.phone()));
        return item;
    }

    static Map<String, AttributeValue> updateItem(Reference reference, PublicUpdate update, long version) {
        return Items.compact(Map.of(
                "pk", s(partition(reference)),
                "sk", s("UPDATE#" + update.at() + "#" + version),
                "at", s(update.at().toString()),
                "status", s(update.status()),
                "message", s(update.message())));
    }

    static Map<String, AttributeValue> historyItem(Reference reference, HistoryEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(reference)));
        item.put("sk", s(String.format("HISTORY#%06d#%d", entry.version(), entry.sequence())));
        item.put("version", n(entry.version()));
        item.put("sequence", n(entry.sequence()));
        item.put("at", s(entry.at().toString()));
        item.put("byId", entry.by() == null ? null : s(entry.by().id()));
        item.put("byName", entry.by() == null ? null : s(entry.by().name()));
        item.put("action", s(entry.action()));
        item.put("before", changes(entry.before()));
        item.put("after", changes(entry.after()));
        item.put("publicMessage", s(entry.publicMessage()));
        item.put("note", s(entry.note()));
        item.put("visibility", s(entry.visibility().wireName()));
        item.put("delivery", s(entry.delivery()));
        item.put("residentMessage", s(entry.residentMessage()));
        return Items.compact(item);
    }

    private static AttributeValue changes(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        values.forEach((name, value) -> map.put(name, value == null ? AttributeValue.fromNul(true) : s(value)));
        return AttributeValue.fromM(map);
    }

    static Map<String, AttributeValue> findItem(ServiceRequest request, SearchTerms.Term term) {
        return findItem(partition(request.reference()), request.submittedAt() + "#" + request.reference().value(), term);
    }

    /** @param findAt the request's {submittedAt}#{reference}, the Lookup index's sort key */
    static Map<String, AttributeValue> findItem(String pk, String findAt, SearchTerms.Term term) {
        return Map.of(
                "pk", s(pk),
                "sk", s("FIND#" + term.term()),
                "findTerm", s(term.term()),
                "findAt", s(findAt),
                "findFields", Items.strings(term.fields().stream().sorted().toList()));
    }

    static ServiceRequest request(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> location = Items.map(item, "location");
        Map<String, AttributeValue> contact = Items.map(item, "contact");
        String assigneeId = Items.string(item, "assigneeId");
        String loggedById = Items.string(item, "loggedById");
        String duplicateOf = Items.string(item, "duplicateOf");
        Handling handling = new Handling(
                Priority.fromWireName(Items.string(item, "priority")).orElse(Priority.NORMAL),
                assigneeId == null ? null : new Actor(assigneeId, Items.string(item, "assigneeName")),
                instant(item, "acknowledgedAt"), instant(item, "finishedAt"), Items.flag(item, "paused"),
                instant(item, "resolvedAt"), instant(item, "closedAt"), Items.string(item, "resolution"),
                duplicateOf == null ? null : new Reference(duplicateOf),
                Items.mapList(item, "followers").stream().map(RequestItems::follower)
                        .toList(),
                Items.flag(item, "resolvedAtFirstContact"),
                loggedById == null ? null : new Actor(loggedById, Items.string(item, "loggedByName")));
        return new ServiceRequest(new Reference(Items.string(item, "reference")), Items.string(item, "serviceId"),
                Items.string(item, "serviceName"), Items.string(item, "unitId"), Items.string(item, "status"),
                Instant.parse(Items.string(item, "submittedAt")), Items.string(item, "timeZone"),
                Items.mapList(item, "answers").stream().map(answer -> new Answer(Items.string(answer, "questionId"),
                        Items.string(answer, "question"), Items.stringList(answer, "values"))).toList(),
                new Location(Items.string(location, "address"), Items.decimal(location, "latitude"),
                        Items.decimal(location, "longitude")),
                Items.string(item, "description"),
                new Contact(Items.string(contact, "name"), Items.string(contact, "email"),
                        // Numbers stored before they were held in E.164 (as typed, 0412…) read as E.164.
                        PhoneInput.stored(Items.string(contact, "phone"))),
                Language.stored(Items.string(item, "language")),
                PreferredChannel.fromWireName(Items.string(item, "preferredChannel")).orElse(PreferredChannel.NONE),
                Items.string(item, "channel"), Items.string(item, "secretHash"), Items.number(item, "version"),
                handling, serviceLevel(item), Items.string(item, "agencyId"));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = Items.string(item, name);
        return value == null ? null : Instant.parse(value);
    }

    static PublicUpdate update(Map<String, AttributeValue> item) {
        return new PublicUpdate(Instant.parse(Items.string(item, "at")), Items.string(item, "status"),
                Items.string(item, "message"));
    }

    static HistoryEntry history(Map<String, AttributeValue> item) {
        String byId = Items.string(item, "byId");
        return new HistoryEntry(Items.number(item, "version"), Items.integer(item, "sequence"),
                Instant.parse(Items.string(item, "at")), byId == null ? null : new Actor(byId, Items.string(item, "byName")),
                Items.string(item, "action"), changes(item, "before"), changes(item, "after"),
                Items.string(item, "publicMessage"), Items.string(item, "note"),
                "internal".equals(Items.string(item, "visibility")) ? HistoryEntry.Visibility.INTERNAL : HistoryEntry.Visibility.PUBLIC,
                Items.string(item, "delivery"), Items.string(item, "residentMessage"));
    }

    private static Map<String, String> changes(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        value.m().forEach((key, v) -> result.put(key, Boolean.TRUE.equals(v.nul()) ? null : v.s()));
        return result;
    }
}

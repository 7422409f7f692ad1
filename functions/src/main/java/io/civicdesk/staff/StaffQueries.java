package io.civicdesk.staff;

import io.civicdesk.requests.RequestView;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.catalog.Units;
import io.civicdesk.directory.StaffDirectory;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.Priority;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStatus;
import io.civicdesk.requests.LookupStore;
import io.civicdesk.requests.QueueStore;
import io.civicdesk.requests.ReferralInboxStore;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.LookupStore.LookupHit;
import io.civicdesk.requests.QueueStore.QueueEntry;
import io.civicdesk.requests.QueueStore.QueuePage;
import io.civicdesk.requests.QueueStore.QueueRead;
import io.civicdesk.requests.SearchTerms;
import io.civicdesk.requests.ServiceRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** What staff read to find work: who they are, the work queue, search, and a unit's officers. */
public final class StaffQueries {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    /** Several times a real cursor's length (a page's last key, encoded): a longer one was not given by this API. */
    static final int MAX_CURSOR = 1000;
    static final int SEARCH_RESULTS = 25;
    /** Per word of a search: enough to intersect on, bounded whatever the word. */
    static final int WORD_HITS = 200;
    static final int MAX_SEARCH_WORDS = 5;

    private final RequestStore requests;
    private final ReferralInboxStore inbox;
    private final QueueStore queues;
    private final LookupStore lookup;
    private final StaffDirectory directory;
    private final Units units;
    private final Clock clock;

    public StaffQueries(RequestStore requests, QueueStore queues, LookupStore lookup, StaffDirectory directory,
                        CatalogStore catalog, Clock clock, ReferralInboxStore inbox) {
        this.requests = requests;
        this.inbox = inbox;
        this.queues = queues;
        this.lookup = lookup;
        this.directory = directory;
        this.units = new Units(catalog, clock);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- me

    public record Can(boolean workQueue, boolean handleRequests, boolean logOnBehalf, boolean manageBookings,
                      boolean reviewComplaints, boolean editWorkflows, boolean viewReports, boolean manageReports,
                      boolean editServiceLevels, boolean manageStaff, boolean editSynonyms, boolean editGuides,
                      boolean managePrivacy, boolean manageApiKeys, boolean reconcilePayments, boolean handleComplaints,
                      boolean planDays,
                      boolean editResponses,
                      boolean manageAgencies) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Me(String id, String name, String email, List<String> roles, RequestView.Named unit,
                     List<RequestView.Named> units, Can can) {
    }

    public Me me(StaffCaller caller) {
        caller.requireAny(Role.values());
        boolean handles = caller.has(Role.OFFICER) || caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN);
        return new Me(caller.id(), caller.name(), caller.email(),
                caller.roles().stream().map(Role::group).sorted().toList(),
                caller.unitId() == null ? null : named(caller.unitId()),
                units.all().stream().map(unit -> new RequestView.Named(unit.id(), unit.name())).toList(),
                new Can(handles, handles, handles, handles, caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN),
                        caller.has(Role.ADMIN), caller.has(Role.SUPERVISOR) || caller.has(Role.ACCOUNT_MANAGER) || caller.has(Role.ADMIN),
                        caller.has(Role.ADMIN), caller.has(Role.ADMIN), caller.has(Role.ADMIN), caller.has(Role.ADMIN),
                        caller.has(Role.ADMIN), caller.has(Role.ADMIN), caller.has(Role.ADMIN),
                        caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN), handles,
                        caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN), caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN),
                        caller.has(Role.ACCOUNT_MANAGER) || caller.has(Role.ADMIN)));
    }

    // ---------------------------------------------------------------- queue

    /** The queue's parameters, checked. {@code assigned} is null, "unassigned", or a staff id. */
    public record QueueQuery(String unit, String view, String status, Priority priority, String service,
                             String assigned, String due, String cursor, int limit) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QueueView(RequestView.Named unit, String view, List<QueueItem> items,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor, Counts counts) {
    }

    public record Counts(int open, int unassigned, int assignedToMe, int dueSoon, int overdue, int paused,
                         Map<String, Integer> byStatus, Map<String, Integer> byPriority, Map<String, Integer> byService) {
    }

    /** Reads the queue's query-string parameters; 400 naming each that is wrong. */
    public static QueueQuery readQueue(Function<String, Optional<String>> parameter) {
        List<FieldError> errors = new ArrayList<>();
        String unit = Ids.read(parameter.apply("unit").orElse(null), "unit", "unit", errors);
        String view = parameter.apply("view").map(String::strip).orElse("open");
        if (!view.equals("open") && !view.equals("done")) {
            errors.add(new FieldError("view", "view is open or done."));
        }
        String status = Ids.read(parameter.apply("status").orElse(null), "status", "status", errors);
        Priority priority = null;
        Optional<String> priorityText = parameter.apply("priority").map(String::strip).filter(v -> !v.isEmpty());
        if (priorityText.isPresent()) {
            priority = Priority.fromWireName(priorityText.get()).orElse(null);
            if (priority == null) {
                errors.add(new FieldError("priority", "priority is low, normal, high or urgent."));
            }
        }
        String service = Ids.read(parameter.apply("service").orElse(null), "service", "service", errors);
        // "me" and "unassigned" are ids in form too.
        String assigned = Ids.read(parameter.apply("assigned").orElse(null), "assigned", "member of staff", errors);
        String due = parameter.apply("due").map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (due != null && !due.equals("soon") && !due.equals("overdue")) {
            errors.add(new FieldError("due", "due is soon or overdue."));
        } else if (due != null && view.equals("done")) {
            errors.add(new FieldError("due", "Finished requests are not due: due goes with view=open."));
        }
        int limit = DEFAULT_LIMIT;
        Optional<String> limitText = parameter.apply("limit").map(String::strip);
        if (limitText.isPresent()) {
            try {
                limit = Integer.parseInt(limitText.get());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(new FieldError("limit", "limit is a whole number from 1 to " + MAX_LIMIT + "."));
            }
        }
        String cursor = parameter.apply("cursor").map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
        if (cursor != null && cursor.length() > MAX_CURSOR) {
            errors.add(new FieldError("cursor", "This cursor is not one this API gave: start again from the first page."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new QueueQuery(unit, view, status, priority, service, assigned, due, cursor, limit);
    }

    public QueueView queue(StaffCaller caller, QueueQuery query) {
        RequestActions.requireHandler(caller);
        String unit = query.unit() != null ? query.unit() : caller.unitId();
        if (unit == null) {
            throw Refusal.invalid("unit", "Choose a unit: you work across units.");
        }
        caller.requireUnit(unit);
        RequestView.Named unitName = named(unit);
        if (units.unit(unit).isEmpty()) {
            throw Refusal.invalid("unit", "There is no unit " + unit + ".");
        }
        String assigneeId = "me".equals(query.assigned()) ? caller.id()
                : "unassigned".equals(query.assigned()) ? null : query.assigned();
        Instant now = clock.instant();
        boolean open = query.view().equals("open");
        String from = open ? QueueStore.OPEN : QueueStore.DONE;
        String to = (open ? QueueStore.OPEN : QueueStore.DONE) + QueueStore.END;
        if ("overdue".equals(query.due())) {
            to = QueueStore.openKey(now);
        } else if ("soon".equals(query.due())) {
            from = QueueStore.openKey(now);
            to = QueueStore.openKey(now.plus(RequestView.DUE_SOON)) + QueueStore.END;
        }
        Map<String, String> equalTo = new LinkedHashMap<>();
        if (query.status() != null) {
            equalTo.put("status", query.status());
        }
        if (query.priority() != null) {
            equalTo.put("priority", query.priority().wireName());
        }
        if (query.service() != null) {
            equalTo.put("serviceId", query.service());
        }
        String index = QueueStore.UNIT_QUEUE;
        String partition = unit;
        if (assigneeId != null) {
            index = QueueStore.ASSIGNEE_QUEUE;
            partition = assigneeId;
            equalTo.put("queueUnit", unit);
        }
        String fingerprint = Hashes.sha256(String.join("\n", unit, query.view(), String.valueOf(query.status()),
                String.valueOf(query.priority()), String.valueOf(query.service()), String.valueOf(query.assigned()),
                String.valueOf(query.due()), caller.id())).substring(0, 16);
        Map<String, String> startKey = query.cursor() == null ? null : QueueCursorReader.read(query.cursor(), fingerprint);
        QueuePage page = queues.queue(new QueueRead(index, partition, from, to, open, equalTo,
                "unassigned".equals(query.assigned()), query.due() != null, query.limit(), startKey));
        List<QueueItem> items = page.entries().stream().map(entry -> QueueItem.of(entry, now)).toList();
        String next = page.lastKey() == null ? null : QueueCursorReader.write(page.lastKey(), fingerprint);
        Counts counts = query.cursor() == null ? counts(queues.openInUnit(unit), caller.id(), now) : null;
        return new QueueView(unitName, query.view(), items, next, counts);
    }

    static Counts counts(List<QueueEntry> open, String me, Instant now) {
        int unassigned = 0;
        int mine = 0;
        int soon = 0;
        int overdue = 0;
        int paused = 0;
        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byPriority = new TreeMap<>();
        Map<String, Integer> byService = new TreeMap<>();
        for (QueueEntry entry : open) {
            if (entry.assignee() == null) {
                unassigned++;
            } else if (entry.assignee().id().equals(me)) {
                mine++;
            }
            if (QueueItem.overdue(entry, now)) {
                overdue++;
            } else if (QueueItem.dueSoon(entry, now)) {
                soon++;
            }
            if (entry.paused()) {
                paused++;
            }
            byStatus.merge(entry.status(), 1, Integer::sum);
            byPriority.merge(entry.priority().wireName(), 1, Integer::sum);
            byService.merge(entry.serviceId(), 1, Integer::sum);
        }
        return new Counts(open.size(), unassigned, mine, soon, overdue, paused, byStatus, byPriority, byService);
    }

    // ---------------------------------------------------------------- search

    public record Resident(String name) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SearchItem(String reference, String displayReference, RequestView.Named service, String unitId,
                             String status, String statusLabel, String priority, Instant submittedAt,
                             Resident resident, String address, List<String> matched) {
    }

    public record SearchView(String q, String matchedBy, List<SearchItem> items, boolean truncated) {
    }

    public SearchView search(StaffCaller caller, String q) {
        RequestActions.requireHandler(caller);
        String query = q == null ? "" : q.strip();
        if (query.length() < 2 || query.length() > 200) {
            throw Refusal.invalid("q", "Search for 2 to 200 characters: a reference, or a resident's name, email, phone number or address.");
        }
        Optional<Reference> reference = Reference.parse(query);
        if (reference.isPresent()) {
            Optional<ServiceRequest> found = requests.get(reference.get());
            if (found.isPresent() || !query.matches("[\\p{L}\\s'-]+")) {
                return new SearchView(query, "reference",
                        found.map(request -> List.of(item(request, List.of("reference")))).orElse(List.of()), false);
            }
        }
        if (query.contains("@")) {
            return fromHits(query, "email", lookup.lookup(SearchTerms.email(query), SEARCH_RESULTS + 1));
        }
        String phone = query.matches("[\\d\\s()+.-]+") ? SearchTerms.phone(query) : null;
        if (phone != null) {
            return fromHits(query, "phone", lookup.lookup(phone, SEARCH_RESULTS + 1));
        }
        List<String> words = SearchTerms.words(query);
        if (words.isEmpty()) {
            throw Refusal.invalid("q", "Search for a reference, or a resident's name, email, phone number or address.");
        }
        words = words.subList(0, Math.min(words.size(), MAX_SEARCH_WORDS));
        Map<Reference, LookupHit> matches = null;
        boolean capped = false;
        for (String word : words) {
            Map<Reference, LookupHit> hits = new LinkedHashMap<>();
            List<LookupHit> found = lookup.lookup(word, WORD_HITS);
            // A word on more requests than we read may hide older matches: say the list is not whole.
            capped |= found.size() == WORD_HITS;
            for (LookupHit hit : found) {
                LookupHit earlier = matches == null ? null : matches.get(hit.reference());
                if (matches == null || earlier != null) {
                    Set<String> fields = new LinkedHashSet<>(hit.fields());
                    if (earlier != null) {
                        fields.addAll(earlier.fields());
                    }
                    hits.put(hit.reference(), new LookupHit(hit.reference(), hit.submittedAt(), fields));
                }
            }
            matches = hits;
            if (matches.isEmpty()) {
                break;
            }
        }
        List<LookupHit> newestFirst = new ArrayList<>(matches.values());
        newestFirst.sort(Comparator.comparing(LookupHit::submittedAt).reversed());
        SearchView view = fromHits(query, "words", newestFirst);
        return capped ? new SearchView(view.q(), view.matchedBy(), view.items(), true) : view;
    }

    private SearchView fromHits(String query, String matchedBy, List<LookupHit> hits) {
        boolean truncated = hits.size() > SEARCH_RESULTS;
        List<LookupHit> shown = hits.subList(0, Math.min(hits.size(), SEARCH_RESULTS));
        Map<Reference, ServiceRequest> found = new LinkedHashMap<>();
        requests.getAll(shown.stream().map(LookupHit::reference).toList())
                .forEach(request -> found.put(request.reference(), request));
        List<SearchItem> items = shown.stream().filter(hit -> found.containsKey(hit.reference()))
                .map(hit -> item(found.get(hit.reference()), hit.fields().stream().sorted().toList())).toList();
        return new SearchView(query, matchedBy, items, truncated);
    }

    private static SearchItem item(ServiceRequest request, List<String> matched) {
        return new SearchItem(request.reference().value(), request.reference().display(),
                new RequestView.Named(request.serviceId(), request.serviceName()), request.unitId(), request.status(),
                RequestStatus.label(request.status()), request.handling().priority().wireName(), request.submittedAt(),
                new Resident(request.contact().name()), request.location().address(), matched);
    }

    // ---------------------------------------------------------------- officers

    public record Officer(String id, String name, String email, List<String> roles) {
    }

    public record Officers(RequestView.Named unit, List<Officer> officers) {
    }

    /** A referral waiting for the unit's answer; {@code overdue} once past its due time. */
    public record WaitingReferral(String reference, String displayReference, String serviceName, String fromUnitName,
                                  Instant referredAt, Instant dueAt, boolean overdue) {
    }

    public record WaitingReferrals(RequestView.Named unit, List<WaitingReferral> items) {
    }

    /** The referrals waiting for a unit's answer (the caller's own unit unless one is named), oldest first. */
    public WaitingReferrals referrals(StaffCaller caller, String unitParameter) {
        String unit = handledUnit(caller, unitParameter);
        Instant now = clock.instant();
        return new WaitingReferrals(named(unit), inbox.waiting(unit, 100).stream().map(waiting -> new WaitingReferral(
                waiting.reference().value(), waiting.reference().display(), waiting.serviceName(), waiting.fromUnitName(),
                waiting.referredAt(), waiting.dueAt(), waiting.dueAt().isBefore(now))).toList());
    }

    public Officers officers(StaffCaller caller, String unitParameter) {
        String unit = handledUnit(caller, unitParameter);
        return new Officers(named(unit), directory.inUnit(unit).stream()
                .map(member -> new Officer(member.id(), member.name(), member.email(),
                        member.roles().stream().map(Role::group).sorted().toList())).toList());
    }

    /** The unit asked for, else the caller's own; one they may handle requests of, and one that exists. */
    private String handledUnit(StaffCaller caller, String unitParameter) {
        RequestActions.requireHandler(caller);
        String asked = Ids.optional(unitParameter, "unit", "unit");
        String unit = asked != null ? asked : caller.unitId();
        if (unit == null) {
            throw Refusal.invalid("unit", "Choose a unit: you work across units.");
        }
        caller.requireUnit(unit);
        if (units.unit(unit).isEmpty()) {
            throw Refusal.invalid("unit", "There is no unit " + unit + ".");
        }
        return unit;
    }

    private RequestView.Named named(String unitId) {
        return new RequestView.Named(unitId, units.name(unitId));
    }
}

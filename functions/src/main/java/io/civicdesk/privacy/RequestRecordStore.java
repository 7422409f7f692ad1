package io.civicdesk.privacy;

import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.LookupStore;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.SearchTerms;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The requests table as privacy sees it; the key design is {@link io.civicdesk.requests.RequestStore}'s:
 *
 * <pre>
 * pk                     sk                 personal attributes
 * REQUEST#{reference}    REQUEST            contact {name, email, phone}, description, location {address, latitude,
 *                                           longitude}, answers[].values, followers[].email, followers[].phone
 * REQUEST#{reference}    HISTORY#…          note (an officer's internal words), residentMessage (the resident's)
 * REQUEST#{reference}    FIND#{term}        findTerm: email#…, phone#…, word#… of the name and address (index Lookup),
 *                                           follower#email#… of each follower's email
 * IDEMPOTENCY#{sha256}   IDEMPOTENCY        body: the first answer to a submission (expiresAt, a day on)
 * </pre>
 *
 * Anonymising a request is one strongly consistent Query of its partition and one TransactWriteItems: an Update of
 * the request on its version (the description and answers become "(removed)", contact, location and followers go,
 * {@code anonymisedAt} is set, the version goes up so a staff save made from an older read is refused), a history
 * entry saying so, a Delete of each search term and the removal of each internal note and resident's message. What the figures, reports
 * and queues read — service, unit, status, dates, service level, channel, priority, queue keys — is untouched.
 */
public final class RequestRecordStore implements PersonalRecords {
    private static final int MAX_TRANSACTION = 100;
    private static final int ATTEMPTS = 3;
    /** The key of a request the resident follows (found by a subject-access search), rather than their own. */
    private static final String FOLLOWER = "FOLLOWER#";

    private final DynamoDbClient dynamo;
    private final DynamoTransactions transactions;
    private final String table;

    public RequestRecordStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.transactions = new DynamoTransactions(dynamo);
        this.table = table;
    }

    @Override
    public String name() {
        return "requests";
    }

    /** One Scan call over requests and idempotency answers; answers past expiry are deleted on the way. */
    @Override
    public Page due(Cutoffs cutoffs, String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table, "sk = :request OR begins_with(pk, :answer)", Map.of(),
                Map.of(":request", s("REQUEST"), ":answer", s("IDEMPOTENCY#")), startAfter, pageSize);
        return ScanItems.due(dynamo, table, page, cutoffs.now(), item -> isDue(item, cutoffs), RequestRecordStore::held);
    }

    private static boolean isDue(Map<String, AttributeValue> item, Cutoffs cutoffs) {
        return "REQUEST".equals(Items.string(item, "sk")) && !item.containsKey("anonymisedAt")
                && cutoffs.due(RecordKind.REQUESTS, ScanItems.instant(item, "finishedAt"));
    }

    @Override
    public Outcome anonymise(Held record, Cutoffs cutoffs) {
        if (record.key().startsWith(FOLLOWER)) {
            return unfollow(record, cutoffs);
        }
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> partition = partition(record.reference());
            Optional<Map<String, AttributeValue>> request = partition.stream()
                    .filter(item -> "REQUEST".equals(Items.string(item, "sk"))).findFirst();
            if (request.isEmpty() || !isDue(request.get(), cutoffs)) {
                return attempt == 1 && request.map(item -> item.containsKey("anonymisedAt")).orElse(false)
                        ? Outcome.ANONYMISED : Outcome.NO_LONGER_DUE;
            }
            boolean changed = attempt > 1 || Items.number(request.get(), "version") != record.version();
            try {
                commit(request.get(), partition, cutoffs);
                return changed ? Outcome.ANONYMISED_AFTER_CHANGE : Outcome.ANONYMISED;
            } catch (Refused refused) {
                if (!(refused.failed("request") || refused.conflict()) || attempt >= ATTEMPTS) {
                    throw refused;
                }
            }
        }
    }

    /**
     * An erasure of a resident who follows another request (theirs was closed as its duplicate): their entry goes
     * from its followers, on the request's version, with a history entry; the request keeps everything else.
     */
    private Outcome unfollow(Held record, Cutoffs cutoffs) {
        // The follower's email, or the phone of one who follows by text.
        String email = String.valueOf(record.details().get("follower"));
        boolean byPhone = !email.contains("@");
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> request = dynamo.getItem(get -> get.tableName(table)
                    .key(Items.key("REQUEST#" + record.reference(), "REQUEST")).consistentRead(true)).item();
            List<AttributeValue> kept = Items.mapList(request, "followers").stream()
                    .filter(follower -> !email.equalsIgnoreCase(Items.string(follower, byPhone ? "phone" : "email")))
                    .map(AttributeValue::fromM).toList();
            if (kept.size() == Items.mapList(request, "followers").size()) {
                return Outcome.NO_LONGER_DUE;
            }
            long version = Items.number(request, "version");
            Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":version", n(version), ":next", n(version + 1)));
            if (!kept.isEmpty()) {
                values.put(":kept", AttributeValue.fromL(kept));
            }
            Update update = Update.builder().tableName(table).key(Items.key("REQUEST#" + record.reference(), "REQUEST"))
                    .updateExpression(kept.isEmpty() ? "SET version = :next REMOVE followers" : "SET version = :next, followers = :kept")
                    .conditionExpression("version = :version").expressionAttributeValues(values).build();
            try {
                transactions.commit(List.of(Write.update("request", update), history("REQUEST#" + record.reference(), version,
                        cutoffs, "follower-erased"), Write.of("follower-term", TransactWriteItem.builder().delete(Delete.builder()
                        .tableName(table).key(Items.key("REQUEST#" + record.reference(), "FIND#" + (byPhone ? SearchTerms.followerPhone(email) : SearchTerms.follower(email))))
                        .build()).build())));
                return attempt == 1 && version == record.version() ? Outcome.ANONYMISED : Outcome.ANONYMISED_AFTER_CHANGE;
            } catch (Refused refused) {
                if (!(refused.failed("request") || refused.conflict()) || attempt >= ATTEMPTS) {
                    throw refused;
                }
            }
        }
    }

    /** The history entry that says what privacy did, as the version it makes. */
    private Write history(String pk, long version, Cutoffs cutoffs, String action) {
        return Write.put("history", Put.builder().tableName(table).item(Map.of(
                        "pk", s(pk), "sk", s(String.format("HISTORY#%06d#0", version + 1)), "version", n(version + 1),
                        "sequence", n(0), "at", s(cutoffs.now().toString()), "byId", s("privacy"),
                        "byName", s(cutoffs.everything() ? "Erased on the resident's request" : "Retention schedule"),
                        "action", s(action), "visibility", s("internal")))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    private void commit(Map<String, AttributeValue> request, List<Map<String, AttributeValue>> partition, Cutoffs cutoffs) {
        String pk = Items.string(request, "pk");
        long version = Items.number(request, "version");
        List<Write> writes = new ArrayList<>();
        writes.add(Write.update("request", anonymisedRequest(request, version, cutoffs.now())));
        writes.add(history(pk, version, cutoffs, "anonymised"));
        List<Write> rest = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition) {
            String sk = Items.string(item, "sk");
            Map<String, AttributeValue> key = Items.key(pk, sk);
            if (sk.startsWith("FIND#")) {
                rest.add(Write.of("search-term", TransactWriteItem.builder()
                        .delete(Delete.builder().tableName(table).key(key).build()).build()));
            } else if (sk.startsWith("HISTORY#") && (item.containsKey("note") || item.containsKey("residentMessage"))) {
                rest.add(Write.update("note", Update.builder().tableName(table).key(key)
                        .updateExpression("REMOVE note, residentMessage").build()));
            }
        }
        // A very long history: the extra parts first (harmless to repeat), the request's own change last.
        while (writes.size() + rest.size() > MAX_TRANSACTION) {
            List<Write> chunk = rest.subList(0, Math.min(MAX_TRANSACTION, writes.size() + rest.size() - MAX_TRANSACTION));
            transactions.commit(List.copyOf(chunk));
            chunk.clear();
        }
        writes.addAll(rest);
        transactions.commit(writes);
    }

    private Update anonymisedRequest(Map<String, AttributeValue> request, long version, Instant now) {
        List<AttributeValue> answers = Items.mapList(request, "answers").stream().map(answer -> {
            Map<String, AttributeValue> removed = new LinkedHashMap<>(answer);
            removed.put("values", Items.strings(List.of(ScanItems.REMOVED)));
            return AttributeValue.fromM(removed);
        }).toList();
        return Update.builder().tableName(table).key(Items.key(Items.string(request, "pk"), "REQUEST"))
                .updateExpression("SET description = :removed, answers = :answers, anonymisedAt = :now, version = :next"
                        + " REMOVE contact, followers, #location")
                .conditionExpression("version = :version")
                .expressionAttributeNames(Map.of("#location", "location"))
                .expressionAttributeValues(Map.of(":removed", s(ScanItems.REMOVED), ":answers", AttributeValue.fromL(answers),
                        ":now", s(now.toString()), ":next", n(version + 1), ":version", n(version)))
                .build();
    }

    private List<Map<String, AttributeValue>> partition(String reference) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("REQUEST#" + reference)))
                .consistentRead(true).build()).items().stream().toList();
    }

    /**
     * The resident's requests and the requests they follow (theirs was closed as a duplicate of, or followed from
     * its tracking page): one Query of the Lookup index per term (their email, their phone, their email as a
     * follower, their phone as a texted follower), then the requests by BatchGetItem. No Scan.
     */
    @Override
    public List<Held> holding(Subject subject, Set<String> related) {
        List<String> terms = new ArrayList<>(SubjectLookupStore.terms(subject));
        Set<String> followerTerms = new LinkedHashSet<>();
        if (subject.email() != null) {
            followerTerms.add("FIND#" + SearchTerms.follower(subject.email()));
        }
        if (subject.phone() != null) {
            followerTerms.add("FIND#follower#phone#" + subject.phone());
        }
        followerTerms.forEach(term -> terms.add(term.substring("FIND#".length())));
        Set<String> own = new LinkedHashSet<>();
        Set<String> followed = new LinkedHashSet<>();
        for (Map<String, AttributeValue> lookup : SubjectLookupStore.keys(dynamo, table, LookupStore.LOOKUP, "findTerm", terms)) {
            String pk = Items.string(lookup, "pk");
            (followerTerms.contains(Items.string(lookup, "sk")) ? followed : own).add(pk);
        }
        followed.removeAll(own);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        own.forEach(pk -> keys.add(Items.key(pk, "REQUEST")));
        followed.forEach(pk -> keys.add(Items.key(pk, "REQUEST")));
        List<Held> held = new ArrayList<>();
        for (Map<String, AttributeValue> item : SubjectLookupStore.items(dynamo, table, keys)) {
            if (own.contains(Items.string(item, "pk"))) {
                held.add(held(item));
            } else {
                Items.mapList(item, "followers").stream()
                        .filter(follower -> subject.matches(Items.string(follower, "email"), Items.string(follower, "phone")))
                        .map(follower -> subject.matches(Items.string(follower, "email"), null) ? Items.string(follower, "email")
                                : Items.string(follower, "phone")).findFirst()
                        .ifPresent(email -> held.add(new Held(RecordKind.REQUESTS, FOLLOWER + Items.string(item, "pk"),
                                Items.string(item, "reference"), Items.number(item, "version"),
                                Map.of("reference", Items.string(item, "reference"), "follower", email))));
            }
        }
        return held;
    }

    /** Requests not yet anonymised with followers: each follower's lookup item, on the request's version. */
    @Override
    public Backfill backfill(String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table,
                "sk = :request AND attribute_exists(followers) AND attribute_not_exists(anonymisedAt)", Map.of(),
                Map.of(":request", s("REQUEST")), startAfter, pageSize);
        int written = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            String pk = Items.string(item, "pk");
            String findAt = Items.string(item, "submittedAt") + "#" + Items.string(item, "reference");
            List<String> terms = Items.mapList(item, "followers").stream().map(follower -> Items.string(follower, "email"))
                    .filter(email -> email != null).map(SearchTerms::follower).distinct().toList();
            for (int from = 0; from < terms.size(); from += MAX_TRANSACTION - 1) {
                List<Write> writes = new ArrayList<>(List.of(Write.check("request", ConditionCheck.builder().tableName(table)
                        .key(Items.key(pk, "REQUEST")).conditionExpression("version = :version")
                        .expressionAttributeValues(Map.of(":version", item.get("version"))).build())));
                terms.subList(from, Math.min(terms.size(), from + MAX_TRANSACTION - 1)).forEach(term ->
                        writes.add(Write.put("follower-term", RequestStore.followerTerm(table, pk, findAt, term))));
                try {
                    transactions.commit(writes);
                } catch (Refused changed) {
                    if (!changed.failed("request")) {
                        throw changed;
                    }
                    break; // Changed since read: that change wrote its followers' terms itself.
                }
            }
            written += terms.isEmpty() ? 0 : 1;
        }
        return new Backfill(written, page.next());
    }

    private static Held held(Map<String, AttributeValue> item) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", Items.string(item, "reference"));
        details.put("service", Items.string(item, "serviceName"));
        details.put("status", Items.string(item, "status"));
        details.put("submittedAt", Items.string(item, "submittedAt"));
        details.put("finishedAt", Items.string(item, "finishedAt"));
        details.put("channel", Items.string(item, "channel"));
        details.put("contact", ScanItems.plain(Items.map(item, "contact")));
        details.put("location", ScanItems.plain(Items.map(item, "location")));
        details.put("description", Items.string(item, "description"));
        details.put("answers", Items.mapList(item, "answers").stream().map(answer -> Map.of(
                "question", String.valueOf(Items.string(answer, "question")),
                "answer", String.join(", ", Items.stringList(answer, "values")))).toList());
        return new Held(RecordKind.REQUESTS, Items.string(item, "pk"), Items.string(item, "reference"),
                Items.number(item, "version"), details);
    }
}

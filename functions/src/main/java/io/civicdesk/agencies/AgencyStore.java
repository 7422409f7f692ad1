package io.civicdesk.agencies;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The client agencies and their agreements, in the catalogue table beside the council's catalogue.
 *
 * <pre>
 * pk         sk                                     item
 * AGENCIES   AGENCY#{agencyId}                      name, accountManagerId, contacts [{role, name, email,
 *                                                   unsubscribeToken, unsubscribed}], version
 * AGENCIES   AGREEMENT#{agencyId}#{version:00000}   effectiveFrom, frequency, priceCents (absent: not charged),
 *                                                   reviewDate, targets [{serviceId, priority (absent: any),
 *                                                   firstResponseMinutes, resolutionMinutes (both absent: standard)}]
 * </pre>
 *
 * Every agency and every version of every agreement is one partition read by one Query: a few hundred small items
 * for a hundred agencies, read by the staff page and the report run. One agency's versions are one Query of its
 * prefix, which a submission for the agency pays for once in a while (they are kept a few minutes). An agency is
 * created with its first agreement in one transaction, and changed by a PutItem conditional on the version read; a version of an agreement is never changed, only added, by
 * a PutItem that must not find one already there.
 */
public final class AgencyStore {
    static final String PARTITION = "AGENCIES";
    private static final String AGENCY = "AGENCY#";
    private static final String AGREEMENT = "AGREEMENT#";

    private final DynamoDbClient dynamo;
    private final String table;

    public AgencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Every agency, and every version of its agreement, oldest first. */
    public record Book(List<Agency> agencies, Map<String, List<Agreement>> agreements) {
        public List<Agreement> versions(String agencyId) {
            return agreements.getOrDefault(agencyId, List.of());
        }
    }

    public Book all() {
        List<Agency> agencies = new ArrayList<>();
        Map<String, List<Agreement>> agreements = new HashMap<>();
        for (Map<String, AttributeValue> item : query("")) {
            String sk = Items.string(item, "sk");
            if (sk.startsWith(AGENCY)) {
                agencies.add(agency(item));
            } else if (sk.startsWith(AGREEMENT)) {
                Agreement agreement = agreement(item);
                agreements.computeIfAbsent(agreement.agencyId(), id -> new ArrayList<>()).add(agreement);
            }
        }
        return new Book(agencies, agreements);
    }

    public Optional<Agency> agency(String agencyId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key(PARTITION, AGENCY + agencyId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(agency(item));
    }

    public List<Agreement> agreements(String agencyId) {
        return query(AGREEMENT + agencyId + "#").stream().map(AgencyStore::agreement).toList();
    }

    /** Writes the agency if the stored one is still at {@code agency.version() - 1} (none, for version 1). */
    public boolean save(Agency agency) {
        Map<String, AttributeValue> item = agencyItem(agency);
        try {
            dynamo.putItem(put -> {
                put.tableName(table).item(item);
                if (agency.version() == 1) {
                    put.conditionExpression("attribute_not_exists(pk)");
                } else {
                    put.conditionExpression("version = :previous").expressionAttributeValues(Map.of(":previous", n(agency.version() - 1)));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    /** A new agency and the first version of its agreement, for one transaction: neither may exist yet. */
    public List<Write> created(Agency agency, Agreement first) {
        return List.of(
                Write.put("agency", Put.builder().tableName(table).item(agencyItem(agency))
                        .conditionExpression("attribute_not_exists(pk)").build()),
                Write.put("agreement", Put.builder().tableName(table).item(agreementItem(first))
                        .conditionExpression("attribute_not_exists(pk)").build()));
    }

    /** Adds a version; false when that version number was taken meanwhile. */
    public boolean add(Agreement agreement) {
        try {
            dynamo.putItem(put -> put.tableName(table).item(agreementItem(agreement)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** The partition's items whose sort key starts with {@code prefix}; all of them for "". */
    private List<Map<String, AttributeValue>> query(String prefix) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table);
        if (prefix.isEmpty()) {
            query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(PARTITION)));
        } else {
            query.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":prefix", s(prefix)));
        }
        return dynamo.queryPaginator(query.build()).items().stream().toList();
    }

    static Map<String, AttributeValue> agencyItem(Agency agency) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(PARTITION, AGENCY + agency.id()));
        item.put("id", s(agency.id()));
        item.put("name", s(agency.name()));
        item.put("accountManagerId", s(agency.accountManagerId()));
        item.put("version", n(agency.version()));
        item.put("contacts", AttributeValue.fromL(agency.contacts().stream().map(contact -> {
            Map<String, AttributeValue> c = new HashMap<>();
            c.put("role", s(contact.role().wireName()));
            c.put("name", s(contact.name()));
            c.put("email", s(contact.email()));
            c.put("unsubscribeToken", s(contact.unsubscribeToken()));
            c.put("unsubscribed", contact.unsubscribed() ? Items.bool(true) : null);
            return AttributeValue.fromM(Items.compact(c));
        }).toList()));
        return Items.compact(item);
    }

    static Agency agency(Map<String, AttributeValue> item) {
        return new Agency(Items.string(item, "id"), Items.string(item, "name"), Items.string(item, "accountManagerId"),
                Items.mapList(item, "contacts").stream().map(c -> new Agency.Contact(
                        Agency.Role.fromWireName(Items.string(c, "role")).orElseThrow(), Items.string(c, "name"),
                        Items.string(c, "email"), Items.string(c, "unsubscribeToken"), Items.flag(c, "unsubscribed"))).toList(),
                Items.number(item, "version"));
    }

    static Map<String, AttributeValue> agreementItem(Agreement agreement) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(PARTITION,
                AGREEMENT + agreement.agencyId() + "#" + String.format("%05d", agreement.version())));
        item.put("agencyId", s(agreement.agencyId()));
        item.put("version", n(agreement.version()));
        item.put("effectiveFrom", s(agreement.effectiveFrom().toString()));
        item.put("frequency", s(agreement.frequency().wireName()));
        item.put("priceCents", agreement.priceCents() == null ? null : n(agreement.priceCents()));
        item.put("reviewDate", s(agreement.reviewDate().toString()));
        item.put("targets", AttributeValue.fromL(agreement.targets().stream().map(target -> {
            Map<String, AttributeValue> t = new HashMap<>();
            t.put("serviceId", s(target.serviceId()));
            t.put("priority", s(target.priority()));
            t.put("firstResponseMinutes", target.standard() ? null : n(target.firstResponse().toMinutes()));
            t.put("resolutionMinutes", target.standard() ? null : n(target.resolution().toMinutes()));
            return AttributeValue.fromM(Items.compact(t));
        }).toList()));
        return Items.compact(item);
    }

    static Agreement agreement(Map<String, AttributeValue> item) {
        return new Agreement(Items.string(item, "agencyId"), Items.integer(item, "version"),
                LocalDate.parse(Items.string(item, "effectiveFrom")),
                Agreement.Frequency.fromWireName(Items.string(item, "frequency")).orElseThrow(),
                Items.number(item, "priceCents"), LocalDate.parse(Items.string(item, "reviewDate")),
                Items.mapList(item, "targets").stream().map(t -> {
                    Long response = Items.number(t, "firstResponseMinutes");
                    Long resolution = Items.number(t, "resolutionMinutes");
                    return new Agreement.Target(Items.string(t, "serviceId"), Items.string(t, "priority"),
                            response == null ? null : Duration.ofMinutes(response),
                            resolution == null ? null : Duration.ofMinutes(resolution));
                }).toList());
    }
}

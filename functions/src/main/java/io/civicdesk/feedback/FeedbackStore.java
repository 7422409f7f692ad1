package io.civicdesk.feedback;

import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.ContactLookupItems;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.s;

/**
 * Compliments and suggestions, in the feedback table.
 *
 * <pre>
 * pk              sk         item
 * FEEDBACK#{id}   FEEDBACK   kind (compliment | suggestion), unitId, serviceId, about (as given), message,
 *                            contact (optional), receivedAt; period = FEEDBACK#{yyyy-mm}, periodAt → ByPeriod
 * FEEDBACK#{id}   CONTACT#{term}  the contact's lookup items (platform.ContactLookup → ByContact), written with it
 * </pre>
 *
 * Written once, with the mail to the unit in the same transaction; never changed.
 */
public final class FeedbackStore {
    private final String table;

    public FeedbackStore(String table) {
        this.table = table;
    }

    /** The compliment or suggestion, as the part "feedback", with its contact's lookup items. */
    public List<Write> create(String id, String kind, String unitId, String serviceId, Complaint.About about, String message,
                      io.civicdesk.requests.Contact contact, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("FEEDBACK#" + id));
        item.put("sk", s("FEEDBACK"));
        item.put("kind", s(kind));
        item.put("unitId", s(unitId));
        item.put("serviceId", s(serviceId));
        Map<String, AttributeValue> aboutItem = new HashMap<>();
        aboutItem.put("requestReference", s(about.requestReference()));
        aboutItem.put("bookingReference", s(about.bookingReference()));
        aboutItem.put("officerName", s(about.officerName()));
        item.put("about", AttributeValue.fromM(Items.compact(aboutItem)));
        item.put("message", s(message));
        Map<String, AttributeValue> contactItem = new HashMap<>();
        contactItem.put("name", s(contact.name()));
        contactItem.put("email", s(contact.email()));
        contactItem.put("phone", s(contact.phone()));
        item.put("contact", AttributeValue.fromM(Items.compact(contactItem)));
        item.put("receivedAt", s(at.toString()));
        item.put("period", s("FEEDBACK#" + YearMonth.from(at.atZone(ZoneOffset.UTC))));
        item.put("periodAt", s(at + "#" + id));
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put("feedback", Put.builder().tableName(table).item(Items.compact(item))
                .conditionExpression("attribute_not_exists(pk)").build()));
        writes.addAll(ContactLookupItems.of(table, "FEEDBACK#" + id, contact.email(), contact.phone()));
        return writes;
    }
}

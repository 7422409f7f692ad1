package io.civicdesk.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.civicdesk.bookings.Booking;
import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The bookings table as privacy sees it; the key design is {@link io.civicdesk.bookings.BookingStore}'s:
 *
 * <pre>
 * pk                     sk            personal attributes
 * BOOKING#{reference}    BOOKING       body (the booking as JSON): contact {name, email, phone}, purpose
 * BOOKING#{reference}    CONTACT#{term}  the booker's lookup items (index ByContact): deleted when the booking is anonymised
 * IDEMPOTENCY#{sha256}   IDEMPOTENCY   body: the first answer to a POST (expiresAt, a day on)
 * </pre>
 *
 * A booking is due once its last occurrence ended (or, never held, once made) longer ago than the bookings'
 * period; a staff block-out holds nobody's details. Anonymising is one UpdateItem of the body on its version
 * (the version goes up): contact gone, purpose "(removed)", facility, times, attendance, quote and status kept.
 * The slot locks (SlotLocksTable) hold only the booking's reference.
 */
public final class BookingRecordStore implements PersonalRecords {
    private final DynamoDbClient dynamo;
    private final DynamoTransactions transactions;
    private final String table;

    public BookingRecordStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.transactions = new DynamoTransactions(dynamo);
        this.table = table;
    }

    @Override
    public String name() {
        return "bookings";
    }

    @Override
    public Page due(Cutoffs cutoffs, String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table,
                "(sk = :booking AND attribute_not_exists(anonymisedAt)) OR begins_with(pk, :answer)", Map.of(),
                Map.of(":booking", s("BOOKING"), ":answer", s("IDEMPOTENCY#")), startAfter, pageSize);
        return ScanItems.due(dynamo, table, page, cutoffs.now(),
                item -> "BOOKING".equals(Items.string(item, "sk")) && isDue(item, booking(item), cutoffs), item -> held(booking(item)));
    }

    private static boolean isDue(Map<String, AttributeValue> item, Booking booking, Cutoffs cutoffs) {
        return !item.containsKey("anonymisedAt") && !Booking.BLOCK.equals(booking.kind())
                && cutoffs.due(RecordKind.BOOKINGS, endedAt(booking, cutoffs.now()));
    }

    private static Instant endedAt(Booking booking, Instant now) {
        Instant end = booking.occurrences().isEmpty() ? booking.createdAt() : booking.lastEnd();
        return end.isAfter(now) ? null : end;
    }

    @Override
    public Outcome anonymise(Held record, Cutoffs cutoffs) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                    .key(Items.key("BOOKING#" + record.reference(), "BOOKING")).consistentRead(true)).item();
            if (item == null || item.isEmpty() || !isDue(item, booking(item), cutoffs)) {
                return attempt == 1 && item != null && item.containsKey("anonymisedAt") ? Outcome.ANONYMISED : Outcome.NO_LONGER_DUE;
            }
            Booking booking = booking(item);
            boolean changed = attempt > 1 || booking.version() != record.version();
            Booking anonymised = booking.withoutPersonalDetails(ScanItems.REMOVED);
            String pk = "BOOKING#" + record.reference();
            List<Write> writes = new ArrayList<>(List.of(Write.update("record", Update.builder().tableName(table)
                    .key(Items.key(pk, "BOOKING"))
                    .updateExpression("SET body = :body, version = :next, anonymisedAt = :now")
                    .conditionExpression("version = :version")
                    .expressionAttributeValues(Map.of(":body", s(Json.write(anonymised)), ":next", n(anonymised.version()),
                            ":now", s(cutoffs.now().toString()), ":version", n(booking.version()))).build())));
            if (booking.contact() != null) {
                writes.addAll(SubjectLookupStore.deletes(table, pk, booking.contact().email(), booking.contact().phone()));
            }
            try {
                transactions.commit(writes);
                return changed ? Outcome.ANONYMISED_AFTER_CHANGE : Outcome.ANONYMISED;
            } catch (Refused meanwhile) {
                if (!meanwhile.failed("record")) {
                    throw meanwhile;
                }
                // Changed since read: read again and decide again.
            }
        }
        return Outcome.NO_LONGER_DUE;
    }

    /** The resident's bookings: one Query of ByContact per term, then the bookings by BatchGetItem. */
    @Override
    public List<Held> holding(Subject subject, Set<String> related) {
        List<Map<String, AttributeValue>> keys = SubjectLookupStore.keys(dynamo, table, ContactLookup.INDEX, ContactLookup.TERM,
                SubjectLookupStore.terms(subject)).stream().map(lookup -> Items.key(Items.string(lookup, "pk"), "BOOKING")).toList();
        return SubjectLookupStore.items(dynamo, table, keys).stream().map(item -> held(booking(item))).toList();
    }

    /** Bookings not yet anonymised: the booker's lookup items, on the booking's version. */
    @Override
    public Backfill backfill(String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table, "sk = :booking AND attribute_not_exists(anonymisedAt)", Map.of(),
                Map.of(":booking", s("BOOKING")), startAfter, pageSize);
        int written = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            Booking booking = booking(item);
            if (booking.contact() != null) {
                written += SubjectLookupStore.backfill(transactions, table, Items.key(Items.string(item, "pk"), "BOOKING"),
                        "version = :version AND attribute_not_exists(anonymisedAt)", Map.of(":version", item.get("version")),
                        Items.string(item, "pk"), booking.contact().email(), booking.contact().phone()) ? 1 : 0;
            }
        }
        return new Backfill(written, page.next());
    }

    private static Held held(Booking booking) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reference", booking.reference().value());
        details.put("facility", booking.facilityName());
        details.put("status", booking.status().wireName());
        details.put("createdAt", booking.createdAt().toString());
        details.put("occurrences", booking.occurrences().stream()
                .map(o -> Map.of("start", o.start().toString(), "end", o.end().toString())).toList());
        Map<String, Object> contact = new LinkedHashMap<>();
        if (booking.contact() != null) {
            contact.put("name", booking.contact().name());
            contact.put("email", booking.contact().email());
            contact.put("phone", booking.contact().phone());
        }
        details.put("contact", contact);
        details.put("purpose", booking.purpose());
        details.put("attendance", booking.attendance());
        return new Held(RecordKind.BOOKINGS, "BOOKING#" + booking.reference().value(), booking.reference().value(),
                booking.version(), details);
    }

    private static Booking booking(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readValue(Items.string(item, "body"), Booking.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored booking cannot be read", e);
        }
    }
}

package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.model.Put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.s;

/** The lookup items {@link ContactLookup} describes, as parts of the transaction that writes their record. */
public final class ContactLookupItems {
    private ContactLookupItems() {
    }

    /** The lookup items of a record in {@code table} at {@code pk}. */
    public static List<Write> of(String table, String pk, String email, String phone) {
        List<Write> writes = new ArrayList<>();
        for (String term : ContactLookup.terms(email, phone)) {
            writes.add(Write.put("contact-lookup", Put.builder().tableName(table)
                    .item(Map.of("pk", s(pk), "sk", s(ContactLookup.PREFIX + term), ContactLookup.TERM, s(term))).build()));
        }
        return writes;
    }
}

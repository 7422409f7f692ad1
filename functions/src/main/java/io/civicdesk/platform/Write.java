package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One named part of a transaction, made by a store. Services gather the parts of a change from the stores
 * concerned and hand them to {@link Transactions} without knowing how they are written; when DynamoDB refuses,
 * the name says which part's condition failed ("reference", "slot", "idempotency").
 */
public final class Write {
    private final String name;
    private final TransactWriteItem item;

    private Write(String name, TransactWriteItem item) {
        this.name = name;
        this.item = item;
    }

    public static Write put(String name, Put put) {
        return new Write(name, TransactWriteItem.builder().put(put).build());
    }

    public static Write update(String name, Update update) {
        return new Write(name, TransactWriteItem.builder().update(update).build());
    }

    public static Write check(String name, ConditionCheck check) {
        return new Write(name, TransactWriteItem.builder().conditionCheck(check).build());
    }

    /** A part already built as the SDK's item, for a store that composes its own. */
    public static Write of(String name, TransactWriteItem item) {
        return new Write(name, item);
    }

    public String name() {
        return name;
    }

    /** The same write under another name, for a caller that tells two parts of one kind apart. */
    public Write named(String another) {
        return new Write(another, item);
    }

    /** The SDK's item, for a store that commits writes it was handed among its own. */
    public TransactWriteItem item() {
        return item;
    }

    @Override
    public String toString() {
        return name;
    }
}

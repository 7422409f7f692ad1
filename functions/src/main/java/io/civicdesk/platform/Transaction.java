package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.List;

/** The named parts of one change, gathered before {@link Transactions} commits them. */
public final class Transaction {
    private final List<Write> writes = new ArrayList<>();

    public Transaction add(Write write) {
        writes.add(write);
        return this;
    }

    public Transaction addAll(List<Write> more) {
        writes.addAll(more);
        return this;
    }

    public Transaction put(String name, Put put) {
        return add(Write.put(name, put));
    }

    public Transaction update(String name, Update update) {
        return add(Write.update(name, update));
    }

    public Transaction check(String name, ConditionCheck check) {
        return add(Write.check(name, check));
    }

    public Transaction add(String name, TransactWriteItem item) {
        return add(Write.of(name, item));
    }

    public List<Write> writes() {
        return List.copyOf(writes);
    }

    public List<TransactWriteItem> items() {
        return writes.stream().map(Write::item).toList();
    }

    /** @throws Refused when a condition failed or a concurrent transaction on the same items won: nothing was written */
    public void commit(DynamoDbClient dynamo) {
        new DynamoTransactions(dynamo).commit(writes);
    }
}

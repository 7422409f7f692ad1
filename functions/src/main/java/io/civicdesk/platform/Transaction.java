package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One TransactWriteItems built from named parts, so that when DynamoDB cancels it the caller learns which of
 * its conditions failed by name ("survey", "idempotency") instead of by position. All parts are written or none.
 */
public final class Transaction {
    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    public Transaction put(String name, Put put) {
        return add(name, TransactWriteItem.builder().put(put).build());
    }

    public Transaction update(String name, Update update) {
        return add(name, TransactWriteItem.builder().update(update).build());
    }

    public Transaction check(String name, ConditionCheck check) {
        return add(name, TransactWriteItem.builder().conditionCheck(check).build());
    }

    public Transaction add(String name, TransactWriteItem item) {
        items.add(item);
        names.add(name);
        return this;
    }

    public Transaction addAll(String name, List<TransactWriteItem> more) {
        more.forEach(item -> add(name, item));
        return this;
    }

    public List<TransactWriteItem> items() {
        return List.copyOf(items);
    }

    /** @throws Refused when a condition failed or a concurrent transaction on the same items won: nothing was written */
    public void commit(DynamoDbClient dynamo) {
        try {
            dynamo.transactWriteItems(request -> request.transactItems(items));
        } catch (TransactionCanceledException e) {
            Set<String> failed = new LinkedHashSet<>();
            boolean conflict = false;
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < names.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    failed.add(names.get(i));
                } else if ("TransactionConflict".equals(reasons.get(i).code())) {
                    conflict = true;
                }
            }
            if (failed.isEmpty() && !conflict) {
                throw e;
            }
            throw new Refused(failed, conflict);
        }
    }

    /** Why a transaction wrote nothing: the named parts whose conditions failed, or a concurrent writer. */
    public static final class Refused extends RuntimeException {
        private final Set<String> failed;
        private final boolean conflict;

        Refused(Set<String> failed, boolean conflict) {
            super("refused " + failed + (conflict ? " (conflict)" : ""), null, false, false);
            this.failed = Set.copyOf(failed);
            this.conflict = conflict;
        }

        public boolean failed(String name) {
            return failed.contains(name);
        }

        public boolean conflict() {
            return conflict;
        }
    }
}

package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link Transactions} as one TransactWriteItems. DynamoDB reports a cancellation by position; this turns the
 * positions back into the parts' names. A single write goes as a transaction too, so its refusal reads the same.
 */
public final class DynamoTransactions implements Transactions {
    private final DynamoDbClient dynamo;

    public DynamoTransactions(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    @Override
    public void commit(List<Write> writes) {
        if (writes.isEmpty()) {
            return;
        }
        try {
            dynamo.transactWriteItems(request -> request.transactItems(writes.stream().map(Write::item).toList()));
        } catch (TransactionCanceledException e) {
            Set<String> failed = new LinkedHashSet<>();
            boolean conflict = false;
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < writes.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    failed.add(writes.get(i).name());
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
}

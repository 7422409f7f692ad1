package io.civicdesk.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every SDK call made through clients that carry it: calls per service and operation, and the DynamoDB
 * items each returned or wrote, read off the request and response objects. A call that failed (a condition
 * that did not hold, say) counts as a call but moves no items. Registered only inside {@link CountingClassLoader}.
 */
public final class CallCounter implements ExecutionInterceptor {
    /** One operation's calls since the last {@link #takeAll()}. */
    public record Tally(int calls, int failed, long itemsRead, long itemsWritten) {
        Tally plus(Tally other) {
            return new Tally(calls + other.calls, failed + other.failed, itemsRead + other.itemsRead,
                    itemsWritten + other.itemsWritten);
        }
    }

    /** The DynamoDB part of some tallies: calls, items read and written, and the calls by operation ("1 GetItem, …"). */
    public record DynamoDbTotals(int calls, long itemsRead, long itemsWritten, String byOperation) {
        public static DynamoDbTotals of(Map<String, Tally> tallies) {
            int calls = 0;
            long read = 0;
            long written = 0;
            List<String> byOperation = new java.util.ArrayList<>();
            for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
                if (entry.getKey().startsWith("DynamoDb ")) {
                    calls += entry.getValue().calls();
                    read += entry.getValue().itemsRead();
                    written += entry.getValue().itemsWritten();
                    byOperation.add(entry.getValue().calls() + " " + entry.getKey().substring("DynamoDb ".length()));
                }
            }
            return new DynamoDbTotals(calls, read, written, String.join(", ", byOperation));
        }
    }

    /** Keyed by service and operation, e.g. "DynamoDb GetItem", in the order first called. */
    private static final Map<String, Tally> TALLIES = new LinkedHashMap<>();
    /** HTTP attempts, the SDK's retries included (a call is one execution however many attempts it took). */
    private static final AtomicLong ATTEMPTS = new AtomicLong();
    /** Bytes of the HTTP bodies sent and received (their Content-Length), every attempt included. */
    private static final AtomicLong BYTES_SENT = new AtomicLong();
    private static final AtomicLong BYTES_RECEIVED = new AtomicLong();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        ATTEMPTS.incrementAndGet();
        BYTES_SENT.addAndGet(contentLength(context.httpRequest().firstMatchingHeader("Content-Length")));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        BYTES_RECEIVED.addAndGet(contentLength(context.httpResponse().firstMatchingHeader("Content-Length")));
    }

    private static long contentLength(java.util.Optional<String> header) {
        return header.map(String::trim).filter(value -> value.matches("\\d+")).map(Long::parseLong).orElse(0L);
    }

    /** Bytes sent and received since the last call, and a fresh start: {sent, received}. */
    public static long[] takeBytes() {
        return new long[] {BYTES_SENT.getAndSet(0), BYTES_RECEIVED.getAndSet(0)};
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        add(attributes, new Tally(1, 0, itemsRead(context.response()), itemsWritten(context.request(), context.response())));
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        add(attributes, new Tally(1, 1, 0, 0));
    }

    /** The tallies since the last call, and a fresh start. */
    public static synchronized Map<String, Tally> takeAll() {
        Map<String, Tally> taken = new LinkedHashMap<>(TALLIES);
        TALLIES.clear();
        return taken;
    }

    /** The attempts since the last call, and a fresh start. */
    public static long takeAttempts() {
        return ATTEMPTS.getAndSet(0);
    }

    private static synchronized void add(ExecutionAttributes attributes, Tally tally) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        TALLIES.merge(operation, tally, Tally::plus);
    }

    private static long itemsRead(SdkResponse response) {
        if (response instanceof GetItemResponse get) {
            return get.hasItem() && !get.item().isEmpty() ? 1 : 0;
        }
        if (response instanceof QueryResponse query) {
            return query.count();
        }
        if (response instanceof ScanResponse scan) {
            return scan.count();
        }
        if (response instanceof BatchGetItemResponse batch) {
            return batch.responses().values().stream().mapToLong(List::size).sum();
        }
        if (response instanceof TransactGetItemsResponse transaction) {
            return transaction.responses().stream().filter(item -> item.hasItem() && !item.item().isEmpty()).count();
        }
        return 0;
    }

    /** Items a successful write changed; a transaction's condition checks and a batch's unprocessed items write nothing. */
    private static long itemsWritten(SdkRequest request, SdkResponse response) {
        if (request instanceof PutItemRequest || request instanceof UpdateItemRequest || request instanceof DeleteItemRequest) {
            return 1;
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.transactItems().stream().filter(item -> item.conditionCheck() == null).count();
        }
        if (request instanceof BatchWriteItemRequest batch) {
            return batch.requestItems().values().stream().mapToLong(List::size).sum()
                    - ((BatchWriteItemResponse) response).unprocessedItems().values().stream().mapToLong(List::size).sum();
        }
        return 0;
    }
}

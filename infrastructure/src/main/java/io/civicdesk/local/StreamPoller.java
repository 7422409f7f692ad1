package io.civicdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.local.template.FunctionDefinition.StreamEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Lambda's DynamoDB event source mapping, locally: reads the table's stream every {@value EventSourcePoller#INTERVAL_MILLIS} ms
 * and invokes the function with a batch of up to BatchSize records, as the Lambda event JSON. Records the
 * FilterCriteria reject are dropped, as Lambda drops them. A failed batch is retried, in order and whole (no
 * bisecting), MaximumRetryAttempts times, then dropped with a log line.
 */
final class StreamPoller extends EventSourcePoller {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbStreamsClient streams;
    private final LambdaFunction function;
    private final StreamEvent event;
    private final String streamArn;
    private final List<JsonNode> filters;
    private final Map<String, String> iterators = new HashMap<>();
    private final Map<String, String> lastRead = new HashMap<>();
    private final Set<String> finishedShards = new HashSet<>();

    StreamPoller(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, LambdaFunction function, StreamEvent event,
                 String tableName) {
        this.streams = streams;
        this.function = function;
        this.event = event;
        this.streamArn = dynamoDb.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException(function.definition().logicalId() + "." + event.name() + ": table "
                    + tableName + " has no stream (StreamSpecification)");
        }
        this.filters = event.filterPatterns().stream().map(StreamPoller::parseFilter).toList();
    }

    /**
     * The tables are new when the stack starts, so a shard is read from its beginning: nothing is missed. After
     * that each shard resumes after the last record read.
     */
    @Override
    void poll() {
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            String shardId = shard.shardId();
            if (finishedShards.contains(shardId)) {
                continue;
            }
            GetRecordsResponse response;
            try {
                String iterator = iterators.containsKey(shardId) ? iterators.get(shardId) : iterator(shardId);
                response = streams.getRecords(b -> b.shardIterator(iterator).limit(event.batchSize()));
            } catch (TrimmedDataAccessException | ExpiredIteratorException e) {
                // An iterator expires after 15 minutes (moto_local.py expires them as AWS does) or its records
                // are trimmed: take a new one from the last record read.
                iterators.remove(shardId);
                continue;
            }
            List<ObjectNode> records = new ArrayList<>();
            for (Record record : response.records()) {
                ObjectNode json = lambdaRecord(record);
                if (filters.isEmpty() || filters.stream().anyMatch(filter -> matches(filter, json))) {
                    records.add(json);
                }
            }
            if (!records.isEmpty() && !deliver(records)) {
                return;
            }
            if (!response.records().isEmpty()) {
                lastRead.put(shardId, response.records().get(response.records().size() - 1).dynamodb().sequenceNumber());
            }
            if (response.nextShardIterator() == null) {
                iterators.remove(shardId);
                finishedShards.add(shardId);
            } else {
                iterators.put(shardId, response.nextShardIterator());
            }
        }
    }

    private String iterator(String shardId) {
        String after = lastRead.get(shardId);
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(after == null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                .sequenceNumber(after)).shardIterator();
    }

    /** False only when interrupted (the stack is closing). */
    private boolean deliver(List<ObjectNode> records) {
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("Records").addAll(records);
        byte[] payload = bytes(batch);
        for (int attempt = 0; ; attempt++) {
            try {
                function.invoke(payload);
                return true;
            } catch (Exception e) {
                System.err.println(name() + ": invocation failed (attempt " + (attempt + 1) + "):");
                e.printStackTrace();
                if (event.maximumRetryAttempts() >= 0 && attempt >= event.maximumRetryAttempts()) {
                    System.err.println(name() + ": dropping " + records.size() + " record(s) after "
                            + event.maximumRetryAttempts() + " retries");
                    return true;
                }
            }
            try {
                Thread.sleep(Math.min(10_000, INTERVAL_MILLIS << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @Override
    String failure() {
        return "reading the stream failed";
    }

    @Override
    String name() {
        return function.definition().logicalId() + "." + event.name();
    }

    /** A stream record as Lambda delivers it: the image in DynamoDB JSON. */
    private ObjectNode lambdaRecord(Record record) {
        ObjectNode json = JSON.createObjectNode()
                .put("eventID", record.eventID())
                .put("eventName", record.eventNameAsString())
                .put("eventVersion", record.eventVersion())
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", LocalStack.REGION)
                .put("eventSourceARN", streamArn);
        StreamRecord stream = record.dynamodb();
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (stream.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
        }
        if (stream.hasKeys()) {
            dynamodb.set("Keys", item(stream.keys()));
        }
        if (stream.hasNewImage()) {
            dynamodb.set("NewImage", item(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.set("OldImage", item(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber())
                .put("SizeBytes", stream.sizeBytes())
                .put("StreamViewType", stream.streamViewTypeAsString());
        return json;
    }

    private static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode json = JSON.createObjectNode();
        item.forEach((name, value) -> json.set(name, attribute(value)));
        return json;
    }

    private static ObjectNode attribute(AttributeValue value) {
        ObjectNode json = JSON.createObjectNode();
        switch (value.type()) {
            case S -> json.put("S", value.s());
            case N -> json.put("N", value.n());
            case B -> json.put("B", base64(value.b()));
            case BOOL -> json.put("BOOL", value.bool());
            case NUL -> json.put("NULL", true);
            case SS -> value.ss().forEach(json.putArray("SS")::add);
            case NS -> value.ns().forEach(json.putArray("NS")::add);
            case BS -> {
                ArrayNode set = json.putArray("BS");
                value.bs().forEach(b -> set.add(base64(b)));
            }
            case M -> json.set("M", item(value.m()));
            case L -> {
                ArrayNode list = json.putArray("L");
                value.l().forEach(element -> list.add(attribute(element)));
            }
            default -> throw new IllegalStateException("Unknown attribute type " + value.type());
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    /**
     * A Lambda filter pattern: objects nest, arrays list the accepted values. Of the content filters only
     * {@code {"exists": bool}} and {@code {"prefix": "..."}} are supported; others fail when the stack starts.
     */
    private static JsonNode parseFilter(String pattern) {
        try {
            JsonNode filter = JSON.readTree(pattern);
            checkSupported(filter, pattern);
            return filter;
        } catch (IOException e) {
            throw new UncheckedIOException("Filter pattern is not JSON: " + pattern, e);
        }
    }

    private static void checkSupported(JsonNode filter, String pattern) {
        filter.forEach(child -> {
            if (filter.isArray() && child.isObject() && !child.has("exists") && !child.has("prefix")) {
                throw new IllegalArgumentException("The local stack supports exists and prefix filters, not " + pattern);
            }
            if (filter.isObject()) {
                checkSupported(child, pattern);
            }
        });
    }

    private static boolean matches(JsonNode filter, JsonNode value) {
        if (filter.isObject()) {
            for (Map.Entry<String, JsonNode> field : filter.properties()) {
                if (!matches(field.getValue(), value.path(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        for (JsonNode accepted : filter) {
            if (accepted.has("exists") ? accepted.get("exists").asBoolean() == !value.isMissingNode()
                    : accepted.has("prefix") ? value.isTextual() && value.asText().startsWith(accepted.get("prefix").asText())
                    : value.isValueNode() && accepted.asText().equals(value.asText())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.civicdesk.search;

import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The built search index, in the catalogue table, as generations of binary chunks and a pointer to the current one.
 *
 * <pre>
 * pk                         sk              item
 * SEARCH#INDEX               CURRENT         generation, chunks, bytes, sha256 (of the whole), documents, groups (the
 *                                            synonyms it was built with), synonymsVersion, builtAt, previous and
 *                                            previousChunks (the generation it replaced), version (1, 2, ...)
 * SEARCH#INDEX#{generation}  CHUNK#{00000}   data (B, at most {@value #CHUNK_BYTES} bytes: an item is under 400 KB)
 * </pre>
 *
 * A new generation's chunks are written first (BatchWriteItem), then the pointer moves with a conditional write on
 * its version, so a reader never sees a generation that is not whole. The generation the replaced one had replaced
 * is then removed: the one just replaced stays, since a container may be reading it at this moment. A search
 * function reads the pointer (one GetItem) and, when it names a generation it does not hold, that generation's
 * partition (one Query, paged). Nothing here is read by a Scan.
 */
public final class SearchIndexStore implements StoredIndexes {
    static final String POINTER_PARTITION = "SEARCH#INDEX";
    private static final Map<String, AttributeValue> POINTER = Items.key(POINTER_PARTITION, "CURRENT");
    /** Well under DynamoDB's 400 KB item limit, with room for the keys. */
    static final int CHUNK_BYTES = 300 * 1024;
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    public SearchIndexStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<IndexGeneration> current() {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(POINTER)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Synonyms synonyms = new Synonyms(item.containsKey("groups") ? item.get("groups").l().stream()
                .map(group -> group.l().stream().map(AttributeValue::s).toList()).toList() : List.of());
        Integer previousChunks = Items.integer(item, "previousChunks");
        return Optional.of(new IndexGeneration(Items.string(item, "generation"), Items.integer(item, "chunks"),
                Items.number(item, "bytes"), Items.string(item, "sha256"), Items.integer(item, "documents"), synonyms,
                Items.number(item, "synonymsVersion"), Instant.parse(Items.string(item, "builtAt")),
                Items.string(item, "previous"), previousChunks == null ? 0 : previousChunks,
                Items.number(item, "version")));
    }

    @Override
    public Optional<byte[]> read(IndexGeneration generation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.toIntExact(generation.bytes()));
        int chunks = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition(generation.id()))))
                    .consistentRead(true).exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                bytes.writeBytes(item.get("data").b().asByteArrayUnsafe());
                chunks++;
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        byte[] whole = bytes.toByteArray();
        if (chunks != generation.chunks() || !Hashes.sha256(whole).equals(generation.sha256())) {
            return Optional.empty();
        }
        return Optional.of(whole);
    }

    @Override
    public Optional<IndexGeneration> publish(String generationId, byte[] index, int documents, Synonyms synonyms, long synonymsVersion,
                           Optional<IndexGeneration> replacing, Instant at) {
        int chunks = Math.max(1, (index.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = Arrays.copyOfRange(index, i * CHUNK_BYTES, Math.min(index.length, (i + 1) * CHUNK_BYTES));
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                    "pk", s(partition(generationId)), "sk", s(chunkKey(i)),
                    "data", AttributeValue.fromB(SdkBytes.fromByteArray(chunk)))).build()).build());
        }
        writeAll(puts);
        Map<String, AttributeValue> pointer = new HashMap<>(POINTER);
        pointer.put("generation", s(generationId));
        pointer.put("chunks", n(chunks));
        pointer.put("bytes", n(index.length));
        pointer.put("sha256", s(Hashes.sha256(index)));
        pointer.put("documents", n(documents));
        pointer.put("groups", AttributeValue.fromL(synonyms.groups().stream()
                .map(group -> AttributeValue.fromL(group.stream().map(Items::s).toList())).toList()));
        pointer.put("synonymsVersion", n(synonymsVersion));
        pointer.put("builtAt", s(at.toString()));
        replacing.ifPresent(old -> {
            pointer.put("previous", s(old.id()));
            pointer.put("previousChunks", n(old.chunks()));
        });
        pointer.put("version", n(replacing.map(IndexGeneration::version).orElse(0L) + 1));
        try {
            dynamo.putItem(put -> put.tableName(table).item(pointer)
                    .conditionExpression(replacing.isEmpty() ? "attribute_not_exists(pk)" : "version = :expected")
                    .expressionAttributeValues(replacing.isEmpty() ? null
                            : Map.of(":expected", n(replacing.get().version()))));
        } catch (ConditionalCheckFailedException movedOn) {
            remove(generationId, chunks);
            return Optional.empty();
        }
        replacing.filter(old -> old.previous() != null).ifPresent(old -> remove(old.previous(), old.previousChunks()));
        return Optional.of(new IndexGeneration(generationId, chunks, index.length, Items.string(pointer, "sha256"),
                documents, synonyms, synonymsVersion, at, replacing.map(IndexGeneration::id).orElse(null),
                replacing.map(IndexGeneration::chunks).orElse(0), Items.number(pointer, "version")));
    }

    private void remove(String generationId, int chunks) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                    .key(Items.key(partition(generationId), chunkKey(i))).build()).build());
        }
        writeAll(deletes);
    }

    /** BatchWriteItem 25 at a time, sending again what DynamoDB left unprocessed (after a short pause). */
    private void writeAll(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += BATCH) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + BATCH));
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 0) {
                    pause(attempt);
                }
                List<WriteRequest> sending = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(batch -> batch.requestItems(Map.of(table, sending)));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000, 25L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing the search index", e);
        }
    }

    static String partition(String generationId) {
        return POINTER_PARTITION + "#" + generationId;
    }

    private static String chunkKey(int i) {
        return String.format("CHUNK#%05d", i);
    }
}

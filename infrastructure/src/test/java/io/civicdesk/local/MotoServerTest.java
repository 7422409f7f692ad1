package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** What the stack relies on of the local DynamoDB that moto_local.py changes or arranges: see that file. */
class MotoServerTest {
    private static final String TABLE = "Slots";
    private static MotoServer moto;
    private static DynamoDbClient dynamoDb;
    private static DynamoDbStreamsClient streams;

    @BeforeAll
    static void start() throws Exception {
        moto = new MotoServer(LocalStack.findProjectRoot().resolve("infrastructure/src/main/python/moto_local.py"), Map.of());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        dynamoDb = DynamoDbClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.of(LocalStack.REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.of(LocalStack.REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        dynamoDb.createTable(b -> b.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        streams.close();
        moto.close();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static TransactWriteItem putIfAbsent(String pk, String sk) {
        return TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(key(pk, sk))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private static int streamRecords() {
        String arn = dynamoDb.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
        String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        return streams.getRecords(b -> b.shardIterator(iterator)).records().size();
    }

    private static int items(String pk) {
        return dynamoDb.query(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).count();
    }

    @Test
    void aCancelledTransactionLeavesNeitherItemsNorStreamRecordsBehind() {
        dynamoDb.putItem(b -> b.tableName(TABLE).item(key("cancelled", "held")));
        dynamoDb.putItem(b -> b.tableName(TABLE).item(key("cancelled", "taken")));
        int recordsBefore = streamRecords();

        assertThrows(TransactionCanceledException.class, () -> dynamoDb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key("cancelled", "held"))
                        .updateExpression("SET note = :note").expressionAttributeValues(Map.of(":note", AttributeValue.fromS("x")))).build(),
                putIfAbsent("cancelled", "new"),
                putIfAbsent("cancelled", "taken"))));

        assertEquals(Map.of("pk", AttributeValue.fromS("cancelled"), "sk", AttributeValue.fromS("held")),
                dynamoDb.getItem(b -> b.tableName(TABLE).key(key("cancelled", "held")).consistentRead(true)).item());
        assertEquals(2, items("cancelled"));
        assertEquals(recordsBefore, streamRecords());
    }

    @Test
    void overlappingTransactionsOnOneItemLetExactlyOneThrough() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String attempt = "attempt-" + i;
                attempts.add(() -> {
                    try {
                        dynamoDb.transactWriteItems(b -> b.transactItems(putIfAbsent("overlap", attempt), putIfAbsent("overlap", "slot")));
                        return true;
                    } catch (TransactionCanceledException e) {
                        return false;
                    }
                });
            }
            int won = 0;
            for (Future<Boolean> outcome : pool.invokeAll(attempts)) {
                won += outcome.get() ? 1 : 0;
            }
            assertEquals(1, won);
            assertEquals(2, items("overlap"), "the slot and the winner's own item, nothing of the others");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void queriesAndScansPageInKeyOrder() {
        for (int i = 9; i >= 0; i--) {
            String sk = "sk-" + i;
            dynamoDb.putItem(b -> b.tableName(TABLE).item(key("paged", sk)));
            dynamoDb.putItem(b -> b.tableName(TABLE).item(key("other", sk)));
        }
        List<String> read = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(TABLE).keyConditionExpression("pk = :pk").limit(3)
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("paged"))))
                .items().forEach(item -> read.add(item.get("sk").s()));
        assertEquals(List.of("sk-0", "sk-1", "sk-2", "sk-3", "sk-4", "sk-5", "sk-6", "sk-7", "sk-8", "sk-9"), read);

        List<String> scanned = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(TABLE).limit(3)).items().forEach(item -> scanned.add(item.get("pk").s() + "/" + item.get("sk").s()));
        List<String> inKeyOrder = new ArrayList<>(scanned);
        inKeyOrder.sort(null);
        assertEquals(inKeyOrder, scanned, "each item once, in key order, across pages");
        assertEquals(scanned.size(), new java.util.HashSet<>(scanned).size());
    }

    @Test
    void closingStopsTheServer() throws Exception {
        MotoServer another = new MotoServer(LocalStack.findProjectRoot().resolve("infrastructure/src/main/python/moto_local.py"), Map.of());
        URI endpoint = URI.create(another.endpoint());
        another.close();
        assertThrows(IOException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close());
    }
}

package io.civicdesk.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What reports submitted to the stack have stored: each request's and idempotency record's partition, and each
 * confirmation mail for a request that is not stored. Compare two of these to prove a submission wrote nothing. The
 * stack's own schedules (the warnings run, booking reminders) keep writing meanwhile — alerts and history within
 * requests already stored, their mails — so counting items would catch their writes too. (Tests may Scan; a person
 * never waits on one.)
 */
public final class StoredSubmissions {
    private StoredSubmissions() {
    }

    public static Set<String> of(DynamoDbClient dynamo) {
        Set<String> partitions = new HashSet<>();
        dynamo.scanPaginator(scan -> scan.tableName("RequestsTable").projectionExpression("pk"))
                .items().forEach(item -> partitions.add(item.get("pk").s()));
        Set<String> stored = new HashSet<>(partitions);
        dynamo.scanPaginator(scan -> scan.tableName("OutboxTable")
                        .filterExpression("#purpose = :confirmation")
                        .expressionAttributeNames(Map.of("#purpose", "purpose", "#reference", "reference"))
                        .expressionAttributeValues(Map.of(":confirmation", AttributeValue.fromS("request-confirmation")))
                        .projectionExpression("pk, #reference"))
                .items().forEach(mail -> {
                    AttributeValue reference = mail.get("reference");
                    if (reference != null && !partitions.contains("REQUEST#" + reference.s())) {
                        stored.add(mail.get("pk").s());
                    }
                });
        return stored;
    }
}

package io.civicdesk.local.template;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * An {@code AWS::DynamoDB::Table}, named by its logical ID (locally there is one stack, so no clash).
 *
 * @param ttlAttribute the attribute DynamoDB expires items by, when TTL is enabled
 */
public record TableDefinition(String logicalId, CreateTableRequest createTableRequest,
                              Optional<String> ttlAttribute, boolean pointInTimeRecovery) {

    public String tableName() {
        return createTableRequest.tableName();
    }

    /** TTL is not part of CreateTable: apply this after the table exists, if present. */
    public Optional<UpdateTimeToLiveRequest> updateTimeToLiveRequest() {
        return ttlAttribute.map(attribute -> UpdateTimeToLiveRequest.builder().tableName(tableName())
                .timeToLiveSpecification(TimeToLiveSpecification.builder().attributeName(attribute).enabled(true).build())
                .build());
    }
}

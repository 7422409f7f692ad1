package io.civicdesk.photos;

import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.requests.RequestStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The photos service as a function's environment builds it, once per container: the requests table (to check the
 * request and its private link), the photos table (PHOTOS_TABLE) and bucket (PHOTOS_BUCKET), and for the staff
 * function the audit of staff reads (CATALOG_TABLE).
 */
public record PhotosWiring(Photos photos) {

    public static PhotosWiring fromConfig() {
        return of(AwsClients.dynamoDb(), Config.require("REQUESTS_TABLE"), Config.require("PHOTOS_TABLE"),
                Config.optional("CATALOG_TABLE"), Clocks.fromConfig());
    }

    /** On the given tables; without a catalogue table there is no staff read audit, so no staff view. */
    public static PhotosWiring of(DynamoDbClient dynamo, String requestsTable, String photosTable, String catalogTable,
                                  Clock clock) {
        StaffReadAudit audit = catalogTable != null ? StaffReadAudit.installed(catalogTable, clock) : (staff, kind, references) -> {
            throw new IllegalStateException("This function shows no photos to staff: it is given no CATALOG_TABLE");
        };
        return new PhotosWiring(new Photos(new RequestStore(dynamo, requestsTable), new PhotoStore(dynamo, photosTable),
                PhotoObjectStore.fromConfig(), audit, clock, new SecureRandom()));
    }
}

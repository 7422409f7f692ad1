package io.civicdesk.open311;

import io.civicdesk.photos.Photos;
import io.civicdesk.photos.PhotosWiring;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.SubmittedStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;

/**
 * The Open311 functions built once per container: the GeoReport v2 API over the catalogue and requests tables
 * (reports taken by the requests' own submission service; the approved photos' links from the photos table and bucket)
 * with the check of its callers' keys (catalogue table) and
 * their per-minute counters (requests table); and, for administrators, the keys alone.
 */
public record Open311Wiring(GeoReport geoReport, KeyCheck keyCheck) {

    /** The deployed wiring: the tables, clock and portal of the function's environment. */
    public static Open311Wiring fromConfig() {
        return of(RequestWiring.fromConfig());
    }

    /** Over the requests' wiring (its tables, clock and portal), e.g. the local stack's. */
    public static Open311Wiring of(RequestWiring requests) {
        DynamoDbClient dynamo = requests.dynamo();
        SubmittedStore submitted = new SubmittedStore(dynamo, requests.requestsTable());
        Photos photos = PhotosWiring.of(dynamo, requests.requestsTable(), Config.require("PHOTOS_TABLE"), null,
                requests.clock()).photos();
        GeoReport geoReport = new GeoReport(requests.catalog(), requests.requests(), submitted::submitted,
                requests.submissions(), photos::publicLink, requests.clock());
        return new Open311Wiring(geoReport, new KeyCheck(new ApiKeyStore(dynamo, requests.catalogTable()),
                new RateLimitStore(dynamo, requests.requestsTable()), requests.clock(), KeyCheck.CALLS_PER_MINUTE));
    }

    /** The administrators' side: issuing, listing and revoking keys in the catalogue table. */
    public static ApiKeys keysFromConfig() {
        return keys(AwsClients.dynamoDb(), Config.require("CATALOG_TABLE"), Clocks.fromConfig());
    }

    public static ApiKeys keys(DynamoDbClient dynamo, String catalogTable, java.time.Clock clock) {
        return new ApiKeys(new ApiKeyStore(dynamo, catalogTable), clock, new SecureRandom());
    }
}

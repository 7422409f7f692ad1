package io.civicdesk.bench;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.platform.StaffCaller.Role;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A unit of a benchmark's own, with one service (shaped like the demo's missed bin) and one officer, so its counts
 * are not mixed with the demo's requests. {@code suffix} tells one run's items from another's.
 */
record BenchUnit(String suffix, String unitId, String serviceId, StaffMember officer) {

    static BenchUnit create(DynamoDbClient dynamo, String catalogTable, String prefix, String label) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unitId = prefix + "-" + suffix;
        CatalogStore catalog = new CatalogStore(dynamo, catalogTable);
        catalog.putUnit(new Unit(unitId, label + " unit"));
        Service bins = catalog.service("missed-bin").orElseThrow();
        catalog.putService(new Service(unitId, label + " service", bins.theme(), unitId, bins.description(),
                bins.whatHappensNext(), bins.timeframe(), null, bins.responseDays(), bins.resolutionDays(), List.of(), 99,
                bins.questions()));
        StaffMember officer = new StaffMember(prefix + "-officer-" + suffix, label + " Officer", prefix + "@melaleuca.example",
                Set.of(Role.OFFICER), unitId);
        new StaffDirectory(dynamo, catalogTable).put(officer);
        return new BenchUnit(suffix, unitId, unitId, officer);
    }

    /** The officer's ID-token claims, as the staff authorizer passes them on. */
    Map<String, String> claims() {
        return Map.of("sub", officer.id(), "name", officer.name(), "email", officer.email(),
                "cognito:groups", "[officer]", "custom:unit", unitId, "token_use", "id");
    }
}

package io.civicdesk.privacy;

import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.StaffReadAudit;

import java.time.Clock;

/**
 * Privacy's implementation of the staff-read audit port, found by {@link StaffReadAudit#installed} through
 * {@code META-INF/services}: the staff functions below privacy write their audit entries with it.
 */
public final class StaffReadsWiring implements StaffReadAudit.Installer {
    @Override
    public StaffReadAudit audit(String catalogTable, Clock clock) {
        return new AuditTrail(new AuditStore(AwsClients.dynamoDb(), catalogTable), clock);
    }
}

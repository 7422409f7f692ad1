package io.civicdesk.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;
import io.civicdesk.requests.RequestWiring;

/** The warnings schedule (every five minutes): sends the service-level alerts that have fallen due. */
public final class ServiceLevelWarningsHandler extends EventHandler {
    private final ServiceLevelWarnings warnings;

    public ServiceLevelWarningsHandler() {
        this(wire(RequestWiring.fromConfig()));
    }

    public ServiceLevelWarningsHandler(ServiceLevelWarnings warnings) {
        this.warnings = warnings;
    }

    /** The warnings run over the request functions' tables. */
    public static ServiceLevelWarnings wire(RequestWiring wiring) {
        return new ServiceLevelWarnings(wiring.requests(), wiring.alerts(), wiring.outbox(), wiring.transactions(),
                wiring.directory(), wiring.catalog(), wiring.clock(), wiring.portalUrl(), wiring.metrics());
    }

    @Override
    protected ServiceLevelWarnings.Run handle(JsonNode event) {
        return warnings.run();
    }
}

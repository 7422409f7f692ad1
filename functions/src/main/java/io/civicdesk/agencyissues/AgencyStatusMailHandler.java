package io.civicdesk.agencyissues;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;

/**
 * The Monday morning schedule ({@code AgencyStatusMailFunction}): each account manager is mailed the status of her
 * client agencies, her rows only.
 */
public final class AgencyStatusMailHandler extends EventHandler {
    private final AgencyStatus status;

    public AgencyStatusMailHandler() {
        this(AgencyIssuesWiring.status());
    }

    public AgencyStatusMailHandler(AgencyStatus status) {
        this.status = status;
    }

    @Override
    protected AgencyStatus.Outcome handle(JsonNode event) {
        return status.mailWeekly();
    }
}

package io.civicdesk.agencies;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.Comparator;
import java.util.Map;

/**
 * {@code GET /staff/agency-names} ({@code AgencyNamesFunction}): every client agency's id and name, for an officer
 * logging a request for one. Names only — no agreement, no figures, no contacts — so any member of staff may read it.
 */
public final class AgencyNamesHandler extends HttpHandler {
    private final AgencyStore agencies;

    public AgencyNamesHandler() {
        this(new AgencyStore(AwsClients.dynamoDb(), Config.require("CATALOG_TABLE")));
    }

    public AgencyNamesHandler(AgencyStore agencies) {
        this.agencies = agencies;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller.from(request).requireAny(Role.OFFICER, Role.SUPERVISOR, Role.ACCOUNT_MANAGER, Role.ADMIN);
        return HttpResponses.json(200, Map.of("agencies", agencies.all().agencies().stream()
                .sorted(Comparator.comparing(Agency::name)).map(a -> new AgencyViews.Named(a.id(), a.name())).toList()));
    }
}

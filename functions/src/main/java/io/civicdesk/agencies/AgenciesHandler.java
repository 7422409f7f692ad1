package io.civicdesk.agencies;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.Map;

/**
 * Client agencies and their agreements ({@code AgenciesFunction}): {@code GET} and {@code POST /staff/agencies},
 * {@code GET} and {@code PUT /staff/agencies/{agencyId}}, {@code POST /staff/agencies/{agencyId}/agreements}
 * (administrators and account managers, each manager her own agencies); and a contact's unsubscribe link,
 * {@code POST /agencies/{agencyId}/unsubscribe} (no sign-in: the link's secret is the key).
 */
public final class AgenciesHandler extends HttpHandler {
    private final AgencyAdmin admin;

    public AgenciesHandler() {
        this(AgenciesWiring.admin());
    }

    public AgenciesHandler(AgencyAdmin admin) {
        this.admin = admin;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String agencyId = request.pathParameter("agencyId");
        if (request.routeKey().equals("POST /agencies/{agencyId}/unsubscribe")) {
            admin.unsubscribe(agencyId, AgencyReader.token(request.jsonBody()));
            return HttpResponses.json(200, Map.of("unsubscribed", true));
        }
        StaffCaller caller = StaffCaller.from(request);
        return switch (request.routeKey()) {
            case "GET /staff/agencies" -> HttpResponses.json(200, AgencyViews.of(admin.overview(caller)));
            // Who may is checked before the body is read, so a caller who may not learns nothing from its mistakes.
            case "POST /staff/agencies" -> HttpResponses.json(201, AgencyViews.of(admin.create(caller.requireAny(Role.ADMIN),
                    AgencyReader.agency(request.jsonBody(), true))));
            case "GET /staff/agencies/{agencyId}" -> HttpResponses.json(200, AgencyViews.of(admin.agency(caller, agencyId)));
            case "PUT /staff/agencies/{agencyId}" -> HttpResponses.json(200, AgencyViews.of(admin.change(
                    caller.requireAny(Role.ADMIN), agencyId, AgencyReader.agency(request.jsonBody(), false))));
            case "POST /staff/agencies/{agencyId}/agreements" -> HttpResponses.json(201,
                    AgencyViews.of(admin.addAgreement(caller, agencyId, AgencyReader.agreement(request.jsonBody(), agencyId))));
            default -> throw Refusal.notFound("Not Found");
        };
    }
}

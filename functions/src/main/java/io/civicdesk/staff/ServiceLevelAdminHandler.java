package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

/**
 * Business calendars, service-level policies and referral targets between units ({@code ServiceLevelAdminFunction},
 * administrators only): {@code GET /staff/service-levels}, {@code PUT /staff/calendars/{calendarId}}, a calendar's
 * holidays, {@code PUT|DELETE /staff/policies/{policyId}}, {@code GET|PUT /staff/referral-targets}.
 */
public final class ServiceLevelAdminHandler extends HttpHandler {
    private final ServiceLevelAdmin admin;
    private final ReferralTargetAdmin referrals;

    public ServiceLevelAdminHandler() {
        this(new StaffAdminWiring(AwsClients.dynamoDb()));
    }

    private ServiceLevelAdminHandler(StaffAdminWiring wiring) {
        this(wiring.serviceLevelAdmin(), wiring.referralTargetAdmin());
    }

    public ServiceLevelAdminHandler(ServiceLevelAdmin admin, ReferralTargetAdmin referrals) {
        this.admin = admin;
        this.referrals = referrals;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        // Every route is for administrators: checked before the body is read, so nobody else learns from its errors.
        StaffCaller caller = StaffCaller.from(request).requireAny(StaffCaller.Role.ADMIN);
        String calendarId = request.pathParameter("calendarId");
        String policyId = request.pathParameter("policyId");
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/service-levels" -> HttpResponses.json(200, admin.get(caller));
            case "PUT /staff/calendars/{calendarId}" -> HttpResponses.json(200, admin.putCalendar(caller,
                    ServiceLevelReader.calendar(Ids.require(calendarId, "calendarId", "calendar"), request.jsonBody())));
            case "POST /staff/calendars/{calendarId}/holidays" -> HttpResponses.json(201, admin.addHoliday(caller,
                    Ids.require(calendarId, "calendarId", "calendar"), ServiceLevelReader.holiday(request.jsonBody())));
            case "DELETE /staff/calendars/{calendarId}/holidays/{date}" -> HttpResponses.json(200, admin.removeHoliday(caller,
                    Ids.require(calendarId, "calendarId", "calendar"), ServiceLevelReader.date(request.pathParameter("date"))));
            case "PUT /staff/policies/{policyId}" -> HttpResponses.json(200, admin.putPolicy(caller, policyId,
                    references -> ServiceLevelReader.policy(policyId, request.jsonBody(), references)));
            case "GET /staff/referral-targets" -> HttpResponses.json(200, referrals.get(caller));
            case "PUT /staff/referral-targets" -> HttpResponses.json(200,
                    referrals.put(caller, ReferralTargetReader.targets(request.jsonBody())));
            case "DELETE /staff/policies/{policyId}" -> {
                admin.deletePolicy(caller, policyId);
                yield HttpResponses.json(200, admin.get(caller));
            }
            default -> throw Refusal.notFound("No such staff route.");
        };
    }
}

package io.civicdesk.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.Map;

/**
 * Who gets which report, for administrators ({@code ReportAccountsFunction}): {@code GET /staff/admin/accounts},
 * {@code PUT} and {@code DELETE /staff/admin/accounts/{staffId}}.
 */
public final class ReportAccountsHandler extends HttpHandler {
    private final ReportAccounts accounts;

    public ReportAccountsHandler() {
        this(ReportsWiring.reportAccounts(AwsClients.dynamoDb()));
    }

    public ReportAccountsHandler(ReportAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller.from(request).requireAny(Role.ADMIN);
        String staffId = request.pathParameter("staffId");
        return switch (request.routeKey()) {
            case "GET /staff/admin/accounts" -> HttpResponses.json(200, accounts.overview());
            case "PUT /staff/admin/accounts/{staffId}" -> HttpResponses.json(200, accounts.save(staffId, ReportAccountReader.read(request.jsonBody())));
            case "DELETE /staff/admin/accounts/{staffId}" -> {
                accounts.remove(staffId, request.queryParameter("version").orElse(null));
                yield HttpResponses.json(200, Map.of("staffId", staffId, "removed", true));
            }
            default -> throw Refusal.notFound("Not Found");
        };
    }
}

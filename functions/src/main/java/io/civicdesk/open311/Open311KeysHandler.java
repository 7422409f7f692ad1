package io.civicdesk.open311;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

/**
 * {@code Open311KeysFunction} (administrators): {@code GET /staff/open311/keys}, {@code POST /staff/open311/keys}
 * (issues a key, shown in this answer only) and {@code POST /staff/open311/keys/{keyId}/revoke}.
 */
public final class Open311KeysHandler extends HttpHandler {
    private final ApiKeys keys;

    public Open311KeysHandler() {
        this(Open311Wiring.keysFromConfig());
    }

    public Open311KeysHandler(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller admin = StaffCaller.from(request).requireAny(Role.ADMIN);
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/open311/keys" -> HttpResponses.json(200, ApiKeyViews.list(keys.all()));
            case "POST /staff/open311/keys" -> {
                ApiKeyFormReader.KeyForm form = ApiKeyFormReader.read(request.jsonBody());
                yield HttpResponses.json(201, ApiKeyViews.issued(keys.issue(form.name(), form.organisation(), admin.name())));
            }
            case "POST /staff/open311/keys/{keyId}/revoke" ->
                    HttpResponses.json(200, ApiKeyViews.key(keys.revoke(request.pathParameter("keyId"), admin.name())));
            default -> throw Refusal.notFound("No such route.");
        };
    }
}

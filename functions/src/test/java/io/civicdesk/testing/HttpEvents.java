package io.civicdesk.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** API Gateway v2 events as the gateway sends them to a handler, for handler tests without a gateway. */
public final class HttpEvents {
    private HttpEvents() {
    }

    /** A route's event; {@code groups} signs the caller in with those roles (none: no verified claims). */
    public static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> path, Object body, String staffId,
                                              String... groups) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setPathParameters(path);
        event.setBody(body == null ? null : body instanceof String text ? text : Json.write(body));
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        if (staffId != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            Map<String, String> claims = new HashMap<>(Map.of("sub", staffId, "name", "Staff " + staffId,
                    "email", staffId + "@council.example", "cognito:groups", "[" + String.join(" ", groups) + "]"));
            jwt.setClaims(claims);
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return event;
    }

    public static APIGatewayV2HTTPResponse call(HttpHandler handler, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an error answer names the field among its errors. */
    public static boolean names(APIGatewayV2HTTPResponse response, String field) {
        for (JsonNode error : json(response).path("errors")) {
            if (field.equals(error.path("field").asText())) {
                return true;
            }
        }
        return false;
    }
}

package io.civicdesk.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON responses, and CSV downloads. Nothing here is cacheable by a shared cache unless a handler says so. */
public final class HttpResponses {
    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, "no-store");
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, String cacheControl) {
        return rawJson(status, Json.write(body), cacheControl);
    }

    /**
     * An answer that depends on request headers named in {@code vary} (e.g. Accept-Language), so a cache keeps one
     * copy per value of them.
     */
    public static APIGatewayV2HTTPResponse json(int status, Object body, String cacheControl, String vary) {
        APIGatewayV2HTTPResponse response = json(status, body, cacheControl);
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
        headers.put("vary", vary);
        response.setHeaders(headers);
        return response;
    }

    /** A body already written as JSON, such as a stored answer replayed to a retry. */
    public static APIGatewayV2HTTPResponse rawJson(int status, String json, String cacheControl) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of(
                        "content-type", "application/json; charset=utf-8",
                        "cache-control", cacheControl,
                        "x-content-type-options", "nosniff"))
                .withBody(json)
                .build();
    }

    /** A CSV file the browser saves rather than shows; it may hold personal information, so no cache keeps it. */
    public static APIGatewayV2HTTPResponse csv(String fileName, String csv) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "content-type", "text/csv; charset=utf-8",
                        "content-disposition", "attachment; filename=\"" + fileName + "\"",
                        "cache-control", "no-store",
                        "x-content-type-options", "nosniff"))
                .withBody(csv)
                .build();
    }

    public static APIGatewayV2HTTPResponse error(Refusal e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        List<FieldError> errors = e.errors();
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        e.details().forEach(body::putIfAbsent);
        return json(e.status(), body);
    }
}

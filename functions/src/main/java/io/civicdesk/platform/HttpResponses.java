package io.civicdesk.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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
        return of(status, "application/json; charset=utf-8", json, cacheControl);
    }

    /** An idempotent command's answer, first time or replayed: never cached, since a retry must reach the function. */
    public static APIGatewayV2HTTPResponse answer(Idempotency.Answer answer) {
        return rawJson(answer.status(), answer.body(), "no-store");
    }

    /** A CSV file the browser saves rather than shows; it may hold personal information, so no cache keeps it. */
    public static APIGatewayV2HTTPResponse csv(String fileName, String csv) {
        return download(fileName, "text/csv; charset=utf-8", csv);
    }

    /** A JSON file the browser saves rather than shows (a subject-access export): personal, so no cache keeps it. */
    public static APIGatewayV2HTTPResponse jsonDownload(String fileName, Object body) {
        return download(fileName, "application/json; charset=utf-8", Json.write(body));
    }

    private static APIGatewayV2HTTPResponse download(String fileName, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of(
                        "content-type", contentType,
                        "content-disposition", "attachment; filename=\"" + fileName + "\"",
                        "cache-control", "no-store",
                        "x-content-type-options", "nosniff"))
                .withBody(body)
                .build();
    }

    /** A body already written in another format, such as an Open311 document in XML. */
    public static APIGatewayV2HTTPResponse of(int status, String contentType, String body, String cacheControl) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of(
                        "content-type", contentType,
                        "cache-control", cacheControl,
                        "x-content-type-options", "nosniff"))
                .withBody(body)
                .build();
    }

    /** A refusal at its status, its body written (given the status) by an API with an error format of its own (Open311's). */
    public static APIGatewayV2HTTPResponse error(Refusal e, String contentType, IntFunction<String> body) {
        return of(e.status(), contentType, body.apply(e.status()), "no-store");
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

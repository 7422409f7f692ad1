package io.civicdesk.open311;

import io.civicdesk.open311.Open311Call.Resource;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.UrlEncoded;
import io.civicdesk.requests.SubmittedStore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a GeoReport v2 call: the gateway's routes are {@code /open311/v2/{document}} and
 * {@code /open311/v2/(services|requests|tokens)/{file}}, since a path parameter must be a whole segment; the file
 * names the document and its format ({@code services.xml}). A {@code POST requests} sends its fields
 * form-urlencoded, as the specification says; {@code GET requests} its filters in the query string.
 */
public final class Open311CallReader {
    private Open311CallReader() {
    }

    /** The format the call asked for, or JSON when it named none we know: errors are answered in it. */
    public static Format format(HttpRequest request) {
        String file = file(request);
        int dot = file == null ? -1 : file.lastIndexOf('.');
        return dot < 0 ? Format.JSON : Format.ofSuffix(file.substring(dot + 1)).orElse(Format.JSON);
    }

    public static Open311Call read(HttpRequest request) {
        String file = file(request);
        int dot = file == null ? -1 : file.lastIndexOf('.');
        Format format = dot < 0 ? null : Format.ofSuffix(file.substring(dot + 1)).orElse(null);
        if (format == null) {
            throw Refusal.invalid("format", "end the document's name with .json or .xml, like services.json.");
        }
        String name = file.substring(0, dot);
        String route = String.valueOf(request.routeKey());
        Resource resource = switch (route) {
            case "GET /open311/v2/{document}" -> switch (name) {
                case "discovery" -> Resource.DISCOVERY;
                case "services" -> Resource.SERVICES;
                case "requests" -> Resource.REQUESTS;
                default -> null;
            };
            case "POST /open311/v2/{document}" -> name.equals("requests") ? Resource.SUBMIT : null;
            case "GET /open311/v2/services/{serviceFile}" -> Resource.SERVICE;
            case "GET /open311/v2/requests/{requestFile}" -> Resource.REQUEST;
            case "GET /open311/v2/tokens/{tokenFile}" -> Resource.TOKEN;
            default -> null;
        };
        if (resource == null) {
            throw Refusal.notFound("There is no GeoReport v2 document " + file + " here: see discovery.json.");
        }
        String id = route.endsWith("{document}") ? null : name;
        if (resource != Resource.SUBMIT) {
            String apiKey = request.queryParameter("api_key").orElse(null);
            return new Open311Call(resource, id, format, apiKey, Map.of(), Optional.empty());
        }
        String body = request.body();
        Map<String, List<String>> form = form(body);
        String apiKey = first(form, "api_key");
        // Scoped by the app's key, so two apps' idempotency keys never meet.
        return new Open311Call(resource, id, format, apiKey, form,
                Idempotency.fromHeader(request, body, "open311:" + apiKey));
    }

    /**
     * Where this API is, as the caller reached it: the endpoint the discovery document gives. A proxy that serves the
     * API under a path of its own says so in {@code X-Forwarded-Prefix} (the local gateway serves it under /api).
     */
    public static String endpoint(HttpRequest request) {
        String host = request.header("host").orElse("localhost");
        String prefix = request.header("x-forwarded-prefix").filter(path -> path.matches("(/[A-Za-z0-9._-]+)+")).orElse("");
        return request.header("x-forwarded-proto").orElse("https") + "://" + host + prefix + "/open311/v2";
    }

    /** The filters of {@code GET requests}; every one that cannot be used is named. */
    public static RequestQuery query(HttpRequest request) {
        List<FieldError> errors = new ArrayList<>();
        List<String> ids = list(request, "service_request_id");
        if (ids.size() > GeoReport.PAGE) {
            errors.add(new FieldError("service_request_id", "ask for at most " + GeoReport.PAGE + " requests at once."));
        }
        Set<String> codes = new LinkedHashSet<>(list(request, "service_code"));
        codes.stream().filter(code -> !Ids.isId(code)).findFirst().ifPresent(code -> errors.add(new FieldError(
                "service_code", code + " is not a service_code: see services.json.")));
        Instant start = date(request, "start_date", errors);
        Instant end = date(request, "end_date", errors);
        Set<String> statuses = new LinkedHashSet<>(list(request, "status"));
        SubmittedStore.State state = SubmittedStore.State.ANY;
        if (!Set.of(PublicRequest.OPEN, PublicRequest.CLOSED).containsAll(statuses)) {
            errors.add(new FieldError("status", "must be open or closed (or both, comma separated)."));
        } else if (statuses.size() == 1) {
            state = statuses.contains(PublicRequest.OPEN) ? SubmittedStore.State.OPEN : SubmittedStore.State.FINISHED;
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new RequestQuery(ids, codes, start, end, state);
    }

    /** The last segment of the path: the route's one path parameter. */
    private static String file(HttpRequest request) {
        return Stream.of("document", "serviceFile", "requestFile", "tokenFile").map(request::pathParameter)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static List<String> list(HttpRequest request, String name) {
        return request.queryParameter(name).map(value -> Arrays.stream(value.split(",")).map(String::strip)
                .filter(each -> !each.isEmpty()).toList()).orElse(List.of());
    }

    private static Instant date(HttpRequest request, String name, List<FieldError> errors) {
        String value = request.queryParameter(name).map(String::strip).filter(text -> !text.isEmpty()).orElse(null);
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a W3C date and time with its offset, like 2026-11-02T09:00:00+08:00."));
            return null;
        }
    }

    /** A form-urlencoded body: each name's values in the order sent. */
    static Map<String, List<String>> form(String body) {
        try {
            return UrlEncoded.parse(body);
        } catch (IllegalArgumentException e) {
            throw Refusal.unreadable("Send the request's fields form-urlencoded (application/x-www-form-urlencoded).");
        }
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }
}

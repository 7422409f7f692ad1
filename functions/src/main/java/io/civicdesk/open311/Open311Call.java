package io.civicdesk.open311;

import java.util.List;
import java.util.Map;

/**
 * One call of the GeoReport v2 API, as its route and path read: which document, the id in its path (a
 * service_code, service_request_id or token), the format asked for, the API key if one was sent, and the form a
 * {@code POST requests} sent.
 */
public record Open311Call(Resource resource, String id, Format format, String apiKey, Map<String, List<String>> form) {

    public enum Resource { DISCOVERY, SERVICES, SERVICE, REQUESTS, REQUEST, TOKEN, SUBMIT }

    public Open311Call {
        form = Map.copyOf(form);
    }
}

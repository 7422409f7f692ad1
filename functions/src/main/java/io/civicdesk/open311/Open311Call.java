package io.civicdesk.open311;

import io.civicdesk.platform.Idempotency;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of the GeoReport v2 API, as its route and path read: which document, the id in its path (a
 * service_code, service_request_id or token), the format asked for, the API key if one was sent, and the form a
 * {@code POST requests} sent, with its {@code Idempotency-Key} when the app sends one (a retry is given the first
 * answer, not a second request).
 */
public record Open311Call(Resource resource, String id, Format format, String apiKey, Map<String, List<String>> form,
                          Optional<Idempotency.Key> idempotencyKey) {

    public enum Resource { DISCOVERY, SERVICES, SERVICE, REQUESTS, REQUEST, TOKEN, SUBMIT }

    public Open311Call {
        form = Map.copyOf(form);
    }
}

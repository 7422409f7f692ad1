package io.civicdesk.open311;

import io.civicdesk.requests.SubmittedStore;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What {@code GET requests} asks for, as read from its parameters. {@code ids}, when given, overrides the rest, as
 * the specification says; otherwise a window of submission times (either end absent: the default 90 days), the
 * services ({@code service_code}, none: all) and open, closed or both.
 */
public record RequestQuery(List<String> ids, Set<String> serviceCodes, Instant start, Instant end,
                           SubmittedStore.State state) {
    public RequestQuery {
        ids = List.copyOf(ids);
        serviceCodes = Set.copyOf(serviceCodes);
    }
}

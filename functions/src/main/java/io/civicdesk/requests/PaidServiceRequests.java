package io.civicdesk.requests;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The requests the finance officer's reconciliation sets beside the payments: those of a service paid online made in
 * a window of time (a key range of the Submitted index, filtered to those services, so the cost is the window's
 * requests, not the table's), and any one request by reference.
 */
public final class PaidServiceRequests {
    /** A day holds far fewer requests of paid services than this; the reconciliation says so if it is reached. */
    public static final int MOST_IN_A_DAY = 1000;

    private final Catalog catalog;
    private final SubmittedStore submitted;
    private final Requests requests;

    public PaidServiceRequests(Catalog catalog, SubmittedStore submitted, Requests requests) {
        this.catalog = catalog;
        this.submitted = submitted;
        this.requests = requests;
    }

    /** A request of a service paid online, and the fee its service asks now. */
    public record Due(ServiceRequest request, long feeCents) {
    }

    /** Requests of the services paid online now, submitted from {@code from} up to {@code to}. */
    public List<Due> submitted(Instant from, Instant to) {
        Map<String, Long> fees = catalog.catalogue().services().stream().filter(Service::paidOnline)
                .collect(Collectors.toMap(Service::id, service -> service.fee().amountCents()));
        if (fees.isEmpty()) {
            return List.of();
        }
        Set<String> paid = fees.keySet();
        return submitted.submitted(from, to, paid, SubmittedStore.State.ANY, MOST_IN_A_DAY).stream()
                .map(requests::get).flatMap(Optional::stream)
                .map(request -> new Due(request, fees.get(request.serviceId()))).toList();
    }

    /** The fee the request's service asks now; nothing once the service has none (or is gone). */
    public long feeOf(ServiceRequest request) {
        return catalog.service(request.serviceId()).filter(Service::paidOnline).map(service -> service.fee().amountCents()).orElse(0L);
    }

    public Optional<ServiceRequest> find(String reference) {
        return Reference.parse(reference).flatMap(requests::get);
    }
}

package io.civicdesk.open311;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.Report;
import io.civicdesk.requests.RequestWithUpdates;
import io.civicdesk.requests.Requests;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.requests.SubmittedStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Open311 GeoReport v2 API (http://wiki.open311.org/GeoReport_v2) over the council's own catalogue and
 * requests: its services and their questions, a report taken exactly as the portal takes one (the same checks,
 * through {@link SubmitRequestService}, recorded with the channel {@code open311}), and the public side of
 * requests. Reports are stored at once, so the answer is the request's reference, never a token.
 */
public final class GeoReport {
    /** The specification's default window: requests submitted in the last 90 days; no longer span is asked for. */
    public static final Duration WINDOW = Duration.ofDays(90);
    /** The most requests one {@code GET requests} answers (the specification allows up to 1000). */
    public static final int PAGE = 100;

    /** The newest requests submitted in a window, of some services, in a state: the Submitted index. */
    @FunctionalInterface
    public interface Arrivals {
        List<Reference> submitted(Instant from, Instant to, Set<String> serviceIds, SubmittedStore.State state, int limit);
    }

    /** A link to a request's approved public photo, if it has one (photos.Photos#publicLink). */
    @FunctionalInterface
    public interface Media {
        Optional<String> url(Reference reference);
    }

    /** As the portal's catalogue is: a change an administrator saves reaches other apps within a minute. */
    private static final Duration KEEP_CATALOGUE = Duration.ofMinutes(1);

    private final Catalog catalog;
    private final Cached<CatalogStore.Catalogue> catalogue;
    private final Requests requests;
    private final Arrivals arrivals;
    private final SubmitRequestService submissions;
    private final Media media;
    private final Clock clock;

    public GeoReport(Catalog catalog, Requests requests, Arrivals arrivals, SubmitRequestService submissions, Media media,
                     Clock clock) {
        this.media = media;
        this.catalog = catalog;
        this.catalogue = new Cached<>(catalog::catalogue, KEEP_CATALOGUE, clock);
        this.requests = requests;
        this.arrivals = arrivals;
        this.submissions = submissions;
        this.clock = clock;
    }

    /** Every service a resident can report, in the portal's order. */
    public List<Service> services() {
        return catalogue.get().services().stream().sorted(Comparator.comparingInt(Service::order)).toList();
    }

    public Service service(String serviceCode) {
        return Optional.ofNullable(serviceCode).filter(Ids::isId).flatMap(catalog::service)
                .orElseThrow(() -> Refusal.notFound("service_code: there is no service " + serviceCode + "."));
    }

    /** The council's name, for the discovery document's contact. */
    public String councilName() {
        return catalogue.get().council().name();
    }

    /**
     * Takes a report of the service {@code serviceCode}: {@code report} is the form read as the portal's own report,
     * checked as the portal checks one, once per idempotency {@code key}; {@code reference} reads the new request's
     * reference from the answer.
     */
    public Submitted submit(String serviceCode, Report report, Optional<Idempotency.Key> key,
                            Function<Idempotency.Answer, String> reference) {
        // A service paid online is paid on the provider's page by the resident, which a client application cannot
        // show: refused, naming why and where it can be reported, rather than taken unpaid or held for a payment
        // nobody is sent to make.
        if (Optional.ofNullable(serviceCode).filter(Ids::isId).flatMap(catalog::service).filter(Service::paidOnline).isPresent()) {
            throw Refusal.invalid("service_code", serviceCode + " has a fee the resident pays online, which this API cannot take:"
                    + " the resident reports it on the council's website, where the fee is paid.");
        }
        String serviceRequestId = reference.apply(submissions.submit(report, key));
        return new Submitted(serviceRequestId, notice(serviceCode).orElse(null));
    }

    public PublicRequest request(String serviceRequestId) {
        return Reference.parse(serviceRequestId).flatMap(requests::find).map(this::publicRequest)
                .orElseThrow(() -> Refusal.notFound("service_request_id: there is no request " + serviceRequestId + "."));
    }

    /** The requests asked for, newest first; at most {@link #PAGE}. */
    public List<PublicRequest> requests(RequestQuery query) {
        List<Reference> references = new ArrayList<>();
        if (!query.ids().isEmpty()) {
            query.ids().stream().map(Reference::parse).flatMap(Optional::stream).distinct().forEach(references::add);
        } else {
            Instant end = query.end() != null ? query.end()
                    : query.start() != null ? query.start().plus(WINDOW) : clock.instant();
            Instant start = query.start() != null ? query.start() : end.minus(WINDOW);
            if (start.isAfter(end)) {
                throw Refusal.invalid("end_date", "must not be before start_date.");
            }
            if (Duration.between(start, end).compareTo(WINDOW) > 0) {
                throw Refusal.invalid("end_date", "a search may span at most 90 days from start_date.");
            }
            references.addAll(arrivals.submitted(start, end, query.serviceCodes(), query.state(), PAGE));
        }
        return references.stream().map(requests::find).flatMap(Optional::stream).map(this::publicRequest)
                .sorted(Comparator.comparing(PublicRequest::requested).reversed()).toList();
    }

    /** Tokens are for servers that store a report later; this one never issues any, so every token is unknown. */
    public Refusal unknownToken(String token) {
        return Refusal.notFound("token: there is no token " + token + ". This server answers POST requests with the "
                + "service_request_id at once and issues no tokens.");
    }

    private PublicRequest publicRequest(RequestWithUpdates found) {
        Unit unit = catalogue.get().units().get(found.request().unitId());
        return PublicRequest.of(found, unit == null ? null : unit.name(), notice(found.request().serviceId()),
                media.url(found.request().reference()));
    }

    /** What happens next, for the service's requests: its notice in the catalogue as kept. */
    private Optional<String> notice(String serviceId) {
        return catalogue.get().services().stream().filter(service -> service.id().equals(serviceId)).findFirst()
                .map(Service::whatHappensNext);
    }
}

package io.civicdesk.open311;

import io.civicdesk.requests.PublicUpdate;
import io.civicdesk.requests.RequestWithUpdates;
import io.civicdesk.requests.ServiceRequest;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Optional;

/**
 * A request as GeoReport v2 shows it: the one place that picks its fields, and only public ones. Never the
 * resident's name, email, phone or description (the product keeps no public description, so none is given), nor
 * the answers to the service's questions. Times are in the request's time zone, so each carries its offset.
 *
 * @param status       {@code open} until the request reaches a final status of its workflow, then {@code closed}
 * @param statusNotes  the latest public update's message
 * @param expected     when its resolution is due by its service-level clock
 * @param mediaUrl     a link to its first photo an officer approved for the public page, or null
 */
public record PublicRequest(String serviceRequestId, String status, String statusNotes, String serviceName,
                            String serviceCode, String agencyResponsible, String serviceNotice,
                            ZonedDateTime requested, ZonedDateTime updated, ZonedDateTime expected, String address,
                            Double latitude, Double longitude, String mediaUrl) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    /** @param notice what happens next, from the request's service as the catalogue has it now; empty once withdrawn */
    public static PublicRequest of(RequestWithUpdates found, String agency, Optional<String> notice, Optional<String> mediaUrl) {
        ServiceRequest request = found.request();
        ZoneId zone = ZoneId.of(request.timeZone());
        Optional<PublicUpdate> latest = found.updates().stream().max(Comparator.comparing(PublicUpdate::at));
        return new PublicRequest(request.reference().value(),
                request.handling().finishedAt() == null ? OPEN : CLOSED,
                latest.map(PublicUpdate::message).orElse(null), request.serviceName(), request.serviceId(), agency,
                notice.orElse(null),
                request.submittedAt().atZone(zone),
                latest.map(PublicUpdate::at).orElse(request.submittedAt()).atZone(zone),
                request.serviceLevel().resolutionDueAt().atZone(zone),
                request.location().address(), request.location().latitude(), request.location().longitude(),
                mediaUrl.orElse(null));
    }
}

package io.civicdesk.photos;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Reference;

/**
 * A request's photos for staff ({@code StaffPhotosFunction}): {@code GET /staff/requests/{reference}/photos} (every
 * photo at once, the read audited), {@code POST /staff/requests/{reference}/photos} (an officer in the field adds
 * one) and {@code POST /staff/requests/{reference}/photos/{photoId}} (shown on the public page, or hidden).
 */
public final class StaffPhotosHandler extends HttpHandler {
    private final Photos photos;

    public StaffPhotosHandler() {
        this(PhotosWiring.fromConfig().photos());
    }

    public StaffPhotosHandler(Photos photos) {
        this.photos = photos;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        Reference reference = PhotoRequestReader.reference(request);
        if (request.routeKey().endsWith("{photoId}")) {
            PhotoRequestReader.Decision decision = PhotoRequestReader.decision(request.jsonBody());
            return HttpResponses.json(200, photos.decide(caller, reference, request.pathParameter("photoId"),
                    decision.shown(), decision.expectedVersion()), "no-store");
        }
        if (request.routeKey().startsWith("POST ")) {
            Photos.Granted granted = photos.addByStaff(caller, reference, PhotoRequestReader.read(request.jsonBody()));
            return HttpResponses.json(201, PhotoViews.granted(granted), "no-store");
        }
        return HttpResponses.json(200, PhotoViews.list(photos.forStaff(caller, reference)), "no-store");
    }
}

package io.civicdesk.photos;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.requests.Reference;

import java.util.Map;

/**
 * A resident's photos ({@code PhotosFunction}): {@code POST /requests/{reference}/photos} grants an upload to the
 * request's private link ({@code X-Private-Key}); {@code GET /requests/{reference}/photos} lists the approved
 * photos, or with the private key all of the resident's own; {@code DELETE /requests/{reference}/photos/{photoId}}
 * removes one of the resident's own, until an officer approves it.
 */
public final class PhotosHandler extends HttpHandler {
    private final Photos photos;

    public PhotosHandler() {
        this(PhotosWiring.fromConfig().photos());
    }

    public PhotosHandler(Photos photos) {
        this.photos = photos;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Reference reference = PhotoRequestReader.reference(request);
        String key = request.header("X-Private-Key").orElse(null);
        if (request.routeKey().startsWith("DELETE ")) {
            photos.removeByResident(reference, key, request.pathParameter("photoId"));
            return HttpResponses.json(200, Map.of("outcome", "removed"), "no-store");
        }
        if (request.routeKey().startsWith("POST ")) {
            Photos.Granted granted = photos.addByResident(reference, key, PhotoRequestReader.read(request.jsonBody()));
            return HttpResponses.json(201, PhotoViews.granted(granted), "no-store");
        }
        return HttpResponses.json(200, PhotoViews.list(photos.forResident(reference, key)), "no-store");
    }
}

package io.civicdesk.guides;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

/**
 * {@code GuidesFunction}: {@code GET /guides} and {@code GET /guides/{topicId}} (anyone: guided help), and
 * {@code GET /staff/guides}, {@code GET|PUT|DELETE /staff/guides/{topicId}} (administrators).
 */
public final class GuidesHandler extends HttpHandler {
    /** As the catalogue is: a change an administrator saves reaches residents within a minute. */
    private static final String CACHE_A_MINUTE = "public, max-age=60";
    private final GuideAdmin guides;

    public GuidesHandler() {
        this(GuidesWiring.admin());
    }

    public GuidesHandler(GuideAdmin guides) {
        this.guides = guides;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String topicId = request.pathParameter("topicId");
        return switch (String.valueOf(request.routeKey())) {
            case "GET /guides" -> HttpResponses.json(200, guides.topics(), CACHE_A_MINUTE);
            case "GET /guides/{topicId}" -> HttpResponses.json(200, guides.published(topicId), CACHE_A_MINUTE);
            case "GET /staff/guides" -> {
                StaffCaller.from(request).requireAny(Role.ADMIN);
                yield HttpResponses.json(200, guides.staffTopics());
            }
            case "GET /staff/guides/{topicId}" -> {
                StaffCaller.from(request).requireAny(Role.ADMIN);
                yield HttpResponses.json(200, guides.staff(topicId));
            }
            case "PUT /staff/guides/{topicId}" -> {
                StaffCaller admin = StaffCaller.from(request).requireAny(Role.ADMIN);
                yield HttpResponses.json(200, guides.save(admin,
                        GuideReader.change(request.jsonBody(), GuideAdmin.topicId(topicId))));
            }
            case "DELETE /staff/guides/{topicId}" -> {
                StaffCaller.from(request).requireAny(Role.ADMIN);
                guides.retire(topicId, GuideReader.version(request.queryParameter("version").orElse(null)));
                yield HttpResponses.json(200, guides.staffTopics());
            }
            default -> throw Refusal.notFound("No such route.");
        };
    }
}

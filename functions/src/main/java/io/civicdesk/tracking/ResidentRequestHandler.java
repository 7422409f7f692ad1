package io.civicdesk.tracking;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.Following;
import io.civicdesk.requests.NotFixedWindow;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.ResidentConversation;
import io.civicdesk.requests.ResidentMessageReader;
import io.civicdesk.requests.ResidentReplies;

/**
 * A resident talking back ({@code POST /requests/{reference}/replies}, {@code …/not-fixed}, with X-Private-Key) and
 * anyone following ({@code …/followers}, {@code …/followers/confirm}, {@code …/followers/unfollow}); docs/conversation.md.
 */
public final class ResidentRequestHandler extends HttpHandler {
    private final ResidentReplies replies;
    private final Following following;

    public ResidentRequestHandler() {
        this(RequestWiring.fromConfig().conversation(NotFixedWindow.fromConfig()));
    }

    public ResidentRequestHandler(ResidentConversation conversation) {
        this.replies = conversation.replies();
        this.following = conversation.following();
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Reference reference = Reference.parse(request.pathParameter("reference")).orElseThrow(() -> Refusal.invalid(
                "reference", "A reference is 8 letters and numbers, like K7MP-3QXR. Check the reference in your confirmation."));
        String body = request.body();
        var json = Json.parseBody(body);
        String secret = request.header("X-Private-Key").orElse(null);
        var key = Idempotency.fromHeader(request, body, reference.value() + request.routeKey()); // a key per request and route
        Idempotency.Answer answer = switch (request.routeKey()) {
            case "POST /requests/{reference}/replies" ->
                    replies.reply(reference, secret, ResidentMessageReader.words(json, "message", "Your message"), key);
            case "POST /requests/{reference}/not-fixed" ->
                    replies.notFixed(reference, secret, ResidentMessageReader.words(json, "reason", "What is still wrong"), key);
            case "POST /requests/{reference}/followers" -> following.follow(reference, ResidentMessageReader.follow(json), key);
            case "POST /requests/{reference}/followers/confirm" ->
                    following.confirm(reference, ResidentMessageReader.token(json));
            case "POST /requests/{reference}/followers/unfollow" ->
                    following.unfollow(reference, ResidentMessageReader.token(json));
            default -> throw Refusal.notFound("Not Found");
        };
        return HttpResponses.answer(answer);
    }
}

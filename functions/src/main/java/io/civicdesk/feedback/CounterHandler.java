package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;

/** {@code POST /counter/answers}: a tap on the counter tablet, whose key comes in {@code X-Counter-Key}. */
public final class CounterHandler extends HttpHandler {
    private final CounterService counter;

    public CounterHandler() {
        this(new FeedbackWiring(AwsClients.dynamoDb()).counter());
    }

    public CounterHandler(CounterService counter) {
        this.counter = counter;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        CounterDevices.Device tablet = counter.tablet(request.header("X-Counter-Key").orElse(null));
        String body = request.body();
        var json = Json.parseBody(body);
        Idempotency.Answer recorded = counter.tap(tablet, CounterReader.tap(json), Idempotency.fromHeader(request, body));
        return HttpResponses.answer(recorded);
    }
}

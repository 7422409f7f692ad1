package io.civicdesk.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A handler typed like the product's: reads the event's fields through the events library's class and answers
 * with a binary body, a cookie and a header, so a test sees both directions of the Lambda serialisation.
 */
public final class TypedHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String summary = event.getRequestContext().getHttp().getMethod() + " " + event.getPathParameters().get("name")
                + " base64=" + event.getIsBase64Encoded() + " env=" + System.getProperty("GREETING")
                + " function=" + context.getFunctionName();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(202)
                .withHeaders(Map.of("content-type", "text/plain", "x-summary", summary))
                .withCookies(List.of("visited=yes; Path=/"))
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}))
                .build();
    }
}

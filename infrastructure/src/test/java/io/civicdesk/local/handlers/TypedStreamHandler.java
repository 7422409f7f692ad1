package io.civicdesk.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;

/** Reads stream records through the events library's DynamodbEvent, as a typed stream handler would. */
public final class TypedStreamHandler implements RequestHandler<DynamodbEvent, Void> {
    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        event.getRecords().forEach(record -> Recorded.add(context.getFunctionName(),
                record.getEventName() + " " + record.getDynamodb().getNewImage().get("pk").getS()));
        return null;
    }
}

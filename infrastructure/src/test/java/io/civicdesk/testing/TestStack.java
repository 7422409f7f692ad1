package io.civicdesk.testing;

import io.civicdesk.local.LocalStack;

/**
 * One local stack — DynamoDB (moto), aws-ses-v2-local, the gateway and the demo council — shared by every
 * test class in the JVM: starting it takes seconds, and each test makes its own requests with their own
 * references, so they do not tread on one another.
 */
public final class TestStack {
    private static LocalStack stack;

    private TestStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            stack = LocalStack.start(LocalStack.Options.defaults().port(0).seedDemoData(true).eventSources(true));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    public static Api api() {
        return new Api(get().apiUrl());
    }
}

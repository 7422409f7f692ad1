package io.civicdesk.testing;

import io.civicdesk.demo.DemoData;
import io.civicdesk.local.LocalStack;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One local stack — DynamoDB (moto), aws-ses-v2-local, the gateway and the demo council — shared by every
 * test class in the JVM: starting it takes seconds, and each test makes its own requests with their own
 * references, so they do not tread on one another.
 *
 * <p>The stack runs at {@code -Dcivicdesk.now} (an offset date-time, e.g. {@code 2026-12-24T10:00+08:00}) when
 * given, else at the real time. Tests take "now" from {@link #clock()}, never from the system clock, so they pass
 * whatever day they run on.
 */
public final class TestStack {
    public static final String NOW = "civicdesk.now";
    private static LocalStack stack;

    private TestStack() {
    }

    public static synchronized LocalStack get() {
        if (stack == null) {
            stack = LocalStack.start(LocalStack.Options.defaults().port(0).seedDemoData(true).eventSources(true).now(startsAt()));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    /** The stack's clock: what every handler, the demo data and the schedules read as "now". */
    public static Clock clock() {
        return get().clock();
    }

    /** Today in Perth, where the demo council is, on the stack's clock. */
    public static LocalDate today() {
        return LocalDate.ofInstant(clock().instant(), DemoData.PERTH);
    }

    public static Api api() {
        return new Api(get().apiUrl());
    }

    private static Instant startsAt() {
        String now = System.getProperty(NOW);
        return now == null || now.isBlank() ? null : OffsetDateTime.parse(now).toInstant();
    }
}

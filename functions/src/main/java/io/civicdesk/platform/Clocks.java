package io.civicdesk.platform;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock every function reads "now" from. Deployed it is the system clock. The local stack may set
 * {@code CLOCK_OFFSET} (an ISO-8601 duration) to run the product, its demo and its tests on a chosen day: the
 * clock then ticks as the system clock does, that far ahead or behind.
 */
public final class Clocks {
    public static final String OFFSET = "CLOCK_OFFSET";

    private Clocks() {
    }

    public static Clock fromConfig() {
        String offset = Config.optional(OFFSET);
        return offset == null ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.parse(offset));
    }
}

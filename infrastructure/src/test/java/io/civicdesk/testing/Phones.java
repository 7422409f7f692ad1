package io.civicdesk.testing;

import io.civicdesk.local.TextsPage;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Mobiles for tests and the texts they receive at the stack's SNS (moto keeps every text it is given). */
public final class Phones {
    private static final SecureRandom RANDOM = new SecureRandom();
    // A ceiling, not a pause, as for mail: the stream poll, the sender and moto share two loaded cores.
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Phones() {
    }

    /** A mobile number no other test uses, as a resident types it: 0412 (an allocated range) and six digits. */
    public static String mobile() {
        return "0412" + String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** The typed Australian mobile in E.164, as texts are addressed. */
    public static String e164(String typed) {
        return "+61" + typed.substring(1);
    }

    /** Every text sent to {@code phone} (E.164) so far. */
    public static List<TextsPage.Message> to(String phone) {
        return TestStack.get().texts().to(phone);
    }

    /** Waits for the first text to {@code phone} (E.164) that {@code which} accepts. */
    public static TextsPage.Message awaitText(String phone, Predicate<TextsPage.Message> which) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<TextsPage.Message> found = to(phone).stream().filter(which).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No such text reached " + phone + " within " + PATIENCE.toSeconds() + " seconds: " + to(phone));
    }
}

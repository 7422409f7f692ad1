package io.civicdesk.testing;

import io.civicdesk.local.Mailbox.Message;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Waits for mail at the stack's aws-ses-v2-local. */
public final class Mailbox {
    // A ceiling, not a pause: on a loaded 2-core machine the stream poll, the sender and SES can take tens of seconds.
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Mailbox() {
    }

    /** Every mail addressed to {@code to} so far. */
    public static List<Message> to(String to) {
        return TestStack.get().mailbox().messages().stream().filter(mail -> mail.to().contains(to)).toList();
    }

    /** Waits up to a minute for the first mail to {@code to}. */
    public static Message awaitMailTo(String to) {
        return awaitMailTo(to, mail -> true);
    }

    /** Waits up to a minute for the first mail to {@code to} that {@code which} accepts. */
    public static Message awaitMailTo(String to, Predicate<Message> which) {
        return awaitMailsTo(to, which, 1).get(0);
    }

    /** Waits up to a minute until {@code count} mails to {@code to} that {@code which} accepts have come; all of them. */
    public static List<Message> awaitMailsTo(String to, Predicate<Message> which, int count) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<Message> mails = to(to).stream().filter(which).toList();
            if (mails.size() >= count) {
                return mails;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError((count == 1 ? "No mail" : "Fewer than " + count + " mails") + " reached " + to + " within "
                + PATIENCE.toSeconds() + " seconds");
    }
}

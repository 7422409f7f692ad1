package io.civicdesk.notify;

import io.civicdesk.platform.Log;
import io.civicdesk.platform.Metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Sends mail and texts from the outbox. Each one is claimed before it is sent, so the stream and the retry sweep never
 * send the same mail at once; a failed send goes back in the queue with a growing wait (30 s doubling to an
 * hour) and is given up — marked failed, never deleted — only after three days or a permanent rejection.
 */
public final class MailSender {
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    /** One sweep's worth: a minute's schedule sends at most this many retries, well within SES's rate. */
    static final int SWEEP_SIZE = 50;

    private final OutboxStore outbox;
    private final Mailer mailer;
    private final Texter texter;
    private final Clock clock;
    private final Metrics metrics;

    public MailSender(OutboxStore outbox, Mailer mailer, Texter texter, Clock clock, Metrics metrics) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.texter = texter;
        this.clock = clock;
        this.metrics = metrics;
    }

    public record Outcome(int sent, int retrying, int failed, int skipped) {
    }

    /** Sends the named mail, newly written (from the table's stream). */
    public Outcome send(Collection<String> mailIds) {
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int skipped = 0;
        for (String mailId : mailIds) {
            switch (sendOne(mailId)) {
                case SENT -> sent++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        Outcome outcome = new Outcome(sent, retrying, failed, skipped);
        Log.info("mail.sent", Map.of("sent", sent, "retrying", retrying, "failed", failed, "skipped", skipped));
        return outcome;
    }

    /** Sends whatever is due for another attempt (the scheduled sweep). */
    public Outcome sendDue() {
        return send(outbox.due(clock.instant(), SWEEP_SIZE));
    }

    private enum Result { SENT, RETRYING, FAILED, SKIPPED }

    private Result sendOne(String mailId) {
        Instant now = clock.instant();
        var claimed = outbox.claim(mailId, now);
        if (claimed.isEmpty()) {
            return Result.SKIPPED;
        }
        OutboxStore.Pending pending = claimed.get();
        try {
            String messageId = pending.message() instanceof Text text ? texter.send(text) : mailer.send((Mail) pending.message());
            outbox.markSent(mailId, messageId, clock.instant());
            return Result.SENT;
        } catch (Mailer.MailNotSent e) {
            Instant failedAt = clock.instant();
            String purpose = pending.message().purpose();
            metrics.count(Metrics.Metric.MAILS_FAILED, purpose);
            if (e.permanent() || failedAt.isAfter(pending.createdAt().plus(GIVE_UP_AFTER))) {
                outbox.markFailed(mailId, failedAt, e.code());
                metrics.count(Metrics.Metric.MAILS_DEAD, purpose);
                Log.info("mail.failed", Map.of("mailId", mailId, "purpose", purpose, "error", e.code()));
                return Result.FAILED;
            }
            outbox.markRetry(mailId, failedAt.plus(waitAfter(pending.attempts() + 1)), e.code());
            return Result.RETRYING;
        }
    }

    /** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, … up to an hour. */
    static Duration waitAfter(int failedAttempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}

package io.civicdesk.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every POST a phone might retry, done once. The command's writes and its answer go in one transaction with
 * the idempotency record; a retry whose first try landed clashes on that record and is given the first answer;
 * a retry that is refused for any other reason (the input no longer checks, the slot is now its own booking) is
 * given the first answer too, if there was one. A part the attempt draws afresh (a random reference that was
 * taken) or a concurrent writer means another attempt after a short random pause, a few at most; when those run
 * out the caller is told to try again (a conflict), never a server error.
 */
public final class IdempotentCommand {
    /** The name of the idempotency record's part in every transaction. */
    public static final String IDEMPOTENCY = "idempotency";
    private static final int ATTEMPTS = 8;
    /** The longest pause before another try; each pause is random up to it, so two contenders part. */
    private static final long MAX_PAUSE_MILLIS = 40;

    /** Where first answers are kept. */
    public interface Answers {
        /** The first answer given with this key, or empty; refused (key reused) when it came first with other details. */
        Optional<Idempotency.Answer> replay(Idempotency.Key key);

        /** The write that keeps this answer, only if the key is new. */
        Write remember(Idempotency.Key key, Idempotency.Answer answer, Instant now);
    }

    /** One try at the command, at {@code now}: what it answers and what it writes. */
    @FunctionalInterface
    public interface Attempt {
        Prepared prepare(Instant now);
    }

    /**
     * The answer and the writes of one try. {@code drawnAfresh} names the parts whose refusal means "try again"
     * (e.g. a reference drawn at random that another request holds); {@code afterCommit} runs once it is written
     * (counting it, logging it).
     */
    public record Prepared(Idempotency.Answer answer, List<Write> writes, Set<String> drawnAfresh, Runnable afterCommit) {
        public Prepared {
            writes = List.copyOf(writes);
            drawnAfresh = Set.copyOf(drawnAfresh);
        }

        public static Prepared of(Idempotency.Answer answer, List<Write> writes) {
            return new Prepared(answer, writes, Set.of(), () -> { });
        }

        public Prepared drawnAfresh(String... parts) {
            return new Prepared(answer, writes, Set.of(parts), afterCommit);
        }

        public Prepared afterCommit(Runnable then) {
            return new Prepared(answer, writes, drawnAfresh, then);
        }
    }

    private final Answers answers;
    private final Transactions transactions;
    private final Clock clock;

    public IdempotentCommand(Answers answers, Transactions transactions, Clock clock) {
        this.answers = answers;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs the command, once per key. Without a key (a client that sends none) it is simply done.
     *
     * @throws Refusal as the attempt refuses, when there was no first answer to give
     * @throws Refused when a part other than the idempotency record or one drawn afresh failed: the caller says why
     */
    public Idempotency.Answer run(Optional<Idempotency.Key> key, Attempt attempt) {
        for (int tries = 1; tries <= ATTEMPTS; tries++) {
            Instant now = clock.instant();
            Prepared prepared;
            try {
                prepared = attempt.prepare(now);
            } catch (Refusal refusal) {
                Optional<Idempotency.Answer> first = key.flatMap(answers::replay);
                if (first.isPresent()) {
                    return first.get();
                }
                throw refusal;
            }
            List<Write> writes = new ArrayList<>(prepared.writes());
            key.ifPresent(k -> writes.add(answers.remember(k, prepared.answer(), now)));
            try {
                transactions.commit(writes);
                prepared.afterCommit().run();
                return prepared.answer();
            } catch (Refused refused) {
                Optional<Idempotency.Answer> first = key.flatMap(answers::replay);
                if (first.isPresent()) {
                    return first.get();
                }
                boolean again = refused.conflict() || refused.failed(IDEMPOTENCY)
                        || prepared.drawnAfresh().stream().anyMatch(refused::failed);
                if (!again) {
                    throw refused;
                }
                pause(tries);
            }
        }
        throw Refusal.conflict("Others are changing the same thing at this moment, so nothing was saved. Please try again.");
    }

    private static void pause(int tries) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, MAX_PAUSE_MILLIS * Math.min(tries, 3) / 3 + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

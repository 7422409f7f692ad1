package io.civicdesk.requests;

import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Write;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** First answers in memory, refusing a key reused with other details as the store does. */
final class InMemoryAnswers implements IdempotentCommand.Answers {
    private record Kept(String fingerprint, Idempotency.Answer answer) {
    }

    private final InMemoryWrites writes;
    private final Map<String, Kept> kept = new HashMap<>();

    InMemoryAnswers(InMemoryWrites writes) {
        this.writes = writes;
    }

    @Override
    public Optional<Idempotency.Answer> replay(Idempotency.Key key) {
        Kept first = kept.get(key.keyHash());
        if (first != null && !first.fingerprint().equals(key.fingerprint())) {
            throw new Refusal(Refusal.Kind.KEY_REUSED, "This Idempotency-Key was already used with different details.");
        }
        return Optional.ofNullable(first).map(Kept::answer);
    }

    @Override
    public Write remember(Idempotency.Key key, Idempotency.Answer answer, Instant now) {
        return writes.stage(IdempotentCommand.IDEMPOTENCY, () -> !kept.containsKey(key.keyHash()),
                () -> kept.put(key.keyHash(), new Kept(key.fingerprint(), answer)));
    }
}

package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Transactions over in-memory fakes: a fake store's write carries its condition and its effect, and a commit applies
 * every effect only when every condition holds, naming the parts that fail as DynamoDB would. A store's real write
 * (a mail in the outbox, a day's figures) has no condition here and is only recorded. Also the idempotency records,
 * for the handler tests of every capability.
 */
public final class InMemoryTransactions implements Transactions, IdempotentCommand.Answers {
    private record Effect(BooleanSupplier condition, Runnable apply) {
    }

    private final Map<Write, Effect> effects = new IdentityHashMap<>();
    private final List<List<Write>> committed = new ArrayList<>();
    private final Map<String, Idempotency.Key> keys = new HashMap<>();
    private final Map<String, Idempotency.Answer> answers = new HashMap<>();

    /** A fake store's write: done only if {@code condition} holds when committed. */
    public Write write(String name, BooleanSupplier condition, Runnable apply) {
        Write write = Write.of(name, TransactWriteItem.builder().build());
        effects.put(write, new Effect(condition, apply));
        return write;
    }

    @Override
    public void commit(List<Write> writes) {
        Set<String> failed = new LinkedHashSet<>();
        for (Write write : writes) {
            Effect effect = effects.get(write);
            if (effect != null && !effect.condition().getAsBoolean()) {
                failed.add(write.name());
            }
        }
        if (!failed.isEmpty()) {
            throw new Refused(failed, false);
        }
        writes.stream().map(effects::get).filter(e -> e != null).forEach(e -> e.apply().run());
        committed.add(List.copyOf(writes));
    }

    /** The names of the parts of every transaction committed, in order. */
    public List<List<String>> committed() {
        return committed.stream().map(writes -> writes.stream().map(Write::name).toList()).toList();
    }

    @Override
    public Optional<Idempotency.Answer> replay(Idempotency.Key key) {
        Idempotency.Key first = keys.get(key.keyHash());
        if (first != null && !first.fingerprint().equals(key.fingerprint())) {
            throw new Refusal(Refusal.Kind.KEY_REUSED, "This Idempotency-Key was already used with different details.");
        }
        return Optional.ofNullable(answers.get(key.keyHash()));
    }

    @Override
    public Write remember(Idempotency.Key key, Idempotency.Answer answer, Instant now) {
        return write(IdempotentCommand.IDEMPOTENCY, () -> !keys.containsKey(key.keyHash()), () -> {
            keys.put(key.keyHash(), key);
            answers.put(key.keyHash(), answer);
        });
    }
}

package io.civicdesk.requests;

import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Transactions over in-memory fakes: each fake stages its writes here with the condition they are written on and
 * what writing them does; a commit checks every condition first and refuses by name, as DynamoDB does. Writes no
 * fake staged (a mail, figures) are taken as written.
 */
final class InMemoryWrites implements Transactions {
    private record Staged(BooleanSupplier holds, Runnable apply) {
    }

    private final Map<Write, Staged> staged = new IdentityHashMap<>();
    int commits;

    Write stage(String name, BooleanSupplier holds, Runnable apply) {
        Write write = Write.of(name, TransactWriteItem.builder().build());
        staged.put(write, new Staged(holds, apply));
        return write;
    }

    @Override
    public void commit(List<Write> writes) {
        Set<String> failed = new LinkedHashSet<>();
        writes.stream().filter(staged::containsKey).filter(write -> !staged.get(write).holds().getAsBoolean())
                .forEach(write -> failed.add(write.name()));
        if (!failed.isEmpty()) {
            throw new Refused(failed, false);
        }
        writes.stream().filter(staged::containsKey).forEach(write -> staged.get(write).apply().run());
        commits++;
    }
}

package io.civicdesk.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who gets which report, in a map, each change conditional on the version as the store's are. */
final class InMemoryAccounts implements Accounts {
    private final Map<String, AccountStore.Account> accounts = new LinkedHashMap<>();

    @Override
    public List<AccountStore.Account> all() {
        return new ArrayList<>(accounts.values());
    }

    @Override
    public Optional<AccountStore.Account> account(String staffId) {
        return Optional.ofNullable(accounts.get(staffId));
    }

    @Override
    public boolean save(AccountStore.Account account, Long expectedVersion) {
        AccountStore.Account current = accounts.get(account.staffId());
        boolean asRead = expectedVersion == null ? current == null : current != null && current.version() == expectedVersion;
        if (!asRead) {
            return false;
        }
        accounts.put(account.staffId(), new AccountStore.Account(account.staffId(), account.unitIds(), account.kinds(),
                expectedVersion == null ? 1 : expectedVersion + 1));
        return true;
    }

    @Override
    public boolean remove(String staffId, long expectedVersion) {
        AccountStore.Account current = accounts.get(staffId);
        return current != null && current.version() == expectedVersion && accounts.remove(staffId) != null;
    }
}

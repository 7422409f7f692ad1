package io.civicdesk.reports;

import java.util.List;
import java.util.Optional;

/** Who gets which report, as the reports read and change it: deployed, {@link AccountStore}; in a test, a map. */
public interface Accounts {
    List<AccountStore.Account> all();

    /** One account manager's account, if they have one. */
    Optional<AccountStore.Account> account(String staffId);

    /** Writes the account if it is still at {@code expectedVersion} (null: if there is none yet); false otherwise. */
    boolean save(AccountStore.Account account, Long expectedVersion);

    /** Removes the account if it is still at {@code expectedVersion}; false when it is not (or is gone). */
    boolean remove(String staffId, long expectedVersion);
}

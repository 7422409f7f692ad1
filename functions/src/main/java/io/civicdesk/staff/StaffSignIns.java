package io.civicdesk.staff;

import io.civicdesk.directory.StaffMember;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.platform.Log;

import java.util.Map;
import java.util.Optional;

/**
 * Each sign-in of a member of staff, as the user pool reports it (its pre token generation trigger): the directory
 * is brought in step with the account, and someone the directory says has left is refused.
 */
public final class StaffSignIns {
    private final Directory directory;

    public StaffSignIns(Directory directory) {
        this.directory = directory;
    }

    /** Cognito refuses the sign-in with this: the directory says they have left. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * {@code account}: what the user pool holds (sub, name, email, unit, groups). Someone the directory says has left
     * is refused, whatever the pool says, so a disable that did not reach Cognito still holds; a settled directory
     * item takes a name, unit or roles changed in the pool by hand (in the console). An account the directory does
     * not know, or one with an administrator's change pending, is left for the administrator's save to finish.
     */
    public void signingIn(StaffMember account) {
        Optional<StaffDirectory.Entry> entry = directory.entry(account.id());
        if (entry.isEmpty()) {
            return;
        }
        StaffMember listed = entry.get().member();
        if (!listed.enabled()) {
            Log.info("staff.sign-in-refused", Map.of("staffId", account.id()));
            throw new Refused("This account is disabled: ask an administrator.");
        }
        StaffMember inPool = new StaffMember(listed.id(), account.name(), listed.email(), account.roles(), account.unitId());
        if (entry.get().signInPending() || inPool.equals(listed)) {
            return;
        }
        long version = entry.get().version();
        // False when an administrator saved meanwhile: their change goes to the pool, so there is nothing to follow.
        if (directory.change(inPool, version)) {
            directory.settle(inPool.id(), version + 1);
            Log.info("staff.followed-sign-in", Map.of("staffId", inPool.id(), "version", version + 1));
        }
    }
}

package io.civicdesk.platform;

import java.util.Set;

/** Why a transaction wrote nothing: the named parts whose conditions failed, or a concurrent writer on its items. */
public final class Refused extends RuntimeException {
    private final Set<String> failed;
    private final boolean conflict;

    public Refused(Set<String> failed, boolean conflict) {
        super("refused " + failed + (conflict ? " (conflict)" : ""), null, false, false);
        this.failed = Set.copyOf(failed);
        this.conflict = conflict;
    }

    public boolean failed(String name) {
        return failed.contains(name);
    }

    public Set<String> failed() {
        return failed;
    }

    /** Another transaction on the same items won; trying again may succeed. */
    public boolean conflict() {
        return conflict;
    }
}

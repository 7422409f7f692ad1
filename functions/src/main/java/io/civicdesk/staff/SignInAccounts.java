package io.civicdesk.staff;

import io.civicdesk.platform.StaffCaller.Role;

import java.util.Set;

/**
 * The staff's sign-in accounts, as the staff capability needs them: deployed, Cognito's user pool
 * ({@link CognitoSignInAccounts}). Every call sets a state rather than a step, so calling it again after a failure
 * part-way does no harm and finishes the job.
 */
public interface SignInAccounts {

    /** The account for an email: its id (the {@code sub} tokens carry), and whether it was made just now. */
    record Opened(String id, boolean created) {
    }

    /**
     * Makes the account for {@code email}, with its name and unit, and sends the invitation to sign in (a temporary
     * password); when the email has an account already, returns that one as it is.
     */
    Opened open(String email, String name, String unitId);

    /** The account's name and unit ({@code unitId} null: none, for those who work across units). */
    void update(String id, String name, String unitId);

    /** The account's roles are exactly these. */
    void setRoles(String id, Set<Role> roles);

    /** No sign-in from now on, and every session the account has is signed out. */
    void disable(String id);

    void enable(String id);

    /** The user pool refused a call or did not answer; what was done before it stays done. */
    final class Failure extends RuntimeException {
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package io.civicdesk.staff;

import java.util.Optional;

/** What a service-level policy refers to, as the catalogue has it now: checked while the policy is read. */
public interface PolicyReferences {
    boolean hasService(String serviceId);

    boolean hasCalendar(String calendarId);

    /** The other policy holding this place in the order, if any. */
    Optional<String> policyAt(int order, String otherThanPolicyId);
}

package io.civicdesk.directory;

import java.util.List;
import java.util.Optional;

/**
 * Who works here, as administration, sign-in and the reports use it: deployed, {@link StaffDirectory}; in a test, a
 * map. Every change is conditional on the version read (false: someone else changed the member meanwhile).
 */
public interface Directory {
    /** The member, whether or not they still work here. */
    Optional<StaffMember> member(String id);

    Optional<StaffDirectory.Entry> entry(String id);

    /** Everyone, those who have gone included, by name. */
    List<StaffDirectory.Entry> everyone();

    /** The members who work in a unit (or, for null, everyone who works here), by name. */
    List<StaffMember> inUnit(String unitId);

    /** Adds a member who is not in the directory yet; false if they are. */
    boolean create(StaffMember member);

    /** Saves a change read at version {@code read}, as {@code read + 1}, pending until sign-in has it too. */
    boolean change(StaffMember member, long read);

    /** Sign-in has caught up with this version; false if the member has changed again since. */
    boolean settle(String id, long version);
}

package io.civicdesk.catalog;

import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.time.LocalDate;
import java.util.Optional;

/** The calendars and policies as administrators change them, beside the catalogue they read. */
public interface ServiceLevelSettings extends Catalog {
    void putCalendar(BusinessCalendar calendar);

    /** Adds a holiday (or renames the one on that date); empty when there is no such calendar. */
    Optional<BusinessCalendar> addHoliday(String calendarId, LocalDate date, String name);

    /** Removes a holiday; empty when the calendar has none on that date (or there is no such calendar). */
    Optional<BusinessCalendar> removeHoliday(String calendarId, LocalDate date);

    /**
     * Stores a policy, taking its place in the order. {@code previousOrder} is the order it was read with (null: a
     * new policy); false when another save got there first (the policy changed, or the place was taken).
     */
    boolean savePolicy(ServiceLevelPolicy policy, Integer previousOrder);

    /** Deletes a policy read with {@code order}, giving up its place; false when it changed or went meanwhile. */
    boolean deletePolicy(String policyId, int order);
}

package io.civicdesk.bookings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a facility may be booked, held as data per facility. Minutes and hours are whole numbers; slot size and
 * buffers are multiples of {@link SlotGrid#GRANULE_MINUTES} so every booking's time lines up with the lock grid.
 *
 * <ul>
 *   <li>{@code slotMinutes}: bookings start and end on multiples of this, counted from midnight;</li>
 *   <li>{@code minMinutes}/{@code maxMinutes}: shortest and longest booking;</li>
 *   <li>{@code minNoticeHours}/{@code maxNoticeDays}: how soon, and how far ahead, a booking may start;</li>
 *   <li>{@code bufferBeforeMinutes}/{@code bufferAfterMinutes}: set-up and clean-up time held with the booking
 *       (a hirer's set-up never overlaps the previous hirer's clean-up);</li>
 *   <li>{@code blackouts}: one-off and repeating times when the facility cannot be booked;</li>
 *   <li>{@code approvalRequired}: a booking is held for a supervisor for up to {@code holdHours};</li>
 *   <li>{@code changeCutoffHours}: a resident may change or cancel until this long before the start;</li>
 *   <li>{@code fee}: quoted with every booking; {@code maxOccurrences}: the longest weekly series.</li>
 * </ul>
 */
public record BookingRules(int slotMinutes, int minMinutes, int maxMinutes, int minNoticeHours, int maxNoticeDays,
                           int bufferBeforeMinutes, int bufferAfterMinutes, List<Blackout> blackouts,
                           boolean approvalRequired, int holdHours, int changeCutoffHours, Fee fee, int maxOccurrences) {

    public BookingRules {
        blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
        for (int minutes : new int[] {slotMinutes, bufferBeforeMinutes, bufferAfterMinutes}) {
            if (minutes % SlotGrid.GRANULE_MINUTES != 0) {
                throw new IllegalArgumentException("Slot size and buffers are multiples of " + SlotGrid.GRANULE_MINUTES + " minutes");
            }
        }
        if (slotMinutes <= 0 || minMinutes < slotMinutes || maxMinutes < minMinutes) {
            throw new IllegalArgumentException("Durations must be positive and min <= max");
        }
        if (SlotGrid.granules(maxMinutes + bufferBeforeMinutes + bufferAfterMinutes) > SlotGrid.MAX_LOCKS_PER_OCCURRENCE) {
            throw new IllegalArgumentException("The longest booking with its buffers must fit in one day");
        }
    }

    /**
     * Fees in cents (GST inclusive). A concession takes a share off the hire fee, never off the bond. With
     * {@code payOnline} a resident pays the total at the end of booking, the slots held meanwhile (payments).
     */
    public record Fee(long hourlyRateCents, long bondCents, List<Concession> concessions, boolean payOnline) {
        public Fee {
            concessions = concessions == null ? List.of() : List.copyOf(concessions);
        }

        /** A fee paid as before: at the counter or by invoice. */
        public Fee(long hourlyRateCents, long bondCents, List<Concession> concessions) {
            this(hourlyRateCents, bondCents, concessions, false);
        }

        public Optional<Concession> concession(String id) {
            return concessions.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    public record Concession(String id, String label, int percentOff) {
    }

    /**
     * A time the facility cannot be booked. One-off: {@code from} to {@code until} (the same date for one day).
     * Repeating: {@code weekly} days, between optional {@code from} and {@code until} dates. Without times it
     * is the whole day; with them, {@code startTime} to {@code endTime} on each day it applies.
     */
    public record Blackout(String reason, LocalDate from, LocalDate until, Set<DayOfWeek> weekly, LocalTime startTime,
                           LocalTime endTime) {
        public Blackout {
            weekly = weekly == null ? Set.of() : Set.copyOf(weekly);
        }

        public static Blackout oneOff(String reason, LocalDate from, LocalDate until) {
            return new Blackout(reason, from, until, Set.of(), null, null);
        }

        public static Blackout weekly(String reason, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
            return new Blackout(reason, null, null, days, start, end);
        }

        public boolean appliesOn(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until))
                    && (weekly.isEmpty() || weekly.contains(date.getDayOfWeek()));
        }

        /** Whether it takes away any of [start, end) on that local day. */
        public boolean overlaps(LocalDateTime start, LocalDateTime end) {
            for (LocalDate date = start.toLocalDate(); !date.isAfter(end.toLocalDate()); date = date.plusDays(1)) {
                if (!appliesOn(date)) {
                    continue;
                }
                LocalDateTime blockStart = date.atTime(startTime == null ? LocalTime.MIN : startTime);
                LocalDateTime blockEnd = endTime == null ? date.plusDays(1).atStartOfDay() : date.atTime(endTime);
                if (start.isBefore(blockEnd) && blockStart.isBefore(end)) {
                    return true;
                }
            }
            return false;
        }
    }
}

package io.civicdesk.bookings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Staff block out a facility from {@code date} to {@code until}: whole days, or from {@code start} to {@code end} each day. */
public record BlockOut(LocalDate date, LocalDate until, LocalTime start, Optional<LocalTime> end, String reason) {

    /** One occurrence per day, in the facility's time zone; without an end time, to midnight. */
    List<Occurrence> days(ZoneId zone) {
        List<Occurrence> days = new ArrayList<>();
        for (LocalDate d = date; !d.isAfter(until); d = d.plusDays(1)) {
            LocalDate day = d;
            days.add(new Occurrence(day.atTime(start).atZone(zone).toInstant(), end
                    .map(time -> day.atTime(time).atZone(zone).toInstant())
                    .orElse(day.plusDays(1).atStartOfDay(zone).toInstant())));
        }
        return days;
    }
}

package io.civicdesk.bookings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A facility residents can book: a hall, a meeting room, an oval, a BBQ shelter, a pavilion. Everything about
 * how it may be booked is data ({@link BookingRules}), so a council changes its rules without a release.
 * Opening hours are per day of the week, in the facility's time zone; a day not listed is closed.
 */
public record Facility(String id, String name, String kind, String summary, String description, String address,
                       int capacity, List<String> features, List<String> accessibility, List<Photo> photos,
                       String timeZone, Map<DayOfWeek, OpeningHours> openingHours, BookingRules rules, int order) {

    public record Photo(String url, String alt) {
    }

    public record OpeningHours(LocalTime opens, LocalTime closes) {
        public boolean covers(LocalTime start, LocalTime end) {
            return !start.isBefore(opens) && !end.isAfter(closes);
        }
    }

    public Facility {
        features = features == null ? List.of() : List.copyOf(features);
        accessibility = accessibility == null ? List.of() : List.copyOf(accessibility);
        photos = photos == null ? List.of() : List.copyOf(photos);
        openingHours = openingHours == null ? Map.of() : Map.copyOf(openingHours);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<OpeningHours> hoursOn(DayOfWeek day) {
        return Optional.ofNullable(openingHours.get(day));
    }
}

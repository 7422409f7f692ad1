package io.civicdesk.feedback;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.platform.Cached;
import io.civicdesk.sla.BusinessCalendar;

import java.time.Clock;
import java.time.Duration;

/** The council and its business calendar, read once every few minutes by a warm container. */
final class CouncilCalendar {
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final Cached<Council> council;
    private final Cached<BusinessCalendar> calendar;

    CouncilCalendar(CatalogStore catalog, Clock clock) {
        this.council = new Cached<>(catalog::council, KEEP, clock);
        this.calendar = new Cached<>(() -> catalog.calendar(council.get().calendarId())
                .orElseThrow(() -> new IllegalStateException("The council's calendar is missing")), KEEP, clock);
    }

    Council council() {
        return council.get();
    }

    BusinessCalendar calendar() {
        return calendar.get();
    }
}

package io.civicdesk.feedback;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.platform.Cached;
import io.civicdesk.sla.BusinessCalendar;

import java.time.Clock;
import java.time.Duration;

/** The council and its business calendar, which every feedback target and count is reckoned in. */
public interface CouncilCalendar {
    Council council();

    BusinessCalendar calendar();

    /** Read once every few minutes by a warm container. */
    static CouncilCalendar cached(CatalogStore catalog, Clock clock) {
        Duration keep = Duration.ofMinutes(5);
        Cached<Council> council = new Cached<>(catalog::council, keep, clock);
        Cached<BusinessCalendar> calendar = new Cached<>(() -> catalog.calendar(council.get().calendarId())
                .orElseThrow(() -> new IllegalStateException("The council's calendar is missing")), keep, clock);
        return of(council::get, calendar::get);
    }

    static CouncilCalendar of(java.util.function.Supplier<Council> council, java.util.function.Supplier<BusinessCalendar> calendar) {
        return new CouncilCalendar() {
            @Override
            public Council council() {
                return council.get();
            }

            @Override
            public BusinessCalendar calendar() {
                return calendar.get();
            }
        };
    }
}

package io.civicdesk.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.OpeningSpan;
import io.civicdesk.sla.PublicHoliday;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The calendars and policies as the service-levels page is sent them (every field, absent ones as null). */
public final class ServiceLevelViews {
    private ServiceLevelViews() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CalendarView(String id, String timeZone, Map<String, List<String>> openingHours,
                               List<PublicHoliday> holidays) {
        static CalendarView of(BusinessCalendar calendar) {
            Map<String, List<String>> hours = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.put(ServiceLevelReader.dayName(day), calendar.openingHours().getOrDefault(day, List.of()).stream()
                        .map(OpeningSpan::toString).toList());
            }
            List<PublicHoliday> holidays = calendar.holidays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(holiday -> new PublicHoliday(holiday.getKey(), holiday.getValue())).toList();
            return new CalendarView(calendar.id(), calendar.zone().getId(), hours, holidays);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PolicyView(String id, int order, String serviceId, String priority, long firstResponseMinutes,
                             long resolutionMinutes, Long keepInformedMinutes, List<Integer> warningPercents,
                             String calendarId) {
        static PolicyView of(ServiceLevelPolicy policy) {
            return new PolicyView(policy.id(), policy.order(), policy.serviceId(), policy.priority(),
                    policy.firstResponse().toMinutes(), policy.resolution().toMinutes(),
                    policy.keepInformed() == null ? null : policy.keepInformed().toMinutes(), policy.warningPercents(),
                    policy.calendarId());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServiceLevelsView(String councilCalendarId, List<CalendarView> calendars, List<PolicyView> policies) {
    }
}

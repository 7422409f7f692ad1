package io.civicdesk.staff;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.OpeningSpan;
import io.civicdesk.sla.ServiceLevelPolicy;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceLevelReaderTest {
    /** A catalogue with one service, one calendar and the urgent policy at place 20. */
    private static final PolicyReferences CATALOGUE = new PolicyReferences() {
        @Override
        public boolean hasService(String serviceId) {
            return serviceId.equals("graffiti");
        }

        @Override
        public boolean hasCalendar(String calendarId) {
            return calendarId.equals("round-the-clock");
        }

        @Override
        public Optional<String> policyAt(int order, String otherThanPolicyId) {
            return order == 20 && !otherThanPolicyId.equals("urgent") ? Optional.of("urgent") : Optional.empty();
        }
    };

    private static Map<String, String> errors(Runnable read) {
        Refusal e = assertThrows(Refusal.class, read::run);
        assertEquals(400, e.status());
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    void aSydneyCalendarWithTwoSpansOnMondayAndAHoliday() {
        BusinessCalendar calendar = ServiceLevelReader.calendar("sydney", Json.MAPPER.valueToTree(Map.of(
                "timeZone", "Australia/Sydney",
                "openingHours", Map.of("monday", List.of("13:00-17:00", "08:00-12:00"), "sunday", List.of()),
                "holidays", List.of(Map.of("date", "2026-01-26", "name", "Australia Day")))));
        assertEquals(ZoneId.of("Australia/Sydney"), calendar.zone());
        assertEquals(List.of(OpeningSpan.parse("08:00-12:00"), OpeningSpan.parse("13:00-17:00")), calendar.openingHours().get(DayOfWeek.MONDAY));
        assertEquals(Map.of(LocalDate.parse("2026-01-26"), "Australia Day"), calendar.holidays());
    }

    @Test
    void everyCalendarMistakeIsNamedAtOnce() {
        Map<String, String> errors = errors(() -> ServiceLevelReader.calendar("bad", Json.MAPPER.valueToTree(Map.of(
                "timeZone", "+08:00",
                "openingHours", Map.of("monday", List.of("08:30-12:30", "12:00-17:00"), "friday", List.of("5pm")),
                "holidays", List.of(Map.of("date", "2026-01-26", "name", "A"), Map.of("date", "2026-01-26", "name", "B"))))));
        assertTrue(errors.get("timeZone").contains("Australia/Sydney"), errors.toString());
        assertTrue(errors.get("openingHours.monday").contains("overlap on Monday"), errors.toString());
        assertTrue(errors.get("openingHours.friday[0]").contains("08:30-17:00"), errors.toString());
        assertTrue(errors.get("holidays[1].date").contains("twice"), errors.toString());
        assertTrue(errors(() -> ServiceLevelReader.calendar("shut", Json.MAPPER.valueToTree(Map.of(
                "timeZone", "Australia/Perth", "openingHours", Map.of("monday", List.of()))))).containsKey("openingHours"));
    }

    @Test
    void aPolicyInBusinessMinutes() {
        ServiceLevelPolicy policy = ServiceLevelReader.policy("graffiti-high", Json.MAPPER.valueToTree(Map.of(
                "order", 25, "serviceId", "graffiti", "priority", "high", "firstResponseMinutes", 240,
                "resolutionMinutes", 1020, "warningPercents", List.of(75, 50), "calendarId", "round-the-clock")), CATALOGUE);
        assertEquals(new ServiceLevelPolicy("graffiti-high", 25, "graffiti", "high", Duration.ofHours(4), Duration.ofHours(17),
                null, List.of(50, 75), "round-the-clock"), policy);
        // The urgent policy may keep its own place.
        assertEquals(20, ServiceLevelReader.policy("urgent", Json.MAPPER.valueToTree(Map.of("order", 20,
                "firstResponseMinutes", 120, "resolutionMinutes", 1020)), CATALOGUE).order());
    }

    @Test
    void everyPolicyMistakeIsNamedAtOnce() {
        Map<String, String> errors = errors(() -> ServiceLevelReader.policy("p", Json.MAPPER.valueToTree(Map.of(
                "order", 20, "serviceId", "graffitti", "priority", "asap", "firstResponseMinutes", 120,
                "resolutionMinutes", 60, "keepInformedMinutes", 0, "warningPercents", List.of(75, 75, 100),
                "calendarId", "weekends")), CATALOGUE));
        assertEquals(List.of("calendarId", "keepInformedMinutes", "order", "priority", "resolutionMinutes", "serviceId",
                "warningPercents[1]", "warningPercents[2]"), errors.keySet().stream().sorted().toList());
        assertTrue(errors.get("order").contains("urgent"), errors.toString());
    }
}

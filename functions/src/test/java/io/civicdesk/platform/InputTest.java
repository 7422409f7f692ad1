package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared readers of ids, dates and numbers: what each accepts, and the field each mistake is named by. */
class InputTest {

    private static JsonNode json(String text) {
        return Json.parseBody("{\"value\":" + text + "}").path("value");
    }

    @Test
    void anIdIsShortLowerCaseLettersDigitsAndHyphens() {
        assertEquals("missed-bin", Ids.require(" missed-bin ", "serviceId", "service"));
        assertEquals("a".repeat(Ids.MAX_LENGTH), Ids.require("a".repeat(Ids.MAX_LENGTH), "serviceId", "service"));
        for (String bad : List.of("a".repeat(Ids.MAX_LENGTH + 1), "a".repeat(2000), "Missed-Bin", "missed bin", "bin/../x",
                "bin\u0000", "bin%20", "bïn", "missed_bin")) {
            Refusal e = assertThrows(Refusal.class, () -> Ids.require(bad, "serviceId", "service"), bad);
            assertEquals(400, e.status());
            assertEquals("serviceId", e.errors().get(0).field());
            assertTrue(e.errors().get(0).message().contains("1 to 64 lower-case letters"), e.errors().get(0).message());
        }
        assertEquals("serviceId", assertThrows(Refusal.class, () -> Ids.require(" ", "serviceId", "service")).errors().get(0).field());
        assertNull(Ids.optional(null, "unit", "unit"));
    }

    @Test
    void anIdInABodyMustBeText() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(Ids.read(json("42"), "about.unitId", "unit", errors));
        assertNull(Ids.read(json("null"), "about.serviceId", "service", errors));
        assertNull(Ids.read(json("[\"waste\"]"), "about.serviceId", "service", errors));
        assertEquals(List.of("about.unitId", "about.serviceId"), errors.stream().map(FieldError::field).toList());
        assertEquals("waste", Ids.read(json("\"waste\""), "about.unitId", "unit", errors));
    }

    @Test
    void aDateIsYearMonthDayWithinTheCouncilsYears() {
        String message = "Give the first day as a date " + DateInput.YEARS + ", like 2026-11-28.";
        List<FieldError> errors = new ArrayList<>();
        assertEquals(LocalDate.of(2026, 11, 28), DateInput.read(" 2026-11-28 ", "from", message, errors));
        assertEquals(DateInput.EARLIEST, DateInput.read("2000-01-01", "from", message, errors));
        assertEquals(DateInput.LATEST, DateInput.read("2100-12-31", "from", message, errors));
        assertNull(DateInput.read("", "from", message, errors));
        assertTrue(errors.isEmpty());
        for (String bad : List.of("9999-12-31", "1999-12-31", "2101-01-01", "+10000-01-01", "-2026-01-01", "2026-02-30",
                "2026-1-1", "28/11/2026", "2026-11-28T00:00", "today")) {
            assertNull(DateInput.read(bad, "from", message, errors), bad);
        }
        assertEquals(10, errors.size());
        assertEquals("Give the first day as a date between 2000 and 2100, like 2026-11-28.", errors.get(0).message());
        Refusal e = assertThrows(Refusal.class, () -> DateInput.optional("9999-12-31", "from", message));
        assertEquals("from", e.errors().get(0).field());
    }

    @Test
    void aRequiredDateMustBeThereAndBeText() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(DateInput.required(json("null"), "date", "Enter the date.", errors));
        assertNull(DateInput.required(json("20261128"), "date", "Enter the date.", errors));
        assertNull(DateInput.required("  ", "holidays[0].date", "Enter the date.", errors));
        assertEquals(List.of("date", "date", "holidays[0].date"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void aMonthIsYearAndMonthWithinTheCouncilsYears() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(YearMonth.of(2026, 3), DateInput.month("2026-03", "from", "Give the month.", errors));
        assertNull(DateInput.month("9999-12", "to", "Give the month.", errors));
        assertNull(DateInput.month("2026-13", "to", "Give the month.", errors));
        assertNull(DateInput.month("2026-03-01", "to", "Give the month.", errors));
        assertEquals(3, errors.size());
    }

    @Test
    void aWholeNumberIsAJsonIntegerInItsRange() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(5L, NumberInput.whole(json("5"), "satisfaction", 1, 5, "Choose 1 to 5.", errors));
        assertNull(NumberInput.whole(json("null"), "satisfaction", 1, 5, "Choose 1 to 5.", errors));
        assertTrue(errors.isEmpty());
        for (String bad : List.of("\"5\"", "2.5", "5.0", "true", "[5]", "{}", "0", "6", "-1", "99999999999999999999", "1e400")) {
            assertNull(NumberInput.whole(json(bad), "satisfaction", 1, 5, "Choose 1 to 5.", errors), bad);
        }
        assertEquals(11, errors.size());
        assertTrue(errors.stream().allMatch(e -> e.field().equals("satisfaction") && e.message().equals("Choose 1 to 5.")));
        assertNull(NumberInput.requiredWhole(json("null"), "expectedVersion", 1, Long.MAX_VALUE, "Send the version.", errors));
        assertEquals("expectedVersion", errors.get(errors.size() - 1).field());
    }

    @Test
    void aNumberIsAFiniteJsonNumber() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(new BigDecimal("2.5"), NumberInput.number(json("2.5"), "answers.volume", "A number, like 3.", errors));
        assertEquals(new BigDecimal("-31"), NumberInput.number(json("-31"), "location.latitude", "A number.", errors));
        for (String bad : List.of("\"2.5\"", "1e400", "-1e400", "false", "\"\"")) {
            assertNull(NumberInput.number(json(bad), "answers.volume", "A number, like 3.", errors), bad);
        }
        assertEquals(5, errors.size());
    }
}

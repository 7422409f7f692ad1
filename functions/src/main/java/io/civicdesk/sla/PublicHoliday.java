package io.civicdesk.sla;

import java.time.LocalDate;

public record PublicHoliday(LocalDate date, String name) {
}

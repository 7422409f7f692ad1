package io.civicdesk.sla;

import java.time.LocalDate;

/** The days by which the council promised a first response and a resolution, in its own time zone. */
public record ExpectedDates(LocalDate response, LocalDate resolution) {
}

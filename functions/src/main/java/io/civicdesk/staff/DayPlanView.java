package io.civicdesk.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.civicdesk.requests.RequestView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An officer's planned day as the staff pages read it: a day never planned has version 0 and no planner. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DayPlanView(String officerId, LocalDate date, List<String> references, long version,
                          RequestView.Named plannedBy, Instant plannedAt) {
}

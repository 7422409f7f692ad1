package io.civicdesk.bookings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.OptionalInt;

/** A resident moves a single booking to another day or time; how many people are expected may change with it. */
public record BookingChange(LocalDate date, LocalTime start, LocalTime end, OptionalInt attendance) {
}

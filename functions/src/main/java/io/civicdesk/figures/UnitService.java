package io.civicdesk.figures;

/** Whose figures: a unit and one of its services. */
public record UnitService(String unitId, String serviceId) {
}

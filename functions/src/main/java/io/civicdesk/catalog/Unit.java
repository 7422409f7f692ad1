package io.civicdesk.catalog;

/** A business unit of the council that owns services and works their requests. */
public record Unit(String id, String name) {
}

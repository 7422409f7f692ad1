package io.civicdesk.catalog;

/**
 * A business unit of the council that owns services and works their requests. {@code email} is the unit's
 * shared inbox (compliments reach it); null where none is set.
 */
public record Unit(String id, String name, String email) {
    public Unit(String id, String name) {
        this(id, name, null);
    }
}
